/* pthread_cond.c: condition variables on one futex word, a sequence number every signal bumps:
 * a waiter notes it before releasing the mutex and sleeps only while it is unchanged, so a signal
 * between the two is never lost. Waking may be spurious (POSIX allows it); broadcast wakes every
 * sleeper rather than requeueing them on the mutex, which keeps the mutex's protocol simple. */
#include <errno.h>
#include <limits.h>
#include "pthread_impl.h"

struct waiting {
	pthread_cond_t *c;
	pthread_mutex_t *m;
};

/* Cancelled in the wait: POSIX has the mutex taken again before the cleanup handlers run. */
static void unwait(void *arg)
{
	struct waiting *w = arg;

	__atomic_sub_fetch(&w->c->waiters, 1, __ATOMIC_SEQ_CST);
	pthread_mutex_lock(w->m);
}

int pthread_cond_timedwait(pthread_cond_t *c, pthread_mutex_t *m, const struct timespec *abstime)
{
	struct waiting w = { c, m };
	struct __ptcb cb;
	int seq, r, lr;

	if (abstime && (unsigned long)abstime->tv_nsec >= 1000000000ul)
		return EINVAL;
	seq = c->seq;
	__atomic_add_fetch(&c->waiters, 1, __ATOMIC_SEQ_CST);
	r = pthread_mutex_unlock(m);
	if (r) {
		__atomic_sub_fetch(&c->waiters, 1, __ATOMIC_SEQ_CST);
		return r;
	}
	__pthread_cleanup_push(&cb, unwait, &w);
	r = -__futex_wait(&c->seq, seq, c->shared, c->clock, abstime, 1);
	__pthread_cleanup_pop(&cb, 0);
	__atomic_sub_fetch(&c->waiters, 1, __ATOMIC_SEQ_CST);
	lr = pthread_mutex_lock(m);
	if (lr)
		return lr;	/* EOWNERDEAD from a robust mutex: the caller must know */
	return r == ETIMEDOUT ? ETIMEDOUT : 0;
}

int pthread_cond_wait(pthread_cond_t *c, pthread_mutex_t *m)
{
	return pthread_cond_timedwait(c, m, 0);
}

static void wake(pthread_cond_t *c, int n)
{
	if (!__atomic_load_n(&c->waiters, __ATOMIC_SEQ_CST))
		return;
	__atomic_add_fetch(&c->seq, 1, __ATOMIC_SEQ_CST);
	__futex_wake(&c->seq, n, c->shared);
}

int pthread_cond_signal(pthread_cond_t *c)
{
	wake(c, 1);
	return 0;
}

int pthread_cond_broadcast(pthread_cond_t *c)
{
	wake(c, INT_MAX);
	return 0;
}

int pthread_cond_init(pthread_cond_t *c, const pthread_condattr_t *a)
{
	c->seq = 0;
	c->waiters = 0;
	c->clock = a ? a->clock : CLOCK_REALTIME;
	c->shared = a ? a->shared : 0;
	return 0;
}

int pthread_cond_destroy(pthread_cond_t *c)
{
	(void)c;
	return 0;
}

int pthread_condattr_init(pthread_condattr_t *a)
{
	a->clock = CLOCK_REALTIME;
	a->shared = 0;
	return 0;
}

int pthread_condattr_destroy(pthread_condattr_t *a)
{
	(void)a;
	return 0;
}

int pthread_condattr_setclock(pthread_condattr_t *a, clockid_t clk)
{
	if (clk != CLOCK_REALTIME && clk != CLOCK_MONOTONIC)
		return EINVAL;
	a->clock = clk;
	return 0;
}

int pthread_condattr_getclock(const pthread_condattr_t *a, clockid_t *clk)
{
	*clk = a->clock;
	return 0;
}

int pthread_condattr_setpshared(pthread_condattr_t *a, int shared)
{
	if ((unsigned)shared > PTHREAD_PROCESS_SHARED)
		return EINVAL;
	a->shared = shared;
	return 0;
}

int pthread_condattr_getpshared(const pthread_condattr_t *a, int *shared)
{
	*shared = a->shared;
	return 0;
}
