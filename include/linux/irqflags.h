/* linux/irqflags.h: Linux's <linux/irqflags.h>: local_irq_save/restore/enable/disable, irqs_disabled. */
#ifndef _INCLUDE_LINUX_IRQFLAGS_H
#define _INCLUDE_LINUX_IRQFLAGS_H

#include <locking/irqflags.h>

#endif
