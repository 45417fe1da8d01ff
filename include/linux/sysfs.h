/* linux/sysfs.h: Linux's <linux/sysfs.h>: attributes and sysfs_create_file. */
#ifndef _INCLUDE_LINUX_SYSFS_H
#define _INCLUDE_LINUX_SYSFS_H

#include <fs/sysfs.h>

#endif
