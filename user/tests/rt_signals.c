/* rt_signals: real-time signals are queued with their siginfo, as Linux:
 * each sigqueue() is delivered once, in order, with its value, SI_QUEUE and
 * the sender; a standard signal is pending
 * once however often it is sent. rt_sigqueueinfo refuses to forge kill()'s
 * or the kernel's si_code for another process (EPERM), and
 * RLIMIT_SIGPENDING bounds a user's queue: past it sigqueue is EAGAIN, while
 * kill() still succeeds without queueing. Real-time signals used to be one
 * pending bit like the others. Raw numbers, not SIGRTMIN: glibc reserves
 * its first ones. */
#include "check.h"

#include <stdint.h>
#include <sys/resource.h>

#define RT1 40
#define RT2 41
#define SI_QUEUE_ (-1)

struct seen {
	int sig, code, value, from_me;
};
static struct seen seen[16];
static volatile int nseen;

static void record(int sig, siginfo_t *si, void *uc)
{
	(void)uc;
	if (nseen < 16)
		seen[nseen++] = (struct seen){ sig, si->si_code, si->si_value.sival_int, si->si_pid == getpid() };
}

static void catch(int sig)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_sigaction = record;
	sa.sa_flags = SA_SIGINFO;
	sigemptyset(&sa.sa_mask);
	sigaction(sig, &sa, NULL);
}

static void block(int sig, int how)
{
	sigset_t s;
	sigemptyset(&s);
	sigaddset(&s, sig);
	sigprocmask(how, &s, NULL);
}

static long queue(pid_t pid, int sig, int code, int value)
{
	siginfo_t si;
	memset(&si, 0, sizeof si);
	si.si_signo = sig;
	si.si_code = code;
	si.si_pid = getpid();
	si.si_uid = getuid();
	si.si_value.sival_int = value;
	return sys_call(__NR_rt_sigqueueinfo, pid, sig, (long)&si);
}

static void test_queueing(void)
{
	catch(RT1);
	catch(RT2);
	catch(SIGUSR1);
	block(RT1, SIG_BLOCK);
	block(RT2, SIG_BLOCK);
	block(SIGUSR1, SIG_BLOCK);
	int ok = 0;
	for (int i = 1; i <= 5; i++)
		ok += queue(getpid(), RT2, SI_QUEUE_, i) == 0;
	ok += queue(getpid(), RT1, SI_QUEUE_, 9) == 0;         /* what sigqueue() does */
	for (int i = 0; i < 3; i++)
		ok += kill(getpid(), SIGUSR1) == 0;
	CHECK_EQ(ok, 9, "five RT2 queued, one RT1, SIGUSR1 three times");
	nseen = 0;
	block(SIGUSR1, SIG_UNBLOCK);
	CHECK_EQ(nseen, 1, "the standard signal arrives once");
	sigset_t both;
	sigemptyset(&both);
	sigaddset(&both, RT1);
	sigaddset(&both, RT2);
	sigprocmask(SIG_UNBLOCK, &both, NULL);
	CHECK_EQ(nseen, 7, "then, unblocked together, RT1 once and RT2 five times");
	/* All deliverable signals get their frames at once, the last on top:
	 * RT2's handler runs first, and its four other instances after each
	 * return; RT1's handler, underneath, last. */
	int in_order = 1;
	for (int i = 0; i < 5; i++)
		in_order &= seen[1 + i].sig == RT2 && seen[1 + i].value == i + 1 && seen[1 + i].code == SI_QUEUE_;
	CHECK(in_order, "the RT2 instances in the order sent, each with its value");
	CHECK(seen[6].sig == RT1 && seen[6].value == 9 && seen[6].code == SI_QUEUE_ && seen[6].from_me,
	      "then RT1, with its value, SI_QUEUE and the sender");
}

static void test_errors(void)
{
	pid_t child = fork();
	if (child == 0) {
		pause();
		_exit(0);
	}
	CHECK_ERR(queue(child, RT1, 0, 1), EPERM, "si_code SI_USER for another process: EPERM");
	CHECK_ERR(queue(child, RT1, -6, 1), EPERM, "SI_TKILL for another process: EPERM");
	CHECK_ERR(sys_call(__NR_rt_sigqueueinfo, getpid(), RT1, (long)unmapped_page()), EFAULT,
		  "a bad siginfo pointer: EFAULT");
	CHECK_ERR(queue(getpid(), 65, SI_QUEUE_, 1), EINVAL, "signal 65: EINVAL");
	siginfo_t si;
	memset(&si, 0, sizeof si);
	si.si_code = SI_QUEUE_;
	CHECK_EQ(raw_syscall6(__NR_rt_tgsigqueueinfo, 0, child, RT1, (long)&si, 0, 0), -EINVAL,
		 "rt_tgsigqueueinfo with tgid 0: EINVAL");
	CHECK_EQ(raw_syscall6(__NR_rt_tgsigqueueinfo, child, child, 0, (long)&si, 0, 0), 0,
		 "rt_tgsigqueueinfo of signal 0 to a live process");
	kill(child, SIGKILL);
	wait_status(child);
	CHECK_ERR(queue(child, RT1, SI_QUEUE_, 1), ESRCH, "to a reaped process: ESRCH");
}

/* As uid 4243 with RLIMIT_SIGPENDING 3: what got through, as bits. */
static int limited(void *unused)
{
	(void)unused;
	struct rlimit rl = { 3, 3 };
	if (setgid(4243) || setuid(4243) || setrlimit(RLIMIT_SIGPENDING, &rl))
		return 100;
	catch(RT1);
	block(RT1, SIG_BLOCK);
	int bad = 0;
	for (int i = 1; i <= 3; i++)
		if (queue(getpid(), RT1, SI_QUEUE_, i) != 0)
			bad |= 1;
	errno = 0;
	if (!(queue(getpid(), RT1, SI_QUEUE_, 4) == -1 && errno == EAGAIN))
		bad |= 2;
	if (kill(getpid(), RT1) != 0)
		bad |= 4;
	nseen = 0;
	block(RT1, SIG_UNBLOCK);
	if (nseen != 3 || seen[2].value != 3)
		bad |= 8;
	return bad;
}

int main(void)
{
	test_queueing();
	test_errors();
	expect_exit(run_child(limited, NULL), 0, "RLIMIT_SIGPENDING 3: the fourth sigqueue is EAGAIN, kill() is not");
	return done();
}
