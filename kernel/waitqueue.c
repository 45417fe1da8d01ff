/* waitqueue.c: wait queues (see waitqueue.h).
 *
 * Interrupt and lock discipline. The kernel runs on one CPU and is not
 * preempted while it runs kernel code: another process runs only when the
 * current one calls schedule(). Interrupt handlers, however, may run at any
 * moment and may call wake_up(). So every operation on a queue runs with
 * interrupts masked (irq_save/irq_restore), and a sleeper follows this order:
 *   1. prepare_to_wait: queue itself and set its state to sleeping;
 *   2. test the condition;
 *   3. schedule() only if the condition is still false.
 * A wake-up that lands between 2 and 3 sets the state back to runnable, and
 * schedule() then returns at once: the wake-up is not lost. After schedule()
 * returns, the loop tests the condition again, because a wake-up means only
 * "something changed", not "your condition holds". */
#include "kernel.h"
#include "proc.h"
#include "waitqueue.h"
#include "x86/x86.h"

void init_waitqueue_head(struct wait_queue_head *wq)
{
	list_init(&wq->head);
}

void init_wait_entry(struct wait_queue_entry *w)
{
	w->proc = current;
	w->exclusive = false;
	list_init(&w->link);
}

static void prepare(struct wait_queue_head *wq, struct wait_queue_entry *w, int state, bool excl)
{
	uint32_t f = irq_save();
	w->exclusive = excl;
	/* Exclusive waiters queue at the tail so that non-exclusive ones, at the
	 * head, are all woken before the one exclusive waiter. */
	if (list_empty(&w->link)) {
		if (excl)
			list_add_tail(&w->link, &wq->head);
		else
			list_add(&w->link, &wq->head);
	}
	current->state = P_SLEEPING;
	current->sleep_state = state;
	irq_restore(f);
}

void prepare_to_wait(struct wait_queue_head *wq, struct wait_queue_entry *w, int state)
{
	prepare(wq, w, state, false);
}

void prepare_to_wait_exclusive(struct wait_queue_head *wq, struct wait_queue_entry *w, int state)
{
	prepare(wq, w, state, true);
}

void finish_wait(struct wait_queue_head *wq, struct wait_queue_entry *w)
{
	(void)wq;
	uint32_t f = irq_save();
	current->state = P_RUNNABLE;
	if (!list_empty(&w->link))
		list_del(&w->link);
	irq_restore(f);
}

bool waitqueue_active(struct wait_queue_head *wq)
{
	return !list_empty(&wq->head);
}

/* Wakes the waiters of wq: every non-exclusive one and up to nr_exclusive
 * exclusive ones (0: all). interruptible_only leaves uninterruptible sleepers. */
static void wake_common(struct wait_queue_head *wq, int nr_exclusive, bool interruptible_only, bool sync)
{
	uint32_t f = irq_save();
	struct wait_queue_entry *w, *n;
	list_for_each_entry_safe(w, n, &wq->head, link) {
		struct proc *p = w->proc;
		if (interruptible_only && p->sleep_state != TASK_INTERRUPTIBLE)
			continue;
		/* Removed as it is woken (Linux's autoremove): a second wake-up
		 * must find the next exclusive waiter, not this one again. */
		list_del(&w->link);
		bool woke = sync ? wake_process_sync(p) : wake_process(p);
		if (woke && w->exclusive && --nr_exclusive == 0)
			break;
	}
	irq_restore(f);
}

void wake_up(struct wait_queue_head *wq)
{
	wake_common(wq, 1, false, false);
}

void wake_up_interruptible(struct wait_queue_head *wq)
{
	wake_common(wq, 1, true, false);
}

void wake_up_interruptible_sync(struct wait_queue_head *wq)
{
	wake_common(wq, 1, true, true);
}

void wake_up_all(struct wait_queue_head *wq)
{
	wake_common(wq, 0, false, false);
}

bool signal_pending_current(void)
{
	return signal_pending(current);
}
