/* linux/hardirq.h: Linux's <linux/hardirq.h>: in_irq, in_interrupt, irq_enter/irq_exit. */
#ifndef _INCLUDE_LINUX_HARDIRQ_H
#define _INCLUDE_LINUX_HARDIRQ_H

#include <locking/preempt.h>

#endif
