/* thread_compat.h: the few pthread calls the thread tests use. With glibc
 * they are glibc's own pthreads; with the project's libc (no pthreads yet)
 * they are made here from raw clone(CLONE_THREAD ...) and futex, so both
 * builds go through the same kernel paths and print the same lines. */
#ifndef THREAD_COMPAT_H
#define THREAD_COMPAT_H

#ifdef __GLIBC__
#include <pthread.h>
#else
#include <stdint.h>
#include <stdlib.h>

#define THREAD_STACK 16384
#define CLONE_THREAD_FLAGS (0x100 | 0x200 | 0x400 | 0x800 | 0x10000 | 0x40000 | 0x100000 | 0x200000)

typedef struct thread {
	volatile int tid;       /* cleared by the kernel at the thread's exit (CLONE_CHILD_CLEARTID) */
	void *(*fn)(void *);
	void *arg, *ret;
	char *stack;
} *pthread_t;
typedef struct { volatile int state; } pthread_mutex_t;   /* 0 free, 1 locked, 2 contended */
#define PTHREAD_MUTEX_INITIALIZER { 0 }

static inline void thread_start(struct thread *t)
{
	t->ret = t->fn(t->arg);
	for (;;)
		__asm__ volatile("int $0x80" : : "a"(__NR_exit), "b"(0));
}

/* The child starts on its own stack, where thread_start's argument waits. */
static inline int pthread_create(pthread_t *out, const void *attr, void *(*fn)(void *), void *arg)
{
	(void)attr;
	struct thread *t = calloc(1, sizeof(*t));
	t->fn = fn;
	t->arg = arg;
	t->stack = malloc(THREAD_STACK);
	uint32_t *sp = (uint32_t *)(t->stack + THREAD_STACK);
	*--sp = (uint32_t)t;
	*--sp = 0;              /* thread_start's return address: it never returns */
	long r;
	__asm__ volatile("int $0x80\n\t"
			 "testl %%eax, %%eax\n\t"
			 "jnz 1f\n\t"
			 "jmp %P[start]\n"
			 "1:"
			 : "=a"(r)
			 : "0"(__NR_clone), "b"(CLONE_THREAD_FLAGS), "c"(sp), "d"(&t->tid), "S"(0), "D"(&t->tid),
			   [start] "i"(thread_start)
			 : "memory");
	*out = t;
	return r < 0 ? (int)-r : 0;
}

static inline long futex_call(volatile int *w, int op, int val)
{
	return raw_syscall6(__NR_futex, (long)w, op, val, 0, 0, 0);
}

static inline int pthread_join(pthread_t t, void **ret)
{
	int tid;
	while ((tid = t->tid) != 0)
		futex_call(&t->tid, 0 /* FUTEX_WAIT */, tid);
	if (ret)
		*ret = t->ret;
	free(t->stack);
	free(t);
	return 0;
}

static inline int pthread_mutex_lock(pthread_mutex_t *m)
{
	int c = __sync_val_compare_and_swap(&m->state, 0, 1);
	if (c == 0)
		return 0;
	if (c != 2)
		c = __atomic_exchange_n(&m->state, 2, __ATOMIC_SEQ_CST);
	while (c != 0) {
		futex_call(&m->state, 128 /* FUTEX_WAIT_PRIVATE */, 2);
		c = __atomic_exchange_n(&m->state, 2, __ATOMIC_SEQ_CST);
	}
	return 0;
}

static inline int pthread_mutex_unlock(pthread_mutex_t *m)
{
	if (__atomic_fetch_sub(&m->state, 1, __ATOMIC_SEQ_CST) != 1) {
		m->state = 0;
		futex_call(&m->state, 129 /* FUTEX_WAKE_PRIVATE */, 1);
	}
	return 0;
}
#endif
#endif
