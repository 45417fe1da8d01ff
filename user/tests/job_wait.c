/* job_wait: waitid and the wait options of job control, as Linux: the
 * siginfo of CLD_EXITED/KILLED/STOPPED/CONTINUED, WNOWAIT leaving the event
 * to report again, WNOHANG's zeroed siginfo, EINVAL for bad options and ids;
 * __WCLONE and __WALL for a child whose exit signal is not SIGCHLD. */
#include "check.h"

static int exits5(void *arg)
{
	(void)arg;
	return 5;
}

static void check_info(const siginfo_t *si, pid_t pid, int code, int status, const char *what)
{
	char d[128];
	snprintf(d, sizeof d, "signo %d pid ok %d code %d status %d", si->si_signo, si->si_pid == pid,
		 si->si_code, si->si_status);
	check_record(si->si_signo == SIGCHLD && si->si_pid == pid && si->si_code == code &&
		     si->si_status == status && si->si_uid == getuid(), what, d);
}

static void test_waitid_events(void)
{
	siginfo_t si;
	pid_t pid = spawn(pause_child, NULL);
	kill(pid, SIGSTOP);
	memset(&si, 0, sizeof si);
	CHECK_EQ(waitid(P_PID, pid, &si, WSTOPPED | WNOWAIT), 0, "waitid WSTOPPED|WNOWAIT");
	check_info(&si, pid, CLD_STOPPED, SIGSTOP, "CLD_STOPPED, si_status SIGSTOP");
	memset(&si, 0, sizeof si);
	CHECK_EQ(waitid(P_PID, pid, &si, WSTOPPED), 0, "the stop is still there after WNOWAIT");
	check_info(&si, pid, CLD_STOPPED, SIGSTOP, "the same siginfo");
	memset(&si, 0x55, sizeof si);
	CHECK_EQ(waitid(P_PID, pid, &si, WSTOPPED | WNOHANG), 0, "then it is consumed");
	CHECK(si.si_signo == 0 && si.si_pid == 0 && si.si_code == 0 && si.si_status == 0,
	      "WNOHANG with nothing to report zeroes the siginfo");
	int st;
	CHECK_EQ(waitpid(pid, &st, WUNTRACED | WNOHANG), 0, "wait4 does not see a consumed stop");
	kill(pid, SIGCONT);
	memset(&si, 0, sizeof si);
	CHECK_EQ(waitid(P_ALL, 0, &si, WCONTINUED | WNOWAIT), 0, "waitid WCONTINUED|WNOWAIT");
	check_info(&si, pid, CLD_CONTINUED, SIGCONT, "CLD_CONTINUED, si_status SIGCONT");
	CHECK_EQ(waitpid(pid, &st, WCONTINUED), pid, "wait4 still sees the continue");
	CHECK(WIFCONTINUED(st), "WIFCONTINUED");
	kill(pid, SIGKILL);
	memset(&si, 0, sizeof si);
	CHECK_EQ(waitid(P_PGID, 0, &si, WEXITED | WNOWAIT), 0, "waitid P_PGID 0 WEXITED|WNOWAIT");
	check_info(&si, pid, CLD_KILLED, SIGKILL, "CLD_KILLED, si_status SIGKILL");
	CHECK_EQ(proc_state(pid), 'Z', "WNOWAIT leaves the zombie");
	CHECK_EQ(waitpid(pid, &st, 0), pid, "wait4 reaps it after WNOWAIT");
	expect_signal(st, SIGKILL, "with its status");

	pid = spawn(exits5, NULL);
	memset(&si, 0, sizeof si);
	CHECK_EQ(waitid(P_PID, pid, &si, WEXITED), 0, "waitid WEXITED");
	check_info(&si, pid, CLD_EXITED, 5, "CLD_EXITED, si_status the exit code");
	CHECK_ERR(waitid(P_PID, pid, &si, WEXITED), ECHILD, "reaped: ECHILD");
}

static void test_waitid_errors(void)
{
	siginfo_t si;
	CHECK_ERR(waitid(P_ALL, 0, &si, 0), EINVAL, "waitid without WEXITED/WSTOPPED/WCONTINUED");
	CHECK_ERR(waitid(P_ALL, 0, &si, WEXITED | 0x100), EINVAL, "waitid with an unknown option");
	CHECK_ERR(waitid(P_PID, 0, &si, WEXITED), EINVAL, "waitid P_PID 0");
	CHECK_ERR(waitid(P_PGID, -1, &si, WEXITED), EINVAL, "waitid P_PGID -1");
	CHECK_ERR(waitid((idtype_t)7, 1, &si, WEXITED), EINVAL, "waitid unknown idtype");
	CHECK_ERR(waitid(P_ALL, 0, &si, WEXITED | WNOHANG), ECHILD, "waitid with no children");
	CHECK_ERR(waitpid(-1, NULL, WNOWAIT), EINVAL, "wait4 takes no WNOWAIT");
	CHECK_ERR(waitpid(-1, NULL, WEXITED), EINVAL, "wait4 takes no WEXITED");
	CHECK_ERR(waitpid(-1, NULL, __WALL | __WCLONE | __WNOTHREAD), ECHILD,
		  "wait4 takes __WALL, __WCLONE, __WNOTHREAD");
	pid_t pid = spawn(exits5, NULL);
	CHECK_EQ(waitid(P_PID, pid, &si, WEXITED | WNOWAIT), 0, "the child has exited");
	CHECK_ERR(waitid(P_ALL, 0, &si, WSTOPPED | WCONTINUED | WNOHANG), ECHILD,
		  "without WEXITED an exited child is not counted: ECHILD, as Linux");
	CHECK_ERR(waitid(P_PID, pid, &si, WSTOPPED), ECHILD, "not even when waiting for it");
	waitpid(pid, NULL, 0);
}

static volatile int usr1;
static void on_usr1(int sig)
{
	(void)sig;
	usr1++;
}

/* A fork-like clone whose exit signal is SIGUSR1: a "clone" child. */
static pid_t clone_child(int code)
{
	long r = raw_syscall6(__NR_clone, SIGUSR1, 0, 0, 0, 0, 0);
	if (r == 0)
		raw_syscall(__NR_exit_group, code, 0, 0);
	return (pid_t)r;
}

static void test_wclone(void)
{
	int st;
	set_handler(SIGUSR1, on_usr1, 0);
	pid_t c = clone_child(3);
	CHECK(c > 0, "clone with exit signal SIGUSR1");
	for (int i = 0; i < 200 && !usr1; i++)
		sleep_ms(10);
	CHECK_EQ(usr1, 1, "its end sends SIGUSR1, not SIGCHLD");
	CHECK_ERR(waitpid(c, &st, WNOHANG), ECHILD, "plain wait4 does not see a clone child");
	CHECK_ERR(waitpid(-1, &st, WNOHANG), ECHILD, "nor with pid -1");
	CHECK_EQ(waitpid(c, &st, __WCLONE), c, "__WCLONE reaps it");
	expect_exit(st, 3, "its exit status");

	c = clone_child(4);
	pid_t f = spawn(exits5, NULL);
	CHECK_ERR(waitpid(f, &st, __WCLONE), ECHILD, "__WCLONE does not see a SIGCHLD child");
	CHECK_EQ(waitpid(c, &st, __WALL), c, "__WALL sees the clone child");
	expect_exit(st, 4, "its exit status");
	CHECK_EQ(waitpid(-1, &st, __WALL), f, "__WALL sees the SIGCHLD child");
	expect_exit(st, 5, "its exit status");
	siginfo_t si;
	c = clone_child(6);
	memset(&si, 0, sizeof si);
	CHECK_EQ(waitid(P_ALL, 0, &si, WEXITED | __WCLONE), 0, "waitid __WCLONE");
	check_info(&si, c, CLD_EXITED, 6, "the clone child's siginfo");
	signal(SIGUSR1, SIG_DFL);
}

int main(void)
{
	alarm(60);
	test_waitid_events();
	test_waitid_errors();
	test_wclone();
	return done();
}
