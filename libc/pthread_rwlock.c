/* pthread_rwlock.c: reader-writer locks on one futex word: the number of readers, or
 * WRITER for a writer, with bit 31 set while someone sleeps. Readers go in whenever no writer
 * holds the lock (so a stream of readers can starve writers, as glibc's default does). */
#include <errno.h>
#include <limits.h>
#include "pthread_impl.h"

#define WRITER  0x7fffffff
#define SLEEPER ((int)0x80000000)

/* Takes the lock for a reader (count + 1) or a writer (WRITER, only from 0); else EBUSY, or
 * sleeps with the sleeper bit set and tries again. */
static int take(pthread_rwlock_t *l, int writer, int try)
{
	for (;;) {
		int v = l->lock, n = v & WRITER;

		if (writer ? n == 0 : n != WRITER) {
			if (!writer && n == WRITER - 1)
				return EAGAIN;	/* reader count full */
			if (__sync_bool_compare_and_swap(&l->lock, v, writer ? WRITER | (v & SLEEPER) : v + 1))
				return 0;
			continue;
		}
		if (try)
			return EBUSY;
		__atomic_add_fetch(&l->waiters, 1, __ATOMIC_SEQ_CST);
		if (__sync_bool_compare_and_swap(&l->lock, v, v | SLEEPER))
			__futex_wait(&l->lock, v | SLEEPER, l->shared, CLOCK_MONOTONIC, 0, 0);
		__atomic_sub_fetch(&l->waiters, 1, __ATOMIC_SEQ_CST);
	}
}

int pthread_rwlock_rdlock(pthread_rwlock_t *l) { return take(l, 0, 0); }
int pthread_rwlock_tryrdlock(pthread_rwlock_t *l) { return take(l, 0, 1); }
int pthread_rwlock_wrlock(pthread_rwlock_t *l) { return take(l, 1, 0); }
int pthread_rwlock_trywrlock(pthread_rwlock_t *l) { return take(l, 1, 1); }

int pthread_rwlock_unlock(pthread_rwlock_t *l)
{
	int v, n, next;

	do {
		v = l->lock;
		n = v & WRITER;
		if (!n)
			return EPERM;
		/* The last one out clears the sleeper bit and wakes everyone to compete again. */
		next = n == WRITER || n == 1 ? 0 : v - 1;
	} while (!__sync_bool_compare_and_swap(&l->lock, v, next));
	if (!next && ((v & SLEEPER) || l->waiters))
		__futex_wake(&l->lock, INT_MAX, l->shared);
	return 0;
}

int pthread_rwlock_init(pthread_rwlock_t *l, const pthread_rwlockattr_t *a)
{
	l->lock = 0;
	l->waiters = 0;
	l->shared = a ? a->shared : 0;
	return 0;
}

int pthread_rwlock_destroy(pthread_rwlock_t *l)
{
	(void)l;
	return 0;
}

int pthread_rwlockattr_init(pthread_rwlockattr_t *a)
{
	a->shared = 0;
	return 0;
}

int pthread_rwlockattr_destroy(pthread_rwlockattr_t *a)
{
	(void)a;
	return 0;
}
