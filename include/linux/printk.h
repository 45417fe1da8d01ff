/* linux/printk.h: Linux's <linux/printk.h>: the kernel's printk and pr_* helpers. */
#ifndef _INCLUDE_LINUX_PRINTK_H
#define _INCLUDE_LINUX_PRINTK_H

#include <printk.h>

#endif
