/* proc_lifecycle: fork, exit status, waitpid, orphans, zombies and execve.
 * Checks that exit codes and termination signals travel through wait status intact,
 * that waitpid selects the right child, that orphans are reparented, that a zombie
 * lives until it is reaped, and that execve replaces the image (/bin/true, /bin/false). */
#include "check.h"

#include <stdlib.h>

static int exit_with(void *arg)
{
	return (int)(long)arg;
}

static int exit_child_pids(void *arg)
{
	(void)arg;
	/* In the child: getppid must be the parent and getpid a new pid. */
	return getppid() == (pid_t)(long)arg ? 0 : 1;
}

/* Checks that every exit code 0..255 comes back unchanged, and that only the low
 * 8 bits of the exit argument survive. */
static void test_exit_codes(void)
{
	int bad = 0;
	for (int code = 0; code <= 255; code++) {
		int st = run_child(exit_with, (void *)(long)code);
		if (st == -1 || !WIFEXITED(st) || WEXITSTATUS(st) != code)
			bad++;
	}
	CHECK_EQ(bad, 0, "exit codes 0..255 seen by waitpid");
	expect_exit(run_child(exit_with, (void *)256L), 0, "exit(256) is seen as 0");
	expect_exit(run_child(exit_with, (void *)-1L), 255, "exit(-1) is seen as 255");
}

static void test_pids(void)
{
	pid_t me = getpid();
	CHECK(me > 0, "getpid positive");
	CHECK(getppid() != me, "getppid differs from getpid");
	int p[2];
	CHECK_OK(pipe(p), "pipe for pid exchange");
	pid_t pid = fork();
	if (pid == 0) {
		pid_t mine = getpid();
		/* The parent compares what the child sees with what fork returned. */
		write(p[1], &mine, sizeof mine);
		_exit(getppid() == me ? 0 : 1);
	}
	pid_t seen = 0;
	CHECK_EQ(read(p[0], &seen, sizeof seen), sizeof seen, "child sent its pid");
	CHECK(pid > 0 && pid != me, "fork returns a new pid to the parent");
	CHECK_EQ(seen, pid, "child's getpid equals fork's return");
	int st;
	CHECK_EQ(waitpid(pid, &st, 0), pid, "waitpid returns the child's pid");
	expect_exit(st, 0, "child's getppid is the parent");
	close(p[0]);
	close(p[1]);
	expect_exit(run_child(exit_child_pids, (void *)(long)me), 0, "run_child sees parent");
}

/* Killed children: both WIFSIGNALED and the exact signal. */
static void test_signaled(void)
{
	pid_t pid = fork();
	if (pid == 0) {
		for (;;)
			pause();
	}
	CHECK_OK(kill(pid, SIGKILL), "kill child with SIGKILL");
	int st;
	CHECK_EQ(waitpid(pid, &st, 0), pid, "waitpid on killed child");
	CHECK(WIFSIGNALED(st) && !WIFEXITED(st), "WIFSIGNALED and not WIFEXITED");
	CHECK_EQ(WTERMSIG(st), SIGKILL, "WTERMSIG is SIGKILL");

	pid = fork();
	if (pid == 0) {
		raise(SIGTERM);
		_exit(0);
	}
	CHECK_EQ(waitpid(pid, &st, 0), pid, "waitpid on self-terminated child");
	expect_signal(st, SIGTERM, "raise(SIGTERM) kills with SIGTERM");
}

/* waitpid(pid) must wait for that child even if another one finished first. */
static void test_wait_specific(void)
{
	pid_t fast = fork();
	if (fast == 0)
		_exit(11);
	pid_t slow = fork();
	if (slow == 0) {
		sleep_ms(100);
		_exit(22);
	}
	sleep_ms(20); /* let fast become a zombie so a wrong waitpid would pick it */
	int st;
	CHECK_EQ(waitpid(slow, &st, 0), slow, "waitpid(slow) returns slow");
	expect_exit(st, 22, "slow child's status");
	CHECK_EQ(waitpid(-1, &st, 0), fast, "waitpid(-1) then returns the other");
	expect_exit(st, 11, "fast child's status");
	CHECK_ERR(waitpid(-1, &st, 0), ECHILD, "waitpid with no children ECHILD");
	CHECK_ERR(wait(&st), ECHILD, "wait with no children ECHILD");
	CHECK_ERR(waitpid(slow, &st, 0), ECHILD, "waitpid on reaped pid ECHILD");
	CHECK_ERR(waitpid(getpid(), &st, WNOHANG), ECHILD, "waitpid on self ECHILD");
}

/* WNOHANG on a running child returns 0; a zombie stays signalable until reaped. */
static void test_zombie(void)
{
	int p[2];
	pipe(p);
	pid_t pid = fork();
	if (pid == 0) {
		char c;
		close(p[1]);
		read(p[0], &c, 1); /* hold until the parent has looked at us running */
		_exit(7);
	}
	close(p[0]);
	int st;
	CHECK_EQ(waitpid(pid, &st, WNOHANG), 0, "WNOHANG on running child returns 0");
	close(p[1]);   /* child reads EOF and exits */
	sleep_ms(50);  /* and is a zombie now */
	CHECK_EQ(kill(pid, 0), 0, "zombie still exists before reaping");
	CHECK_EQ(waitpid(pid, &st, 0), pid, "zombie reaped");
	expect_exit(st, 7, "zombie's exit status");
	CHECK_ERR(kill(pid, 0), ESRCH, "reaped pid is gone (ESRCH)");
}

/* The middle process exits; the grandchild must see its parent change. */
static void test_orphan(void)
{
	int p[2];
	pipe(p);
	pid_t mid = fork();
	if (mid == 0) {
		pid_t midpid = getpid();
		if (fork() == 0) {
			/* Orphan: wait up to 2 s for the reparenting.  On Linux under a
			 * subreaper the new parent need not be 1, so only a change is checked. */
			int changed = 0;
			for (int i = 0; i < 200 && !changed; i++) {
				if (getppid() != midpid)
					changed = 1;
				else
					sleep_ms(10);
			}
			char c = changed ? 'y' : 'n';
			write(p[1], &c, 1);
			_exit(0);
		}
		_exit(0);
	}
	close(p[1]);
	int st;
	CHECK_EQ(waitpid(mid, &st, 0), mid, "middle process reaped");
	char c = 0;
	CHECK_EQ(read(p[0], &c, 1), 1, "orphan reported");
	CHECK_EQ(c, 'y', "orphan reparented away from its dead parent");
	close(p[0]);
}

static int exec_prog(void *path)
{
	char *argv[] = { path, NULL };
	char *envp[] = { NULL };
	execve(path, argv, envp);
	return errno == ENOENT ? 100 : 101;
}

static void test_exec(void)
{
	expect_exit(run_child(exec_prog, "/bin/true"), 0, "execve /bin/true exits 0");
	expect_exit(run_child(exec_prog, "/bin/false"), 1, "execve /bin/false exits 1");
	expect_exit(run_child(exec_prog, "/no/such/prog"), 100, "execve missing file ENOENT");
	char *argv[] = { "x", NULL };
	char *envp[] = { NULL };
	CHECK_ERR(execve("/", argv, envp), EACCES, "execve a directory EACCES");
}

int main(void)
{
	test_pids();
	test_exit_codes();
	test_signaled();
	test_wait_specific();
	test_zombie();
	test_orphan();
	test_exec();
	return done();
}
