/* pthread_key.c: thread-specific data and pthread_once. Each key has a sequence number, bumped
 * when it is created or deleted; a thread's value counts only while it carries the key's current
 * number, so deleting a key forgets every thread's value without visiting the threads. */
#include <errno.h>
#include <limits.h>
#include "pthread_impl.h"

static struct {
	void (*destructor)(void *);
	unsigned seq;
	int used;
} keys[PTHREAD_KEYS_MAX];
static volatile int keys_lock;

int pthread_key_create(pthread_key_t *k, void (*destructor)(void *))
{
	unsigned i;

	__lock(&keys_lock);
	for (i = 0; i < PTHREAD_KEYS_MAX && keys[i].used; i++)
		;
	if (i < PTHREAD_KEYS_MAX) {
		keys[i].used = 1;
		keys[i].seq++;
		keys[i].destructor = destructor;
		*k = i;
	}
	__unlock(&keys_lock);
	return i < PTHREAD_KEYS_MAX ? 0 : EAGAIN;
}

int pthread_key_delete(pthread_key_t k)
{
	int r = EINVAL;

	__lock(&keys_lock);
	if (k < PTHREAD_KEYS_MAX && keys[k].used) {
		keys[k].used = 0;
		keys[k].seq++;
		r = 0;
	}
	__unlock(&keys_lock);
	return r;
}

void *pthread_getspecific(pthread_key_t k)
{
	struct pthread *self = __pthread_self();

	if (k >= PTHREAD_KEYS_MAX || self->tsd[k].seq != keys[k].seq)
		return 0;
	return self->tsd[k].value;
}

int pthread_setspecific(pthread_key_t k, const void *value)
{
	struct pthread *self = __pthread_self();

	if (k >= PTHREAD_KEYS_MAX || !keys[k].used)
		return EINVAL;
	self->tsd[k].value = (void *)value;
	self->tsd[k].seq = keys[k].seq;
	return 0;
}

/* At thread exit: a destructor may set values again, so POSIX allows a few more rounds. */
void __pthread_tsd_run_dtors(struct pthread *self)
{
	for (int round = 0; round < PTHREAD_DESTRUCTOR_ITERATIONS; round++) {
		int ran = 0;

		for (unsigned k = 0; k < PTHREAD_KEYS_MAX; k++) {
			void *v = pthread_getspecific(k);

			if (v && keys[k].destructor) {
				self->tsd[k].value = 0;
				keys[k].destructor(v);
				ran = 1;
			}
		}
		if (!ran)
			break;
	}
}

/* once: 0 not run, 1 running, 2 running with threads waiting, 3 done. */
int pthread_once(pthread_once_t *once, void (*fn)(void))
{
	volatile int *o = once;

	for (;;) {
		int v = __sync_val_compare_and_swap(o, 0, 1);

		if (v == 0) {
			fn();
			if (__atomic_exchange_n(o, 3, __ATOMIC_SEQ_CST) == 2)
				__futex_wake(o, INT_MAX, 0);
			return 0;
		}
		if (v == 3)
			return 0;
		if (v == 1 && !__sync_bool_compare_and_swap(o, 1, 2))
			continue;
		__futex_wait(o, 2, 0, CLOCK_MONOTONIC, 0, 0);
	}
}
