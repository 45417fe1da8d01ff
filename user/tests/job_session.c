/* job_session: sessions and process groups, as Linux: setsid, getsid,
 * getpgid and setpgid with their EPERM/ESRCH/EACCES/EINVAL rules; a process
 * group orphaned while one of its members is stopped gets SIGHUP then
 * SIGCONT, and SIGTSTP does nothing in an orphaned group. */
#include "check.h"

#define NO_SUCH_PID 4194305     /* above every pid_max */

static char *self_exe;

static int new_session(void *arg)
{
	(void)arg;
	pid_t me = getpid();
	if (setsid() != me || getsid(0) != me || getpgrp() != me)
		return 1;
	if (setsid() != -1 || errno != EPERM)
		return 2;
	if (setpgid(0, 0) != -1 || errno != EPERM)
		return 3;               /* a session leader cannot move */
	return 0;
}

static int session_then_pause(void *arg)
{
	setsid();
	return pause_child(arg);
}

static void test_sessions(void)
{
	expect_exit(run_child(new_session, NULL), 0, "setsid makes a session and group; not twice");
	CHECK_EQ(getsid(0), getsid(getpid()), "getsid(0) is the caller's");
	CHECK_ERR(getsid(NO_SUCH_PID), ESRCH, "getsid of no process");
	CHECK_ERR(getpgid(NO_SUCH_PID), ESRCH, "getpgid of no process");
	CHECK_ERR(setpgid(0, -1), EINVAL, "setpgid to a negative group");
	CHECK_ERR(setpgid(NO_SUCH_PID, 0), ESRCH, "setpgid of no process");
	CHECK_ERR(setpgid(getppid(), 0), ESRCH, "setpgid of a process that is no child");

	pid_t c = spawn(pause_child, NULL);
	CHECK_OK(setpgid(c, c), "setpgid of a child into a group of its own");
	CHECK_EQ(getpgid(c), c, "getpgid says so");
	CHECK_OK(setpgid(c, getpgrp()), "and back into ours");
	CHECK_EQ(getpgid(c), getpgrp(), "getpgid says so");
	CHECK_ERR(setpgid(c, NO_SUCH_PID), EPERM, "into a group that does not exist");
	pid_t s = spawn(session_then_pause, NULL);
	for (int i = 0; i < 200 && getsid(s) != s; i++)
		sleep_ms(10);
	CHECK_EQ(getsid(s) == s, 1, "the other child has a session of its own");
	CHECK_ERR(setpgid(c, s), EPERM, "into a group of another session");
	CHECK_ERR(setpgid(s, s), EPERM, "a child in another session");
	kill(s, SIGKILL);
	waitpid(s, NULL, 0);
	kill(c, SIGKILL);
	waitpid(c, NULL, 0);

	int p[2];
	pipe(p);
	pid_t e = fork();
	if (e == 0) {
		close(p[0]);
		dup2(p[1], 3);
		execl(self_exe, "job_session", "exec-child", (char *)NULL);
		_exit(99);
	}
	close(p[1]);
	char b;
	CHECK_EQ(read(p[0], &b, 1), 1, "the child has exec'd");
	close(p[0]);
	CHECK_ERR(setpgid(e, e), EACCES, "setpgid of a child after exec");
	kill(e, SIGKILL);
	waitpid(e, NULL, 0);
}

static volatile int got;
static void on_sig(int sig)
{
	got |= sig == SIGHUP ? 1 : sig == SIGCONT ? 2 : 4;
}

/* Stops; continued by the orphaning, it reports which signals came and
 * whether SIGTSTP now does nothing. */
static int orphan(void *arg)
{
	int fd = *(int *)arg;
	alarm(10);
	set_handler(SIGHUP, on_sig, 0);
	set_handler(SIGCONT, on_sig, 0);
	raise(SIGSTOP);
	for (int i = 0; i < 200 && got != 3; i++)
		sleep_ms(10);
	raise(SIGTSTP);         /* would stop for good in a group that is not orphaned */
	char c = (char)('0' + got);
	write(fd, &c, 1);
	return 0;
}

/* Its child goes into a group of its own and stops; its own exit then
 * leaves that group without a parent in the session. */
static int orphan_parent(void *arg)
{
	pid_t g = fork();
	if (g == 0) {
		setpgid(0, 0);
		_exit(orphan(arg));
	}
	setpgid(g, g);
	int st;
	if (waitpid(g, &st, WUNTRACED) != g || !WIFSTOPPED(st))
		return 1;
	return 0;
}

static int orphan_session(void *arg)
{
	alarm(10);
	setsid();
	int st = run_child(orphan_parent, arg);
	return WIFEXITED(st) ? WEXITSTATUS(st) : 2;
}

static void test_orphans(void)
{
	int p[2];
	pipe(p);
	int st = run_child(orphan_session, &p[1]);
	close(p[1]);
	expect_exit(st, 0, "the stopped member's parent has left");
	char c = 0;
	CHECK_EQ(read(p[0], &c, 1), 1, "the orphaned member runs again");
	CHECK_EQ(c, '3', "it got SIGHUP and SIGCONT, and SIGTSTP did not stop it");
	close(p[0]);
}

int main(int argc, char **argv)
{
	if (argc > 1 && argv[1][0] == 'e') {   /* the exec'd child of test_sessions */
		write(3, "x", 1);
		pause_child(NULL);
	}
	static char exe[256];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	exe[n > 0 ? n : 0] = '\0';
	self_exe = exe;
	alarm(60);
	test_sessions();
	test_orphans();
	return done();
}
