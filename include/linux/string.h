/* linux/string.h: Linux's <linux/string.h>: the kernel's string functions. */
#ifndef _INCLUDE_LINUX_STRING_H
#define _INCLUDE_LINUX_STRING_H

#include <kernel.h>

#endif
