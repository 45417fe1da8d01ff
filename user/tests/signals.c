/* signals: delivery, masks, default actions and interrupted system calls.
 * sigaction handlers run with the right number (and siginfo with the sender's pid),
 * a blocked signal stays pending and is delivered once on unblock, default actions
 * kill, SIG_IGN ignores, SIGCHLD reaches the parent, a read on an empty pipe is
 * interrupted (EINTR) or restarted (SA_RESTART), and kill rejects bad pids and signals. */
#include "check.h"

#include <limits.h>

static volatile sig_atomic_t got_sig, got_count, got_pid, got_code, blocked_inside;

static void on_signal(int sig)
{
	sigset_t cur;
	got_sig = sig;
	got_count++;
	/* Without SA_NODEFER the signal being handled must be blocked inside its handler. */
	sigprocmask(SIG_BLOCK, NULL, &cur);
	blocked_inside = sigismember(&cur, sig);
}

static void on_siginfo(int sig, siginfo_t *si, void *uc)
{
	(void)uc;
	got_sig = si->si_signo == sig ? sig : -1;
	got_pid = si->si_pid;
	got_code = si->si_code;
	got_count++;
}

static void reset_flags(void)
{
	got_sig = got_count = got_pid = blocked_inside = 0;
	got_code = -99;
}

/* Waits up to 2 s for a handler to have run; the sleeps are interrupted by it. */
static int wait_for_count(int n)
{
	for (int i = 0; i < 200 && got_count < n; i++)
		sleep_ms(10);
	return got_count >= n;
}

static void test_handler(void)
{
	reset_flags();
	CHECK_OK(set_handler(SIGUSR1, on_signal, 0), "sigaction SIGUSR1 handler");
	CHECK_OK(raise(SIGUSR1), "raise SIGUSR1");
	CHECK_EQ(got_sig, SIGUSR1, "handler ran with signo SIGUSR1");
	CHECK_EQ(got_count, 1, "handler ran once");
	CHECK_EQ(blocked_inside, 1, "signal blocked inside its handler");
	sigset_t cur;
	sigprocmask(SIG_BLOCK, NULL, &cur);
	CHECK_EQ(sigismember(&cur, SIGUSR1), 0, "mask restored after the handler");

	struct sigaction old;
	CHECK_OK(sigaction(SIGUSR1, NULL, &old), "sigaction query");
	CHECK(old.sa_handler == on_signal, "sigaction reports the installed handler");
}

/* A child sends SIGUSR2 to the parent: siginfo names the child as sender. */
static void test_siginfo(void)
{
	reset_flags();
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_sigaction = on_siginfo;
	sa.sa_flags = SA_SIGINFO;
	sigemptyset(&sa.sa_mask);
	CHECK_OK(sigaction(SIGUSR2, &sa, NULL), "sigaction SA_SIGINFO");
	pid_t parent = getpid();
	pid_t pid = fork();
	if (pid == 0)
		_exit(kill(parent, SIGUSR2) == 0 ? 0 : 1);
	CHECK(wait_for_count(1), "SA_SIGINFO handler ran");
	CHECK_EQ(got_sig, SIGUSR2, "si_signo is SIGUSR2");
	CHECK_EQ(got_pid, pid, "si_pid is the sending child");
	CHECK_EQ(got_code, SI_USER, "si_code is SI_USER for kill");
	expect_exit(wait_status(pid), 0, "child's kill succeeded");
}

static void test_mask(void)
{
	reset_flags();
	set_handler(SIGUSR1, on_signal, 0);
	sigset_t set, old;
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	CHECK_OK(sigprocmask(SIG_BLOCK, &set, &old), "block SIGUSR1");
	CHECK_EQ(sigismember(&old, SIGUSR1), 0, "old mask did not have SIGUSR1");
	raise(SIGUSR1);
	raise(SIGUSR1); /* standard signals do not queue: still one delivery */
	CHECK_EQ(got_count, 0, "blocked signal not delivered");
	CHECK_OK(sigprocmask(SIG_SETMASK, &old, NULL), "unblock SIGUSR1");
	CHECK_EQ(got_count, 1, "pending signal delivered once on unblock");

	/* SIGKILL and SIGSTOP cannot be blocked: the kernel drops them from the mask. */
	sigemptyset(&set);
	sigaddset(&set, SIGKILL);
	sigaddset(&set, SIGSTOP);
	sigprocmask(SIG_BLOCK, &set, &old);
	sigprocmask(SIG_SETMASK, &old, &set);
	CHECK(!sigismember(&set, SIGKILL) && !sigismember(&set, SIGSTOP),
	      "SIGKILL and SIGSTOP cannot be blocked");
	CHECK_ERR(sigprocmask(12345, &set, NULL), EINVAL, "sigprocmask bad how EINVAL");
}

static int raise_it(void *sig)
{
	raise((int)(long)sig);
	return 0;
}

static int ignore_then_raise(void *sig)
{
	set_handler((int)(long)sig, SIG_IGN, 0);
	raise((int)(long)sig);
	return 3;
}

/* The parent's handlers are inherited, so the child restores SIG_DFL first. */
static int default_then_raise(void *sig)
{
	set_handler((int)(long)sig, SIG_DFL, 0);
	raise((int)(long)sig);
	return 3;
}

static int resethand_twice(void *unused)
{
	(void)unused;
	reset_flags();
	set_handler(SIGUSR1, on_signal, SA_RESETHAND);
	raise(SIGUSR1); /* caught; the handler is reset to SIG_DFL */
	if (got_count != 1)
		return 1;
	raise(SIGUSR1); /* default action: dies */
	return 2;
}

static void test_default_and_ignore(void)
{
	expect_signal(run_child(default_then_raise, (void *)SIGUSR1), SIGUSR1,
		      "default SIGUSR1 kills");
	expect_signal(run_child(default_then_raise, (void *)SIGTERM), SIGTERM,
		      "default SIGTERM kills");
	expect_exit(run_child(default_then_raise, (void *)SIGCHLD), 3, "default SIGCHLD is ignored");
	expect_exit(run_child(ignore_then_raise, (void *)SIGUSR1), 3, "SIG_IGN ignores SIGUSR1");
	expect_exit(run_child(ignore_then_raise, (void *)SIGTERM), 3, "SIG_IGN ignores SIGTERM");
	expect_signal(run_child(resethand_twice, NULL), SIGUSR1, "SA_RESETHAND: second one kills");

	/* An ignored disposition survives fork. */
	set_handler(SIGUSR2, SIG_IGN, 0);
	expect_exit(run_child(raise_it, (void *)SIGUSR2), 0, "SIG_IGN inherited by fork");
}

static void test_sigchld(void)
{
	reset_flags();
	set_handler(SIGCHLD, on_signal, 0);
	pid_t pid = fork();
	if (pid == 0)
		_exit(0);
	CHECK(wait_for_count(1), "SIGCHLD delivered to the parent");
	CHECK_EQ(got_sig, SIGCHLD, "handler saw SIGCHLD");
	int st;
	CHECK_EQ(waitpid(pid, &st, 0), pid, "child reaped after SIGCHLD");
	set_handler(SIGCHLD, SIG_DFL, 0);
}

/* The parent blocks in read on an empty pipe; a child sends SIGUSR1 after 50 ms and,
 * when write_after is set, then writes one byte. */
static long read_interrupted(int flags, int write_after, char *byte)
{
	reset_flags();
	set_handler(SIGUSR1, on_signal, flags);
	int p[2];
	pipe(p);
	pid_t parent = getpid();
	pid_t pid = fork();
	if (pid == 0) {
		sleep_ms(50);
		kill(parent, SIGUSR1);
		if (write_after) {
			sleep_ms(50);
			write(p[1], "x", 1);
		}
		_exit(0);
	}
	errno = 0;
	long r = read(p[0], byte, 1);
	int e = errno;
	int st;
	waitpid(pid, &st, 0);
	close(p[0]);
	close(p[1]);
	errno = e;
	return r;
}

static void test_eintr(void)
{
	char c = 0;
	CHECK_ERR(read_interrupted(0, 0, &c), EINTR, "read on empty pipe interrupted: EINTR");
	CHECK_EQ(got_count, 1, "handler ran for the interrupting signal");
	long r = read_interrupted(SA_RESTART, 1, &c);
	CHECK_EQ(r, 1, "SA_RESTART: read restarted and completed");
	CHECK_EQ(c, 'x', "SA_RESTART: restarted read got the data");
	CHECK_EQ(got_count, 1, "SA_RESTART: handler ran too");
}

static void test_kill_errors(void)
{
	pid_t pid = fork();
	if (pid == 0)
		_exit(0);
	int st;
	waitpid(pid, &st, 0);
	CHECK_ERR(kill(pid, SIGUSR1), ESRCH, "kill reaped pid ESRCH");
	CHECK_ERR(kill(INT_MAX, 0), ESRCH, "kill nonexistent pid ESRCH");
	CHECK_EQ(kill(getpid(), 0), 0, "kill(self, 0) checks existence");
	CHECK_ERR(kill(getpid(), 65), EINVAL, "kill signal 65 EINVAL");
	CHECK_ERR(kill(getpid(), -1), EINVAL, "kill signal -1 EINVAL");
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	CHECK_ERR(sigaction(SIGKILL, &sa, NULL), EINVAL, "sigaction SIGKILL EINVAL");
	CHECK_ERR(sigaction(SIGSTOP, &sa, NULL), EINVAL, "sigaction SIGSTOP EINVAL");
	CHECK_ERR(sigaction(0, &sa, NULL), EINVAL, "sigaction signal 0 EINVAL");
	CHECK_ERR(sigaction(65, &sa, NULL), EINVAL, "sigaction signal 65 EINVAL");
}

int main(void)
{
	test_handler();
	test_siginfo();
	test_mask();
	test_default_and_ignore();
	test_sigchld();
	test_eintr();
	test_kill_errors();
	return done();
}
