/* completion.h: Linux's completions: "this has happened" for a waiter,
 * counted, so that a complete() before the wait is not lost. done counts
 * the completions not yet waited for (UINT_MAX after complete_all: every
 * wait returns at once). complete() may be called from an interrupt
 * handler; the waits sleep, exclusively, on the completion's wait queue. */
#ifndef LOCKING_COMPLETION_H
#define LOCKING_COMPLETION_H

#include <stdbool.h>
#include "locking/spinlock.h"
#include "waitqueue.h"

struct completion {
	unsigned int done;
	arch_spinlock_t lock;           /* done's, with interrupts off */
	struct wait_queue_head wait;
};

#define COMPLETION_INITIALIZER(work) \
	{ .done = 0, .lock = __ARCH_SPIN_LOCK_UNLOCKED, .wait = { LIST_HEAD_INIT((work).wait.head) } }
#define DECLARE_COMPLETION(work) struct completion work = COMPLETION_INITIALIZER(work)
#define DECLARE_COMPLETION_ONSTACK(work) DECLARE_COMPLETION(work)

void init_completion(struct completion *x);
/* For reuse, once no one waits on it any more. */
static inline void reinit_completion(struct completion *x)
{
	__atomic_store_n(&x->done, 0, __ATOMIC_RELAXED);
}

void wait_for_completion(struct completion *x);
/* 0, or -ERESTARTSYS when a signal came first. */
int wait_for_completion_interruptible(struct completion *x);
/* The ticks left (at least 1), or 0 when the timeout passed first. */
unsigned long wait_for_completion_timeout(struct completion *x, unsigned long timeout);
/* The ticks left, 0 on timeout, -ERESTARTSYS on a signal. */
long wait_for_completion_interruptible_timeout(struct completion *x, unsigned long timeout);
/* Takes one completion without sleeping: whether there was one. */
bool try_wait_for_completion(struct completion *x);
/* Whether a wait would return at once. */
bool completion_done(struct completion *x);
void complete(struct completion *x);
void complete_all(struct completion *x);

#endif
