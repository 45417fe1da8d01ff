/* completion.c: the completions of completion.h, on a wait queue like
 * mutex.c: each waiter re-tries try_wait_for_completion after every
 * wake-up, so complete() wakes one exclusive waiter per completion, and a
 * waiter that gives up (a signal, a timeout) while a completion is pending
 * passes the wake-up on to the next one. */
#include "locking/completion.h"
#include "locking/might_sleep.h"
#include "uapi/errno.h"
#include "x86/x86.h"

#define COMPLETE_ALL ((unsigned int)-1)

void init_completion(struct completion *x)
{
	x->done = 0;
	x->lock = (arch_spinlock_t)__ARCH_SPIN_LOCK_UNLOCKED;
	init_waitqueue_head(&x->wait);
}

static uint32_t completion_lock(struct completion *x)
{
	uint32_t f = irq_save();
	arch_spin_lock(&x->lock);
	return f;
}

static void completion_unlock(struct completion *x, uint32_t f)
{
	arch_spin_unlock(&x->lock);
	irq_restore(f);
}

bool try_wait_for_completion(struct completion *x)
{
	uint32_t f = completion_lock(x);
	bool took = x->done != 0;
	if (took && x->done != COMPLETE_ALL)
		x->done--;
	completion_unlock(x, f);
	return took;
}

bool completion_done(struct completion *x)
{
	return __atomic_load_n(&x->done, __ATOMIC_ACQUIRE) != 0;
}

static long wait_common(struct completion *x, long timeout, int state, bool intr)
{
	might_sleep();
	long r = __wait_event(x->wait, try_wait_for_completion(x), state, true, timeout, intr);
	if (r <= 0 && completion_done(x))
		wake_up(&x->wait);
	return r;
}

void wait_for_completion(struct completion *x)
{
	wait_common(x, -1L, TASK_UNINTERRUPTIBLE, false);
}

int wait_for_completion_interruptible(struct completion *x)
{
	long r = wait_common(x, -1L, TASK_INTERRUPTIBLE, true);
	return r < 0 ? (int)r : 0;
}

unsigned long wait_for_completion_timeout(struct completion *x, unsigned long timeout)
{
	return (unsigned long)wait_common(x, (long)timeout, TASK_UNINTERRUPTIBLE, false);
}

long wait_for_completion_interruptible_timeout(struct completion *x, unsigned long timeout)
{
	return wait_common(x, (long)timeout, TASK_INTERRUPTIBLE, true);
}

void complete(struct completion *x)
{
	uint32_t f = completion_lock(x);
	if (x->done != COMPLETE_ALL)
		x->done++;
	completion_unlock(x, f);
	wake_up(&x->wait);
}

void complete_all(struct completion *x)
{
	uint32_t f = completion_lock(x);
	x->done = COMPLETE_ALL;
	completion_unlock(x, f);
	wake_up_all(&x->wait);
}
