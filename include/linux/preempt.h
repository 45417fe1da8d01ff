/* linux/preempt.h: Linux's <linux/preempt.h>: preempt_disable/enable, preempt_count, in_interrupt, in_atomic. */
#ifndef _INCLUDE_LINUX_PREEMPT_H
#define _INCLUDE_LINUX_PREEMPT_H

#include <locking/preempt.h>

#endif
