/* pthread_cancel.c: deferred (and asynchronous) cancellation and the cleanup-handler stack.
 * pthread_cancel sets the target's flag and sends it SIGCANCEL; the libc's blocking calls go
 * through __syscall_cp (syscall_cp.S), whose handler turns "interrupted before or inside the
 * call" into pthread_exit(PTHREAD_CANCELED). A thread that blocks SIGCANCEL (sigfillset
 * includes it here, unlike glibc's) is cancelled only at its next cancellation point. */
#include <errno.h>
#include <uapi/signal.h>
#include "pthread_impl.h"

extern const char __cp_begin[], __cp_end[], __cp_cancel[];
long __syscall_cp_asm(volatile int *cancel, long nr, long a, long b, long c, long d, long e,
		      long f);
_Noreturn void __cancel(void);

_Noreturn void __cancel(void)
{
	pthread_exit(PTHREAD_CANCELED);
}

static int cancellable(struct pthread *self)
{
	return self->cancel && !self->cancel_disable;
}

long __syscall_cp(long nr, long a, long b, long c, long d, long e, long f)
{
	struct pthread *self = __pthread_self();
	long r;

	if (self->cancel_disable)
		return __raw_syscall(nr, a, b, c, d, e, f);
	r = __syscall_cp_asm(&self->cancel, nr, a, b, c, d, e, f);
	/* Calls the kernel never restarts (sleeps, waits with timeouts) come back with EINTR. */
	if (r == -EINTR && cancellable(self))
		__cancel();
	return r;
}

static void cancel_handler(int sig, siginfo_t *si, void *ctx)
{
	struct pthread *self = __pthread_self();
	struct k_ucontext *uc = ctx;
	uintptr_t ip = uc->uc_mcontext.eip;

	(void)sig;
	(void)si;
	if (!cancellable(self))
		return;
	if (self->cancel_async || (ip >= (uintptr_t)__cp_begin && ip < (uintptr_t)__cp_end))
		uc->uc_mcontext.eip = (uintptr_t)__cp_cancel;
}

int pthread_cancel(pthread_t t)
{
	static volatile int installed;

	if (!installed) {
		struct sigaction sa = { .sa_sigaction = cancel_handler,
					.sa_flags = SA_SIGINFO | SA_RESTART };

		sigfillset(&sa.sa_mask);
		sigaction(SIGCANCEL, &sa, 0);
		installed = 1;
	}
	t->cancel = 1;
	if (t == __pthread_self()) {
		if (t->cancel_async)
			pthread_testcancel();
		return 0;
	}
	pthread_kill(t, SIGCANCEL);
	return 0;
}

void __testcancel(void)
{
	if (cancellable(__pthread_self()))
		__cancel();
}

void pthread_testcancel(void)
{
	__testcancel();
}

int pthread_setcancelstate(int state, int *old)
{
	struct pthread *self = __pthread_self();

	if ((unsigned)state > PTHREAD_CANCEL_DISABLE)
		return EINVAL;
	if (old)
		*old = self->cancel_disable;
	self->cancel_disable = state;
	return 0;
}

int pthread_setcanceltype(int type, int *old)
{
	struct pthread *self = __pthread_self();

	if ((unsigned)type > PTHREAD_CANCEL_ASYNCHRONOUS)
		return EINVAL;
	if (old)
		*old = self->cancel_async;
	self->cancel_async = type;
	if (type == PTHREAD_CANCEL_ASYNCHRONOUS)
		__testcancel();
	return 0;
}

void __pthread_cleanup_push(struct __ptcb *cb, void (*fn)(void *), void *arg)
{
	struct pthread *self = __pthread_self();

	cb->fn = fn;
	cb->arg = arg;
	cb->next = self->cleanup;
	self->cleanup = cb;
}

void __pthread_cleanup_pop(struct __ptcb *cb, int run)
{
	__pthread_self()->cleanup = cb->next;
	if (run)
		cb->fn(cb->arg);
}
