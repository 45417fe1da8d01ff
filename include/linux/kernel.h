/* linux/kernel.h: Linux's <linux/kernel.h>: the kernel's printk, string and helper macros (min, max, container_of). */
#ifndef _INCLUDE_LINUX_KERNEL_H
#define _INCLUDE_LINUX_KERNEL_H

#include <kernel.h>
#include <linux/printk.h>
#include <locking/might_sleep.h>

/* Linux's spellings of MIN, MAX and strtoul. */
#define min(a, b) MIN(a, b)
#define max(a, b) MAX(a, b)
#define min_t(type, a, b) MIN((type)(a), (type)(b))
#define max_t(type, a, b) MAX((type)(a), (type)(b))
#define simple_strtoul strtoul
#define S64_MAX INT64_MAX
#define U32_MAX UINT32_MAX

#endif
