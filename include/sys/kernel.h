/* sys/kernel.h: FreeBSD's <sys/kernel.h>: SYSINIT orders (DECLARE_MODULE takes them) over the kernel's basics. */
#ifndef _INCLUDE_SYS_KERNEL_H
#define _INCLUDE_SYS_KERNEL_H

#include <kernel.h>

#define SI_SUB_DRIVERS 0x3100000
#define SI_SUB_KLD     0x2000000
#define SI_ORDER_FIRST  0x0
#define SI_ORDER_MIDDLE 0x1000000
#define SI_ORDER_ANY    0xfffffff

#endif
