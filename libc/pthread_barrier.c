/* pthread_barrier.c: barriers and spinlocks. A barrier counts arrivals under a small lock; the
 * last arrival starts a new generation and wakes the others, who sleep on the generation word. */
#include <errno.h>
#include <limits.h>
#include <sched.h>
#include "pthread_impl.h"

int pthread_barrier_init(pthread_barrier_t *b, const pthread_barrierattr_t *a, unsigned count)
{
	(void)a;
	if (count == 0)
		return EINVAL;
	b->lock = 0;
	b->arrived = 0;
	b->generation = 0;
	b->count = count;
	return 0;
}

int pthread_barrier_destroy(pthread_barrier_t *b)
{
	(void)b;
	return 0;
}

int pthread_barrier_wait(pthread_barrier_t *b)
{
	int gen;

	__lock(&b->lock);
	gen = b->generation;
	if ((unsigned)++b->arrived == b->count) {
		b->arrived = 0;
		__atomic_add_fetch(&b->generation, 1, __ATOMIC_SEQ_CST);
		__unlock(&b->lock);
		__futex_wake(&b->generation, INT_MAX, 0);
		return PTHREAD_BARRIER_SERIAL_THREAD;
	}
	__unlock(&b->lock);
	while (b->generation == gen)
		__futex_wait(&b->generation, gen, 0, CLOCK_MONOTONIC, 0, 0);
	return 0;
}

int pthread_barrierattr_init(pthread_barrierattr_t *a)
{
	a->shared = 0;
	return 0;
}

int pthread_barrierattr_destroy(pthread_barrierattr_t *a)
{
	(void)a;
	return 0;
}

int pthread_spin_init(pthread_spinlock_t *s, int shared)
{
	(void)shared;
	*s = 0;
	return 0;
}

int pthread_spin_destroy(pthread_spinlock_t *s)
{
	(void)s;
	return 0;
}

int pthread_spin_trylock(pthread_spinlock_t *s)
{
	return __atomic_exchange_n(s, 1, __ATOMIC_ACQUIRE) ? EBUSY : 0;
}

/* With one CPU the holder cannot run while we spin: give it the CPU instead. */
int pthread_spin_lock(pthread_spinlock_t *s)
{
	while (__atomic_exchange_n(s, 1, __ATOMIC_ACQUIRE))
		sched_yield();
	return 0;
}

int pthread_spin_unlock(pthread_spinlock_t *s)
{
	__atomic_store_n(s, 0, __ATOMIC_RELEASE);
	return 0;
}
