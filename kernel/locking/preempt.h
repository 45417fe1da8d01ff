/* preempt.h: Linux's preempt_count, per task as in Linux i386's
 * thread_info: the low byte counts preempt_disable (every held spinning
 * lock is one), HARDIRQ_MASK the interrupt handlers the task's stack is in
 * (trap.c's irq_enter/irq_exit). The kernel is not preemptible, so the
 * count only answers in_atomic(), in_interrupt() and the sleeping check
 * (might_sleep.c). Interrupts nest on the interrupted task's stack, so the
 * count they raise is back to where it was before any switch. */
#ifndef LOCKING_PREEMPT_H
#define LOCKING_PREEMPT_H

#include "locking/barrier.h"
#include "proc.h"

#define PREEMPT_BITS   8
#define SOFTIRQ_BITS   8
#define HARDIRQ_BITS   4
#define PREEMPT_SHIFT  0
#define SOFTIRQ_SHIFT  (PREEMPT_SHIFT + PREEMPT_BITS)
#define HARDIRQ_SHIFT  (SOFTIRQ_SHIFT + SOFTIRQ_BITS)
#define PREEMPT_MASK   (((1 << PREEMPT_BITS) - 1) << PREEMPT_SHIFT)
#define SOFTIRQ_MASK   (((1 << SOFTIRQ_BITS) - 1) << SOFTIRQ_SHIFT)
#define HARDIRQ_MASK   (((1 << HARDIRQ_BITS) - 1) << HARDIRQ_SHIFT)
#define PREEMPT_OFFSET (1 << PREEMPT_SHIFT)
#define HARDIRQ_OFFSET (1 << HARDIRQ_SHIFT)

static inline int preempt_count(void)
{
	return READ_ONCE(current->preempt_count);
}

#define preempt_count_add(n) do { current->preempt_count += (n); barrier(); } while (0)
#define preempt_count_sub(n) do { barrier(); current->preempt_count -= (n); } while (0)
#define preempt_disable() preempt_count_add(PREEMPT_OFFSET)
#define preempt_enable() preempt_count_sub(PREEMPT_OFFSET)
#define preempt_enable_no_resched() preempt_enable()

#define hardirq_count() (preempt_count() & HARDIRQ_MASK)
#define softirq_count() (preempt_count() & SOFTIRQ_MASK)
#define irq_count()     (preempt_count() & (HARDIRQ_MASK | SOFTIRQ_MASK))
#define in_irq()        (hardirq_count() != 0)
#define in_hardirq()    in_irq()
#define in_softirq()    (softirq_count() != 0)
#define in_interrupt()  (irq_count() != 0)
#define in_task()       (!in_interrupt())
#define in_atomic()     (preempt_count() != 0)

/* Around an interrupt handler (trap.c). */
#define irq_enter() preempt_count_add(HARDIRQ_OFFSET)
#define irq_exit()  preempt_count_sub(HARDIRQ_OFFSET)

#endif
