/* linux/kernel.h: Linux's <linux/kernel.h>: the kernel's printk, string and helper macros. */
#ifndef _INCLUDE_LINUX_KERNEL_H
#define _INCLUDE_LINUX_KERNEL_H

#include <kernel.h>
#include <linux/printk.h>

#endif
