/* linux/kobject.h: Linux's <linux/kobject.h>: kobjects, kernel_kobj, kobject_create_and_add. */
#ifndef _INCLUDE_LINUX_KOBJECT_H
#define _INCLUDE_LINUX_KOBJECT_H

#include <fs/sysfs.h>

#endif
