/* linux/device.h: Linux's <linux/device.h>: device_create and device_destroy. */
#ifndef _INCLUDE_LINUX_DEVICE_H
#define _INCLUDE_LINUX_DEVICE_H

#include <dev/chrdev.h>
#include <linux/kernel.h>

#endif
