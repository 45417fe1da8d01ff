/* pthread_mutex.c: mutexes, normal, recursive and error-checking, optionally robust and process-
 * shared. The lock word is the owner's tid, with FUTEX_WAITERS once someone sleeps on it: the
 * kernel's robust-futex protocol, so when the owner of a robust mutex dies the kernel finds the
 * mutex on the owner's robust list, sets FUTEX_OWNER_DIED and wakes a waiter, who then gets
 * EOWNERDEAD. Unlock clears the whole word and wakes one sleeper only if FUTEX_WAITERS was set;
 * a thread that slept takes the lock with FUTEX_WAITERS set, since others may still sleep. */
#include <errno.h>
#include <limits.h>
#include <stddef.h>
#include <string.h>
#include "pthread_impl.h"

#define TYPE(m) ((m)->type & MUTEX_TYPE_MASK)
/* Shared futex calls for robust mutexes too: the kernel wakes a dead owner's waiter with a shared
 * wake, which on Linux does not meet a private wait (glibc does the same). */
#define FUTEX_SHARED(m) ((m)->type & (MUTEX_SHARED | MUTEX_ROBUST))
#define OWNER(v) ((int)((v) & FUTEX_TID_MASK))
#define NODE(m) ((struct robust_list *)&(m)->next)

static pthread_mutex_t *node_mutex(void *node)
{
	return (pthread_mutex_t *)((char *)node - offsetof(pthread_mutex_t, next));
}

/* The kernel walks this list at the thread's exit; list_op_pending covers the moment a mutex is
 * taken or given but not yet linked or unlinked. */
static void robust_begin(struct pthread *self, pthread_mutex_t *m)
{
	if (!self->robust.list.next) {
		self->robust.list.next = (uintptr_t)&self->robust.list;
		self->robust.futex_offset = (int)offsetof(pthread_mutex_t, lock) -
					    (int)offsetof(pthread_mutex_t, next);
		__syscall(__NR_set_robust_list, &self->robust, sizeof self->robust);
	}
	self->robust.list_op_pending = (uintptr_t)NODE(m);
}

static void robust_link(struct pthread *self, pthread_mutex_t *m)
{
	void *first = (void *)self->robust.list.next;

	m->next = first;
	m->prev = &self->robust.list;
	if (first != &self->robust.list)
		node_mutex(first)->prev = NODE(m);
	self->robust.list.next = (uintptr_t)NODE(m);
}

static void robust_unlink(struct pthread *self, pthread_mutex_t *m)
{
	struct robust_list *prev = m->prev;

	prev->next = (uintptr_t)m->next;
	if (m->next != &self->robust.list)
		node_mutex(m->next)->prev = prev;
}

/* A detached thread's robust list goes with its memory before the kernel could walk it, so the
 * thread marks its robust mutexes owner-died itself, as the kernel would (robust_list.c). */
void __robust_release_all(struct pthread *self)
{
	void *node = (void *)self->robust.list.next;

	for (; node && node != &self->robust.list; node = node_mutex(node)->next) {
		pthread_mutex_t *m = node_mutex(node);
		int old = __atomic_exchange_n(&m->lock, (int)FUTEX_OWNER_DIED, __ATOMIC_SEQ_CST);

		if (old & FUTEX_WAITERS)
			__futex_wake(&m->lock, 1, FUTEX_SHARED(m));
	}
	__syscall(__NR_set_robust_list, 0, sizeof self->robust);
}

/* One attempt at a free lock word v: 0 taken, EOWNERDEAD taken from a dead owner, EBUSY not. */
static int try_take(pthread_mutex_t *m, struct pthread *self, int v, int sleepers)
{
	int want = self->tid | (v & (int)FUTEX_WAITERS) | sleepers;

	if (!__sync_bool_compare_and_swap(&m->lock, v, want))
		return EBUSY;
	m->count = 0;
	if (m->type & MUTEX_ROBUST) {
		robust_link(self, m);
		self->robust.list_op_pending = 0;
		if (v & FUTEX_OWNER_DIED) {
			m->type |= MUTEX_INCONSISTENT;
			return EOWNERDEAD;
		}
	}
	return 0;
}

/* The checks before any wait: relocking by the owner, a robust mutex given up. -1: go on. */
static int owner_checks(pthread_mutex_t *m, struct pthread *self)
{
	int v = m->lock;

	if (OWNER(v) == self->tid && TYPE(m) != PTHREAD_MUTEX_NORMAL) {
		if (TYPE(m) == PTHREAD_MUTEX_ERRORCHECK)
			return EDEADLK;
		if (m->count == INT_MAX)
			return EAGAIN;
		m->count++;
		return 0;
	}
	if (OWNER(v) == MUTEX_NOTRECOVERABLE)
		return ENOTRECOVERABLE;
	if (m->type & MUTEX_ROBUST)
		robust_begin(self, m);
	return -1;
}

int pthread_mutex_timedlock(pthread_mutex_t *m, const struct timespec *abstime)
{
	struct pthread *self = __pthread_self();
	int shared = FUTEX_SHARED(m), sleepers = 0;
	int r = owner_checks(m, self);

	if (r >= 0)
		return r;
	for (;;) {
		int v = m->lock;

		if (OWNER(v) == MUTEX_NOTRECOVERABLE) {
			r = ENOTRECOVERABLE;
			break;
		}
		if (!OWNER(v)) {
			r = try_take(m, self, v, sleepers);
			if (r != EBUSY)
				return r;
			continue;
		}
		if (!(v & FUTEX_WAITERS) &&
		    !__sync_bool_compare_and_swap(&m->lock, v, v | (int)FUTEX_WAITERS))
			continue;
		r = -__futex_wait(&m->lock, v | (int)FUTEX_WAITERS, shared, CLOCK_REALTIME, abstime, 0);
		if (r == ETIMEDOUT || r == EINVAL)
			break;
		sleepers = (int)FUTEX_WAITERS;
	}
	self->robust.list_op_pending = 0;
	return r;
}

int pthread_mutex_lock(pthread_mutex_t *m)
{
	/* The fast path: a free normal mutex, one compare-and-swap. */
	if (m->type == PTHREAD_MUTEX_NORMAL &&
	    __sync_bool_compare_and_swap(&m->lock, 0, __pthread_self()->tid))
		return 0;
	return pthread_mutex_timedlock(m, 0);
}

int pthread_mutex_trylock(pthread_mutex_t *m)
{
	struct pthread *self = __pthread_self();
	int r = owner_checks(m, self), v;

	if (r >= 0)
		return r == EDEADLK ? EBUSY : r;
	v = m->lock;
	r = OWNER(v) ? EBUSY : try_take(m, self, v, 0);
	if (r == EBUSY)
		self->robust.list_op_pending = 0;
	return r;
}

int pthread_mutex_unlock(pthread_mutex_t *m)
{
	struct pthread *self = __pthread_self();
	int given_up = 0, old;

	if (TYPE(m) != PTHREAD_MUTEX_NORMAL || (m->type & MUTEX_ROBUST)) {
		if (OWNER(m->lock) != self->tid)
			return EPERM;
		if (m->count) {
			m->count--;
			return 0;
		}
	}
	if (m->type & MUTEX_ROBUST) {
		self->robust.list_op_pending = (uintptr_t)NODE(m);
		robust_unlink(self, m);
		/* Unlocked without pthread_mutex_consistent: no one can use it again. */
		given_up = m->type & MUTEX_INCONSISTENT;
		m->type &= ~MUTEX_INCONSISTENT;
	}
	old = __atomic_exchange_n(&m->lock, given_up ? MUTEX_NOTRECOVERABLE : 0, __ATOMIC_RELEASE);
	self->robust.list_op_pending = 0;
	if (given_up || (old & FUTEX_WAITERS))
		__futex_wake(&m->lock, given_up ? INT_MAX : 1, FUTEX_SHARED(m));
	return 0;
}

int pthread_mutex_consistent(pthread_mutex_t *m)
{
	if (!(m->type & MUTEX_INCONSISTENT) ||
	    OWNER(m->lock) != __pthread_self()->tid)
		return EINVAL;
	m->type &= ~MUTEX_INCONSISTENT;
	return 0;
}

int pthread_mutex_init(pthread_mutex_t *m, const pthread_mutexattr_t *a)
{
	memset(m, 0, sizeof *m);
	if (a)
		m->type = a->type;
	return 0;
}

int pthread_mutex_destroy(pthread_mutex_t *m)
{
	return OWNER(m->lock) && OWNER(m->lock) != MUTEX_NOTRECOVERABLE ? EBUSY : 0;
}

int pthread_mutexattr_init(pthread_mutexattr_t *a)
{
	a->type = PTHREAD_MUTEX_DEFAULT;
	return 0;
}

int pthread_mutexattr_destroy(pthread_mutexattr_t *a)
{
	(void)a;
	return 0;
}

int pthread_mutexattr_settype(pthread_mutexattr_t *a, int type)
{
	if ((unsigned)type > PTHREAD_MUTEX_ERRORCHECK)
		return EINVAL;
	a->type = (a->type & ~MUTEX_TYPE_MASK) | type;
	return 0;
}

int pthread_mutexattr_gettype(const pthread_mutexattr_t *a, int *type)
{
	*type = a->type & MUTEX_TYPE_MASK;
	return 0;
}

static int set_flag(pthread_mutexattr_t *a, int flag, int on, int valid_max)
{
	if ((unsigned)on > (unsigned)valid_max)
		return EINVAL;
	a->type = on ? a->type | flag : a->type & ~flag;
	return 0;
}

int pthread_mutexattr_setrobust(pthread_mutexattr_t *a, int robust)
{
	return set_flag(a, MUTEX_ROBUST, robust, PTHREAD_MUTEX_ROBUST);
}

int pthread_mutexattr_getrobust(const pthread_mutexattr_t *a, int *robust)
{
	*robust = !!(a->type & MUTEX_ROBUST);
	return 0;
}

int pthread_mutexattr_setpshared(pthread_mutexattr_t *a, int shared)
{
	return set_flag(a, MUTEX_SHARED, shared, PTHREAD_PROCESS_SHARED);
}

int pthread_mutexattr_getpshared(const pthread_mutexattr_t *a, int *shared)
{
	*shared = !!(a->type & MUTEX_SHARED);
	return 0;
}
