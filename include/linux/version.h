/* linux/version.h: Linux's <linux/version.h>: KERNEL_VERSION; freax answers as the Linux ABI it follows (6.1). */
#ifndef _INCLUDE_LINUX_VERSION_H
#define _INCLUDE_LINUX_VERSION_H

#define KERNEL_VERSION(a, b, c) (((a) << 16) + ((b) << 8) + ((c) > 255 ? 255 : (c)))
#define LINUX_VERSION_CODE KERNEL_VERSION(6, 1, 0)

#endif
