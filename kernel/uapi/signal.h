/* uapi/signal.h: Linux i386 signal numbers, sigaction flags, and the records the kernel and user
 * space exchange: struct k_sigaction (rt_sigaction), struct k_siginfo (siginfo_t), and the signal
 * frame a handler runs on (struct k_sigcontext, struct k_ucontext, struct k_rt_sigframe). */
#ifndef UAPI_SIGNAL_H
#define UAPI_SIGNAL_H

#include <stdint.h>

#define SIGHUP     1
#define SIGINT     2
#define SIGQUIT    3
#define SIGILL     4
#define SIGTRAP    5
#define SIGABRT    6
#define SIGIOT     6
#define SIGBUS     7
#define SIGFPE     8
#define SIGKILL    9
#define SIGUSR1   10
#define SIGSEGV   11
#define SIGUSR2   12
#define SIGPIPE   13
#define SIGALRM   14
#define SIGTERM   15
#define SIGSTKFLT 16
#define SIGCHLD   17
#define SIGCONT   18
#define SIGSTOP   19
#define SIGTSTP   20
#define SIGTTIN   21
#define SIGTTOU   22
#define SIGURG    23
#define SIGXCPU   24
#define SIGXFSZ   25
#define SIGVTALRM 26
#define SIGPROF   27
#define SIGWINCH  28
#define SIGIO     29
#define SIGPOLL   SIGIO
#define SIGPWR    30
#define SIGSYS    31

/* glibc reserves the first real-time signals for itself and spells these as function calls. */
#ifndef _NSIG
#define _NSIG     64
#endif
#ifndef SIGRTMIN
#define SIGRTMIN  32
#endif
#ifndef SIGRTMAX
#define SIGRTMAX  _NSIG
#endif

/* The sigset size rt_sigaction and rt_sigprocmask accept (sigsetsize argument). */
#define K_SIGSET_BYTES 8
#define K_SIGSET_WORDS 2

#define SA_NOCLDSTOP 0x00000001
#define SA_NOCLDWAIT 0x00000002
#define SA_SIGINFO   0x00000004
#define SA_RESTORER  0x04000000
#define SA_ONSTACK   0x08000000
#define SA_RESTART   0x10000000
#define SA_NODEFER   0x40000000
#define SA_RESETHAND 0x80000000

#define SIG_BLOCK    0
#define SIG_UNBLOCK  1
#define SIG_SETMASK  2

typedef void (*__sighandler_t)(int);
#ifndef SIG_DFL
#define SIG_DFL ((__sighandler_t)0)
#define SIG_IGN ((__sighandler_t)1)
#define SIG_ERR ((__sighandler_t)-1)
#endif

/* What rt_sigaction reads and writes (not the POSIX struct sigaction: the field order differs). */
struct k_sigaction {
	void *handler;
	unsigned long flags;
	void *restorer;
	unsigned long mask[K_SIGSET_WORDS];
};

/* si_code values */
#define SI_USER      0
#define SI_KERNEL    0x80
#define SI_QUEUE     (-1)
#define SI_TIMER     (-2)
#define SI_TKILL     (-6)
#define ILL_ILLOPC   1
#define ILL_ILLOPN   2
#define ILL_ILLADR   3
#define ILL_ILLTRP   4
#define ILL_PRVOPC   5
#define ILL_PRVREG   6
#define ILL_COPROC   7
#define ILL_BADSTK   8
#define FPE_INTDIV   1
#define FPE_INTOVF   2
#define FPE_FLTDIV   3
#define FPE_FLTOVF   4
#define FPE_FLTUND   5
#define FPE_FLTRES   6
#define FPE_FLTINV   7
#define FPE_FLTSUB   8
#define SEGV_MAPERR  1
#define SEGV_ACCERR  2
#define BUS_ADRALN   1
#define BUS_ADRERR   2
#define BUS_OBJERR   3
#define TRAP_BRKPT   1
#define TRAP_TRACE   2
#define TRAP_BRANCH  3
#define TRAP_HWBKPT  4
#define CLD_EXITED   1
#define CLD_KILLED   2
#define CLD_DUMPED   3
#define CLD_TRAPPED  4
#define CLD_STOPPED  5
#define CLD_CONTINUED 6
#define POLL_IN      1
#define POLL_OUT     2
#define POLL_MSG     3
#define POLL_ERR     4
#define POLL_PRI     5
#define POLL_HUP     6

union k_sigval {
	int sival_int;
	void *sival_ptr;
};

/* Linux i386 siginfo_t: three ints, then a 116-byte union whose members depend on the signal.
 * Anonymous members let both sides write si.si_pid without Linux's accessor macros. */
struct k_siginfo {
	int si_signo;
	int si_errno;
	int si_code;
	union {
		struct {			/* kill, sigqueue, SIGCHLD */
			int si_pid;
			uint32_t si_uid;
			union {
				struct {		/* SIGCHLD */
					int si_status;
					long si_utime;
					long si_stime;
				};
				union k_sigval si_value;	/* sigqueue */
			};
		};
		struct {			/* POSIX timers */
			int si_timerid;
			int si_overrun;
		};
		struct {			/* SIGILL, SIGFPE, SIGSEGV, SIGBUS */
			void *si_addr;
			short si_addr_lsb;
		};
		struct {			/* SIGPOLL */
			long si_band;
			int si_fd;
		};
		int __si_pad[29];
	};
};

#define SS_ONSTACK   1
#define SS_DISABLE   2
#define MINSIGSTKSZ  2048
#define SIGSTKSZ     8192

/* stack_t, as sigaltstack takes it and as it sits in struct k_ucontext. */
struct k_stack {
	void *ss_sp;
	int ss_flags;
	unsigned long ss_size;
};

/* The registers saved at signal delivery and restored by sigreturn (88 bytes). */
struct k_sigcontext {
	uint16_t gs, __gsh;
	uint16_t fs, __fsh;
	uint16_t es, __esh;
	uint16_t ds, __dsh;
	uint32_t edi;
	uint32_t esi;
	uint32_t ebp;
	uint32_t esp;
	uint32_t ebx;
	uint32_t edx;
	uint32_t ecx;
	uint32_t eax;
	uint32_t trapno;
	uint32_t err;
	uint32_t eip;
	uint16_t cs, __csh;
	uint32_t eflags;
	uint32_t esp_at_signal;
	uint16_t ss, __ssh;
	uint32_t fpstate;		/* user address of the saved FPU state, or 0 */
	uint32_t oldmask;
	uint32_t cr2;
};

struct k_ucontext {
	unsigned long uc_flags;
	struct k_ucontext *uc_link;
	struct k_stack uc_stack;
	struct k_sigcontext uc_mcontext;
	unsigned long uc_sigmask[K_SIGSET_WORDS];
};

/* The frame an SA_SIGINFO-style (rt) handler is entered on: esp points at pretcode, so the handler
 * "returns" into the restorer with esp at sig, and rt_sigreturn finds the frame at esp - 4. */
struct k_rt_sigframe {
	uint32_t pretcode;		/* the SA_RESTORER restorer, else the vDSO's */
	int sig;
	uint32_t pinfo;			/* &info */
	uint32_t puc;			/* &uc */
	struct k_siginfo info;
	struct k_ucontext uc;
	char retcode[8];		/* unused when SA_RESTORER is given */
};

#endif
