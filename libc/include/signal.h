/* signal.h: signal numbers, sigaction, signal masks, kill/raise. */
#ifndef _SIGNAL_H
#define _SIGNAL_H

#include <sys/types.h>
#include <uapi/signal.h>

#define NSIG (_NSIG + 1)

typedef __sighandler_t sighandler_t;
typedef int sig_atomic_t;

/* 64 signals: exactly the kernel's sigset, so it is passed to rt_sig* calls as is. */
typedef struct {
	unsigned long __bits[K_SIGSET_WORDS];
} sigset_t;

typedef struct k_siginfo siginfo_t;
typedef struct k_stack stack_t;
union sigval {
	int sival_int;
	void *sival_ptr;
};

struct sigaction {
	union {
		void (*sa_handler)(int);
		void (*sa_sigaction)(int, siginfo_t *, void *);
	};
	sigset_t sa_mask;
	int sa_flags;
	void (*sa_restorer)(void);
};

sighandler_t signal(int sig, sighandler_t handler);
int sigaction(int sig, const struct sigaction *act, struct sigaction *old);
int sigprocmask(int how, const sigset_t *set, sigset_t *old);
int sigpending(sigset_t *set);
int sigsuspend(const sigset_t *mask);
int sigaltstack(const stack_t *ss, stack_t *old);
int sigemptyset(sigset_t *set);
int sigfillset(sigset_t *set);
int sigaddset(sigset_t *set, int sig);
int sigdelset(sigset_t *set, int sig);
int sigismember(const sigset_t *set, int sig);
struct timespec;
int sigtimedwait(const sigset_t *set, siginfo_t *info, const struct timespec *timeout);
int sigwaitinfo(const sigset_t *set, siginfo_t *info);
int sigwait(const sigset_t *set, int *sig);
int kill(pid_t pid, int sig);
int killpg(pid_t pgrp, int sig);
int raise(int sig);

#endif
