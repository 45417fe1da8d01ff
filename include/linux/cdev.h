/* linux/cdev.h: Linux's <linux/cdev.h>: struct cdev, cdev_init, cdev_add, cdev_del. */
#ifndef _INCLUDE_LINUX_CDEV_H
#define _INCLUDE_LINUX_CDEV_H

#include <dev/chrdev.h>

#endif
