/* prctl_more: prctl's PR_SET/GET_PDEATHSIG (the signal comes when the
 * parent dies; not inherited by fork), PR_SET/GET_DUMPABLE (0 or 1; a
 * non-dumpable process dumps no core), PR_SET/GET_CHILD_SUBREAPER (an
 * orphaned grandchild comes to the subreaper, which reaps it), unknown
 * options EINVAL; personality(2) records and gives back the persona;
 * ioprio_set/ioprio_get with their EINVAL and ESRCH; modify_ldt reads an
 * empty LDT (0 bytes) and says ENOSYS for an unknown function. */
#include "check.h"

#include <sys/resource.h>

#define PR_SET_PDEATHSIG 1
#define PR_GET_PDEATHSIG 2
#define PR_GET_DUMPABLE 3
#define PR_SET_DUMPABLE 4
#define PR_SET_CHILD_SUBREAPER 36
#define PR_GET_CHILD_SUBREAPER 37
#define IOPRIO_WHO_PROCESS 1
#define IOPRIO_VALUE(class, data) (((class) << 13) | (data))

static long prctl2(long option, long arg)
{
	return raw_syscall(__NR_prctl, option, arg, 0);
}

static volatile int got_usr1;

static void on_usr1(int sig)
{
	(void)sig;
	got_usr1 = 1;
}

/* The middle process: starts a grandchild that asks for SIGUSR1 when its
 * parent dies and reports it through the pipe, then exits at once. */
static int middle(void *arg)
{
	int *p = arg;
	pid_t g = fork();
	if (g == 0) {
		sigset_t set, none;
		sigemptyset(&set);
		sigemptyset(&none);
		sigaddset(&set, SIGUSR1);
		signal(SIGUSR1, on_usr1);
		sigprocmask(SIG_BLOCK, &set, NULL);
		prctl2(PR_SET_PDEATHSIG, SIGUSR1);
		write(p[1], "r", 1);            /* ready: the parent may go */
		alarm(10);                      /* bounded: SIGALRM ends it if the signal never comes */
		while (!got_usr1)
			sigsuspend(&none);
		char c = 'k';
		write(p[1], &c, 1);
		_exit(7);
	}
	char c;
	read(p[0], &c, 1);
	return 0;
}

static void check_pdeathsig_and_subreaper(void)
{
	int got = -1;
	CHECK(prctl2(PR_GET_PDEATHSIG, (long)&got) == 0 && got == 0, "PR_GET_PDEATHSIG: 0 at first");
	CHECK_EQ(prctl2(PR_SET_PDEATHSIG, 65), -EINVAL, "PR_SET_PDEATHSIG 65: EINVAL");
	CHECK_EQ(prctl2(PR_SET_CHILD_SUBREAPER, 1), 0, "PR_SET_CHILD_SUBREAPER");
	CHECK(prctl2(PR_GET_CHILD_SUBREAPER, (long)&got) == 0 && got == 1, "PR_GET_CHILD_SUBREAPER: 1");
	int p[2];
	pipe(p);
	pid_t m = spawn(middle, p);
	close(p[1]);
	expect_exit(wait_status(m), 0, "the middle process exits");
	char c = 0;
	CHECK(read(p[0], &c, 1) == 1 && c == 'k', "the orphan got its PR_SET_PDEATHSIG signal");
	int status;
	pid_t reaped = waitpid(-1, &status, 0);
	CHECK(reaped > 0 && reaped != m && WIFEXITED(status) && WEXITSTATUS(status) == 7,
	      "and came to this subreaper, which reaps it");
	prctl2(PR_SET_CHILD_SUBREAPER, 0);
	close(p[0]);
}

static int pdeath_after_fork(void *arg)
{
	(void)arg;
	int got = -1;
	return prctl2(PR_GET_PDEATHSIG, (long)&got) == 0 && got == 0 ? 0 : 1;
}

static int not_dumpable(void *arg)
{
	(void)arg;
	struct rlimit rl = { RLIM_INFINITY, RLIM_INFINITY };
	setrlimit(RLIMIT_CORE, &rl);
	chdir("/tmp");
	prctl2(PR_SET_DUMPABLE, 0);
	if (prctl2(PR_GET_DUMPABLE, 0) != 0)
		return 1;
	raise(SIGABRT);
	return 2;
}

int main(void)
{
	CHECK_EQ(prctl2(PR_GET_DUMPABLE, 0), 1, "PR_GET_DUMPABLE: 1");
	CHECK_EQ(prctl2(PR_SET_DUMPABLE, 2), -EINVAL, "PR_SET_DUMPABLE 2: EINVAL");
	CHECK_EQ(prctl2(0x7fff, 0), -EINVAL, "an unknown option: EINVAL");
	int st = run_child(not_dumpable, NULL);
	CHECK(WIFSIGNALED(st) && WTERMSIG(st) == SIGABRT && !WCOREDUMP(st), "a non-dumpable process dumps no core");
	unlink("/tmp/core");
	prctl2(PR_SET_PDEATHSIG, SIGUSR2);
	expect_exit(run_child(pdeath_after_fork, NULL), 0, "fork clears the parent-death signal");
	prctl2(PR_SET_PDEATHSIG, 0);
	check_pdeathsig_and_subreaper();

	CHECK_EQ(raw_syscall(__NR_personality, 0xffffffff, 0, 0), 0, "personality: PER_LINUX");
	CHECK_EQ(raw_syscall(__NR_personality, 0x0040000, 0, 0), 0, "set ADDR_NO_RANDOMIZE: the old one back");
	CHECK_EQ(raw_syscall(__NR_personality, 0xffffffff, 0, 0), 0x0040000, "and it stays");
	raw_syscall(__NR_personality, 0, 0, 0);

	CHECK_OK(raw_syscall(__NR_ioprio_set, IOPRIO_WHO_PROCESS, 0, IOPRIO_VALUE(2, 3)) == 0 ? 0 : -1,
		 "ioprio_set best-effort level 3");
	CHECK_EQ(raw_syscall(__NR_ioprio_get, IOPRIO_WHO_PROCESS, getpid(), 0), IOPRIO_VALUE(2, 3), "ioprio_get");
	CHECK_EQ(raw_syscall(__NR_ioprio_set, IOPRIO_WHO_PROCESS, 0, IOPRIO_VALUE(5, 0)), -EINVAL, "class 5: EINVAL");
	CHECK_EQ(raw_syscall(__NR_ioprio_get, 9, 0, 0), -EINVAL, "which 9: EINVAL");
	pid_t gone = fork();
	if (gone == 0)
		_exit(0);
	wait_status(gone);
	CHECK_EQ(raw_syscall(__NR_ioprio_get, IOPRIO_WHO_PROCESS, gone, 0), -ESRCH, "no such process: ESRCH");

	char ldt[16];
	CHECK_EQ(raw_syscall(__NR_modify_ldt, 0, (long)ldt, sizeof ldt), 0, "modify_ldt read: no LDT, 0 bytes");
	CHECK_EQ(raw_syscall(__NR_modify_ldt, 7, (long)ldt, sizeof ldt), -ENOSYS, "an unknown function: ENOSYS");
	return done();
}
