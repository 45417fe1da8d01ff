/* waitqueue.c: wait queues (see waitqueue.h).
 *
 * Lock discipline, for several CPUs and for callers with or without the big
 * kernel lock (a driver's read runs without it). Each queue has its own
 * spinlock, taken with interrupts off (an interrupt handler may call
 * wake_up()); it protects the list and the entries' links, and nests
 * outside the scheduler's run-queue lock (wake_process takes that). A
 * sleeper follows Linux's order:
 *   1. prepare_to_wait: under the queue lock, queue itself and set its state
 *      to sleeping, then a full barrier (set_current_state's smp_mb);
 *   2. test the condition;
 *   3. schedule() only if the condition is still false.
 * A waker makes the condition true first and then calls wake_up(), which
 * takes the queue lock: either its critical section comes after the
 * sleeper's, and it finds the sleeper queued and makes it runnable (if that
 * lands between 2 and 3, schedule() returns at once: sched.c keeps a process
 * that was woken before it left its CPU), or it comes before, and then the
 * sleeper's test in step 2, ordered after the waker's store by the lock and
 * the barrier, sees the condition true. Either way no wake-up is lost. After
 * schedule() returns, the loop tests the condition again, because a wake-up
 * means only "something changed", not "your condition holds". */
#include "kernel.h"
#include "proc.h"
#include "waitqueue.h"
#include "x86/x86.h"

void init_waitqueue_head(struct wait_queue_head *wq)
{
	list_init(&wq->head);
	spin_lock_init(&wq->lock);
}

void init_wait_entry(struct wait_queue_entry *w)
{
	w->proc = current;
	w->exclusive = false;
	list_init(&w->link);
}

static void prepare(struct wait_queue_head *wq, struct wait_queue_entry *w, int state, bool excl)
{
	unsigned long f;
	spin_lock_irqsave(&wq->lock, f);
	w->exclusive = excl;
	/* Exclusive waiters queue at the tail so that non-exclusive ones, at the
	 * head, are all woken before the one exclusive waiter. */
	if (list_empty(&w->link)) {
		if (excl)
			list_add_tail(&w->link, &wq->head);
		else
			list_add(&w->link, &wq->head);
	}
	current->sleep_state = state;
	current->state = P_SLEEPING;
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	spin_unlock_irqrestore(&wq->lock, f);
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
	unsigned long f;
	spin_lock_irqsave(&wq->lock, f);
	current->state = P_RUNNABLE;
	if (!list_empty(&w->link)) {
		list_del(&w->link);
		list_init(&w->link);
	}
	spin_unlock_irqrestore(&wq->lock, f);
}

bool waitqueue_active(struct wait_queue_head *wq)
{
	return !list_empty(&wq->head);
}

/* Wakes the waiters of wq: every non-exclusive one and up to nr_exclusive
 * exclusive ones (0: all). interruptible_only leaves uninterruptible sleepers. */
static void wake_common(struct wait_queue_head *wq, int nr_exclusive, bool interruptible_only, bool sync)
{
	unsigned long f;
	spin_lock_irqsave(&wq->lock, f);
	struct wait_queue_entry *w, *n;
	list_for_each_entry_safe(w, n, &wq->head, link) {
		struct proc *p = w->proc;
		if (interruptible_only && p->sleep_state != TASK_INTERRUPTIBLE)
			continue;
		/* Removed as it is woken (Linux's autoremove): a second wake-up
		 * must find the next exclusive waiter, not this one again. */
		list_del(&w->link);
		list_init(&w->link);
		bool woke = sync ? wake_process_sync(p) : wake_process(p);
		if (woke && w->exclusive && --nr_exclusive == 0)
			break;
	}
	spin_unlock_irqrestore(&wq->lock, f);
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
