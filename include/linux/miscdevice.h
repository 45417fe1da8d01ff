/* linux/miscdevice.h: Linux's <linux/miscdevice.h>: misc_register, misc_deregister. */
#ifndef _INCLUDE_LINUX_MISCDEVICE_H
#define _INCLUDE_LINUX_MISCDEVICE_H

#include <linux/fs.h>
#include <dev/miscdevice.h>

#endif
