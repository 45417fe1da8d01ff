/* pthread_create.c: creating, ending and joining threads. A thread is one anonymous mapping: a
 * guard page, its stack, then its TLS block and descriptor at the top (tls.c). The kernel clears
 * the descriptor's tid and wakes it when the thread is gone (CLONE_CHILD_CLEARTID), which is
 * what join sleeps on; a detached thread unmaps its own memory on the way out. */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include "pthread_impl.h"

#define PAGE 4096

#define THREAD_FLAGS (CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD | \
		      CLONE_SYSVSEM | CLONE_SETTLS | CLONE_PARENT_SETTID | CLONE_CHILD_CLEARTID)

int __clone(int (*fn)(void *), void *stack, int flags, void *arg, volatile int *ptid,
	    void *tls, volatile int *ctid);

volatile int __thread_count = 1;

static int start(void *arg)
{
	struct pthread *self = arg;

	pthread_exit(self->start(self->arg));
}

int pthread_create(pthread_t *res, const pthread_attr_t *attr, void *(*fn)(void *), void *arg)
{
	size_t stack = attr && attr->stacksize ? attr->stacksize : DEFAULT_STACK;
	size_t guard = attr ? attr->guardsize : PAGE;
	size_t size, tls = __tls_size();
	struct user_desc d;
	struct pthread *t;
	char *map;
	int r;

	guard = (guard + PAGE - 1) & ~(size_t)(PAGE - 1);
	size = (guard + stack + tls + PAGE - 1) & ~(size_t)(PAGE - 1);
	if (size < stack)
		return EINVAL;
	map = mmap(0, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (map == MAP_FAILED)
		return EAGAIN;
	if (guard && mprotect(map, guard, PROT_NONE) < 0) {
		munmap(map, size);
		return EAGAIN;
	}
	t = __tls_place(map + size - tls);
	t->map_base = map;
	t->map_size = size;
	t->start = fn;
	t->arg = arg;
	t->detach_state = attr && attr->detached ? DT_DETACHED : DT_JOINABLE;
	__tls_desc(&d, t);
	__atomic_add_fetch(&__thread_count, 1, __ATOMIC_SEQ_CST);
	r = __clone(start, map + size - tls, THREAD_FLAGS, t, &t->tid, &d, &t->tid);
	if (r < 0) {
		__atomic_sub_fetch(&__thread_count, 1, __ATOMIC_SEQ_CST);
		munmap(map, size);
		return -r;
	}
	*res = t;
	return 0;
}

/* Frees the memory the caller runs on, so no stack after munmap: both calls in registers. Signals
 * are blocked first (a handler would need the stack), and the kernel is told not to clear the
 * tid word, which a new mapping may soon hold. */
static _Noreturn void unmap_self(struct pthread *self)
{
	sigset_t all;

	sigfillset(&all);
	__syscall(__NR_rt_sigprocmask, SIG_BLOCK, &all, 0, K_SIGSET_BYTES);
	if (self->robust.list.next)
		__robust_release_all(self);
	__syscall(__NR_set_tid_address, 0);
	__asm__ volatile("int $0x80\n\t"
			 "movl %[exit], %%eax\n\t"
			 "xorl %%ebx, %%ebx\n\t"
			 "int $0x80"
			 : : "a"(__NR_munmap), "b"(self->map_base), "c"(self->map_size),
			   [exit] "i"(__NR_exit) : "memory");
	__builtin_unreachable();
}

_Noreturn void pthread_exit(void *result)
{
	struct pthread *self = __pthread_self();

	self->cancel_disable = 1;
	self->result = result;
	while (self->cleanup) {
		struct __ptcb *cb = self->cleanup;

		self->cleanup = cb->next;
		cb->fn(cb->arg);
	}
	__pthread_tsd_run_dtors(self);
	/* POSIX: the process ends as by exit(0) when its last thread does. */
	if (__atomic_sub_fetch(&__thread_count, 1, __ATOMIC_SEQ_CST) == 0)
		exit(0);
	if (!__sync_bool_compare_and_swap(&self->detach_state, DT_JOINABLE, DT_EXITING) &&
	    self->map_base)
		unmap_self(self);
	for (;;)
		__syscall(__NR_exit, 0);
}

int pthread_join(pthread_t t, void **res)
{
	int tid;

	if (t == __pthread_self())
		return EDEADLK;
	if (t->detach_state == DT_DETACHED)
		return EINVAL;
	/* The kernel's clear_child_tid wake is a shared one: so is this wait. */
	while ((tid = t->tid) != 0)
		__futex_wait(&t->tid, tid, 1, CLOCK_MONOTONIC, 0, 1);
	if (res)
		*res = t->result;
	if (t->map_base)
		munmap(t->map_base, t->map_size);
	return 0;
}

int pthread_detach(pthread_t t)
{
	int old = __sync_val_compare_and_swap(&t->detach_state, DT_JOINABLE, DT_DETACHED);

	if (old == DT_DETACHED)
		return EINVAL;
	/* Already on its way out: it will not free itself, so reap it here. */
	return old == DT_EXITING ? pthread_join(t, 0) : 0;
}

pthread_t pthread_self(void)
{
	return __pthread_self();
}

int pthread_equal(pthread_t a, pthread_t b)
{
	return a == b;
}

int pthread_kill(pthread_t t, int sig)
{
	int tid = t->tid;

	if (!tid)
		return ESRCH;
	return (int)-__syscall(__NR_tgkill, __syscall(__NR_getpid), tid, sig);
}

int pthread_sigmask(int how, const sigset_t *set, sigset_t *old)
{
	return (int)-__syscall(__NR_rt_sigprocmask, how, set, old, K_SIGSET_BYTES);
}
