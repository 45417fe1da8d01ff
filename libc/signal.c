/* signal.c: sigaction (rt_sigaction with our own restorers), signal, signal masks and sets,
 * sigsuspend/sigpending/sigaltstack, the mask side of sigsetjmp/siglongjmp, alarm and pause. */
#include <errno.h>
#include <setjmp.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>
#include "sysdep.h"

void __restore_rt(void);
void __restore(void);

int sigaction(int sig, const struct sigaction *act, struct sigaction *old)
{
	struct k_sigaction kact, kold;

	if (act) {
		kact.handler = (void *)act->sa_handler;
		kact.flags = (unsigned long)act->sa_flags | SA_RESTORER;
		kact.restorer = (void *)(act->sa_flags & SA_SIGINFO ? __restore_rt : __restore);
		memcpy(kact.mask, &act->sa_mask, sizeof kact.mask);
	}
	if (__sysret(__NR_rt_sigaction, sig, act ? &kact : NULL, old ? &kold : NULL,
		     K_SIGSET_BYTES) < 0)
		return -1;
	if (old) {
		old->sa_handler = (void (*)(int))kold.handler;
		old->sa_flags = (int)kold.flags;
		old->sa_restorer = (void (*)(void))kold.restorer;
		memcpy(&old->sa_mask, kold.mask, sizeof kold.mask);
	}
	return 0;
}

/* BSD semantics, as glibc gives: the handler stays installed and slow calls restart. */
sighandler_t signal(int sig, sighandler_t handler)
{
	struct sigaction sa, old;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = handler;
	sa.sa_flags = SA_RESTART;
	if (sigaction(sig, &sa, &old) < 0)
		return SIG_ERR;
	return old.sa_handler;
}

int sigprocmask(int how, const sigset_t *set, sigset_t *old)
{
	return (int)__sysret(__NR_rt_sigprocmask, how, set, old, K_SIGSET_BYTES);
}

int sigpending(sigset_t *set) { return (int)__sysret(__NR_rt_sigpending, set, K_SIGSET_BYTES); }
int sigsuspend(const sigset_t *mask) { return (int)__sysret_cp(__NR_rt_sigsuspend, mask, K_SIGSET_BYTES); }
int sigaltstack(const stack_t *ss, stack_t *old) { return (int)__sysret(__NR_sigaltstack, ss, old); }

int sigemptyset(sigset_t *set)
{
	memset(set, 0, sizeof *set);
	return 0;
}

int sigfillset(sigset_t *set)
{
	memset(set, 0xff, sizeof *set);
	return 0;
}

/* Signal n is bit n-1. Returns the word holding sig, or NULL (EINVAL) for a bad number. */
static unsigned long *sigword(const sigset_t *set, int sig, unsigned long *bit)
{
	if (sig < 1 || sig > _NSIG) {
		errno = EINVAL;
		return NULL;
	}
	*bit = 1UL << ((sig - 1) % (8 * sizeof(unsigned long)));
	return (unsigned long *)&set->__bits[(sig - 1) / (8 * sizeof(unsigned long))];
}

int sigaddset(sigset_t *set, int sig)
{
	unsigned long bit, *w = sigword(set, sig, &bit);

	if (!w)
		return -1;
	*w |= bit;
	return 0;
}

int sigdelset(sigset_t *set, int sig)
{
	unsigned long bit, *w = sigword(set, sig, &bit);

	if (!w)
		return -1;
	*w &= ~bit;
	return 0;
}

int sigismember(const sigset_t *set, int sig)
{
	unsigned long bit, *w = sigword(set, sig, &bit);

	return w ? !!(*w & bit) : -1;
}

/* sigsetjmp (setjmp.S) saves the registers, then tail-calls this with its own arguments. */
int __sigsetjmp_mask(sigjmp_buf env, int savemask) __attribute__((used));

int __sigsetjmp_mask(sigjmp_buf env, int savemask)
{
	env->__mask_saved = savemask != 0;
	if (savemask)
		sigprocmask(SIG_BLOCK, NULL, (sigset_t *)env->__mask);
	return 0;
}

void siglongjmp(sigjmp_buf env, int val)
{
	if (env->__mask_saved)
		sigprocmask(SIG_SETMASK, (sigset_t *)env->__mask, NULL);
	longjmp(env, val);
}

unsigned int alarm(unsigned int seconds) { return (unsigned int)__syscall(__NR_alarm, seconds); }
int pause(void) { return (int)__sysret_cp(__NR_pause); }

int sigtimedwait(const sigset_t *set, siginfo_t *info, const struct timespec *timeout)
{
	return (int)__sysret_cp(__NR_rt_sigtimedwait, set, info, timeout, K_SIGSET_BYTES);
}

int sigwaitinfo(const sigset_t *set, siginfo_t *info)
{
	return sigtimedwait(set, info, NULL);
}

/* sigwait reports errors as its return value; EINTR is not one of them (POSIX). */
int sigwait(const sigset_t *set, int *sig)
{
	int r;

	while ((r = sigtimedwait(set, NULL, NULL)) < 0)
		if (errno != EINTR)
			return errno;
	*sig = r;
	return 0;
}
