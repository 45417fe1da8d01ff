/* linux/ioctl.h: Linux's <linux/ioctl.h>: _IO, _IOR, _IOW, _IOWR. */
#ifndef _INCLUDE_LINUX_IOCTL_H
#define _INCLUDE_LINUX_IOCTL_H

#include <uapi/ioctl.h>

#endif
