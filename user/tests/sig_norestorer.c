/* sig_norestorer: a handler installed with a raw rt_sigaction and no
 * SA_RESTORER returns as on Linux, through the vDSO's __kernel_sigreturn
 * (plain handler) or __kernel_rt_sigreturn (SA_SIGINFO): the program goes on
 * after the signal with its registers, its mask and its interrupted system
 * call's result as they were; the return address the handler sees lies in
 * the vDSO that AT_SYSINFO_EHDR names. */
#include "check.h"
#include <sys/auxv.h>

#define K_SA_SIGINFO 0x4
#define K_SA_RESTART 0x10000000

/* The kernel's struct sigaction on i386 (rt_sigaction), with no restorer. */
struct kact {
	void *handler;
	unsigned long flags;
	void *restorer;
	unsigned long mask[2];
};

static volatile int hits;
static volatile unsigned long ret_addr;
static volatile int got_sig, got_info_sig;

static void plain(int sig)
{
	hits++;
	got_sig = sig;
	ret_addr = (unsigned long)__builtin_return_address(0);
}

static void with_info(int sig, siginfo_t *si, void *uc)
{
	(void)uc;
	hits++;
	got_sig = sig;
	got_info_sig = si->si_signo;
	ret_addr = (unsigned long)__builtin_return_address(0);
}

static long install(int sig, void *handler, unsigned long flags)
{
	struct kact a = { handler, flags, NULL, { 0, 0 } };
	return raw_syscall6(__NR_rt_sigaction, sig, (long)&a, 0, 8, 0, 0);
}

static int in_vdso(unsigned long addr)
{
	unsigned long base = getauxval(AT_SYSINFO_EHDR);
	return base && addr >= base && addr < base + 0x4000;
}

/* kill(self) with known values in the registers the system call leaves
 * alone: the handler runs on the way back, and the values survive only if
 * sigreturn restored every register. 4321 when they all did. */
static long regs_survive(int sig)
{
	long ret, esi, edi, edx;
	__asm__ volatile("int $0x80"
			 : "=a"(ret), "=S"(esi), "=D"(edi), "=d"(edx)
			 : "a"(__NR_kill), "b"((long)getpid()), "c"(sig), "S"(1), "D"(2), "d"(3)
			 : "memory");
	return ret ? ret : esi * 1000 + edi * 100 + edx * 10 + 1;
}

int main(void)
{
	CHECK_EQ(install(SIGUSR1, (void *)plain, 0), 0, "rt_sigaction without SA_RESTORER");
	hits = 0;
	CHECK_EQ(regs_survive(SIGUSR1), 1231, "plain handler returns, registers intact");
	CHECK_EQ(hits, 1, "plain handler ran once");
	CHECK_EQ(got_sig, SIGUSR1, "plain handler got its signal number");
	CHECK(in_vdso(ret_addr), "plain handler returns into the vDSO");

	CHECK_EQ(install(SIGUSR2, (void *)with_info, K_SA_SIGINFO), 0, "SA_SIGINFO without SA_RESTORER");
	hits = 0;
	CHECK_EQ(regs_survive(SIGUSR2), 1231, "SA_SIGINFO handler returns, registers intact");
	CHECK_EQ(hits, 1, "SA_SIGINFO handler ran once");
	CHECK_EQ(got_info_sig, SIGUSR2, "siginfo has the signal");
	CHECK(in_vdso(ret_addr), "SA_SIGINFO handler returns into the vDSO");

	/* The mask in force before the handler is back after it. */
	sigset_t set, old;
	sigemptyset(&set);
	sigaddset(&set, SIGTERM);
	sigprocmask(SIG_BLOCK, &set, &old);
	raise(SIGUSR1);
	sigprocmask(SIG_SETMASK, NULL, &set);
	CHECK(sigismember(&set, SIGTERM) && !sigismember(&set, SIGUSR1), "mask restored after the handler");
	sigprocmask(SIG_SETMASK, &old, NULL);

	/* A system call interrupted by such a handler: EINTR without SA_RESTART. */
	CHECK_EQ(install(SIGALRM, (void *)plain, 0), 0, "SIGALRM handler without SA_RESTORER");
	int fds[2];
	CHECK_OK(pipe(fds), "pipe");
	hits = 0;
	alarm(1);
	char c;
	long r = raw_syscall(__NR_read, fds[0], (long)&c, 1);
	CHECK_EQ(r, -EINTR, "read interrupted: EINTR after the handler returned");
	CHECK_EQ(hits, 1, "the SIGALRM handler ran");

	/* With SA_RESTART the read resumes and gets the byte written later. */
	CHECK_EQ(install(SIGALRM, (void *)plain, K_SA_RESTART), 0, "SIGALRM with SA_RESTART");
	pid_t child = fork();
	if (child == 0) {
		sleep_ms(1500);
		write(fds[1], "x", 1);
		_exit(0);
	}
	hits = 0;
	alarm(1);
	r = raw_syscall(__NR_read, fds[0], (long)&c, 1);
	CHECK(r == 1 && c == 'x', "restarted read returns the byte");
	CHECK_EQ(hits, 1, "and the handler ran once");
	expect_exit(wait_status(child), 0, "writer exited");
	return done();
}
