/* linux/errno.h: Linux's <linux/errno.h>: the kernel's errno numbers. */
#ifndef _INCLUDE_LINUX_ERRNO_H
#define _INCLUDE_LINUX_ERRNO_H

#include <uapi/errno.h>
#include <fs/file.h>

#endif
