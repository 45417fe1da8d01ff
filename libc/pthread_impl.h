/* pthread_impl.h (libc-private): the thread descriptor and the futex helpers the pthread files
 * share. %gs addresses each thread's descriptor, which sits right above its TLS block (i386 TLS
 * variant II): compiled code reads the thread pointer at %gs:0 and gcc's stack canary at
 * %gs:0x14, so those two words keep glibc's places. */
#ifndef _LIBC_PTHREAD_IMPL_H
#define _LIBC_PTHREAD_IMPL_H

#include <pthread.h>
#include <stdint.h>
#include <uapi/futex.h>
#include <uapi/ldt.h>
#include "sysdep.h"

/* musl's default stack size: glibc's 8 MiB would make 64 threads 512 MiB. */
#define DEFAULT_STACK (128 * 1024)

/* detach_state: who frees the thread's memory. */
enum { DT_JOINABLE, DT_DETACHED, DT_EXITING };

struct pthread {
	struct pthread *self;
	uint32_t reserved[4];
	uint32_t stack_guard;
	volatile int tid;		/* 0 once the thread is gone (CLONE_CHILD_CLEARTID) */
	volatile int detach_state;
	int errno_val;
	void *(*start)(void *);
	void *arg, *result;
	void *map_base;			/* stack, TLS and this descriptor: one mapping */
	size_t map_size;
	volatile int cancel;		/* pthread_cancel was called */
	int cancel_disable, cancel_async;
	struct __ptcb *cleanup;
	struct robust_list_head robust;
	struct { void *value; unsigned seq; } tsd[PTHREAD_KEYS_MAX];
};

/* Mutex type word: the PTHREAD_MUTEX_* type in the low bits, then these. */
#define MUTEX_TYPE_MASK    3
#define MUTEX_ROBUST       4
#define MUTEX_SHARED       8
#define MUTEX_INCONSISTENT 16	/* EOWNERDEAD returned, pthread_mutex_consistent not yet called */
#define MUTEX_NOTRECOVERABLE ((int)FUTEX_TID_MASK)	/* lock word of a robust mutex given up */

/* Signal used by pthread_cancel (glibc's SIGCANCEL: the first real-time signal). */
#define SIGCANCEL 32

static inline struct pthread *__pthread_self(void)
{
	struct pthread *self;

	__asm__("movl %%gs:0, %0" : "=r"(self));
	return self;
}

static inline int __futex_op(int shared)
{
	return shared ? 0 : FUTEX_PRIVATE_FLAG;
}

/* futex(FUTEX_WAIT_BITSET) with an absolute timeout on clk (or none): 0, or -ETIMEDOUT, -EAGAIN,
 * -EINTR. A cancellation point when cp is set. */
int __futex_wait(volatile int *addr, int val, int shared, clockid_t clk,
		 const struct timespec *abstime, int cp);
void __futex_wake(volatile int *addr, int n, int shared);

/* A plain futex lock for the library's own short critical sections. */
void __lock(volatile int *l);
void __unlock(volatile int *l);

void __testcancel(void);

/* Thread start-up and exit bookkeeping shared by create, exit and fork. */
extern volatile int __thread_count;
void __pthread_tsd_run_dtors(struct pthread *self);
void __robust_release_all(struct pthread *self);
void __tls_desc(struct user_desc *d, struct pthread *t);
size_t __tls_size(void);
struct pthread *__tls_place(void *top);

#endif
