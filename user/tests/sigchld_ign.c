/* sigchld_ign: a parent whose SIGCHLD is SIG_IGN, or has SA_NOCLDWAIT, gets
 * no zombies: its children are reaped as they exit and wait() blocks until
 * the last is gone, then fails with ECHILD (POSIX, Linux). Such children
 * used to stay zombies forever and fill the process table. */
#include "check.h"

static volatile int chld;

static void on_chld(int sig)
{
	(void)sig;
	chld++;
}

static pid_t child_exits(int code)
{
	pid_t pid = fork();
	if (pid == 0) {
		sleep_ms(20);
		_exit(code);
	}
	return pid;
}

int main(void)
{
	int st;
	set_handler(SIGCHLD, SIG_IGN, 0);
	CHECK(child_exits(3) > 0, "fork with SIGCHLD ignored");
	CHECK_ERR(waitpid(-1, &st, 0), ECHILD, "SIG_IGN: wait blocks, then ECHILD");

	/* More children than the process table holds, none waited for. */
	int forks = 0;
	for (int i = 0; i < 300; i++) {
		pid_t pid = fork();
		if (pid == 0)
			_exit(0);
		if (pid < 0)
			break;
		forks++;
		if (i % 10 == 9)
			sleep_ms(5);    /* let them exit: only zombies may pile up */
	}
	while (waitpid(-1, &st, 0) != -1)
		;
	CHECK_EQ(forks, 300, "300 unwaited children with SIGCHLD ignored");

	set_handler(SIGCHLD, on_chld, SA_NOCLDWAIT);
	CHECK(child_exits(4) > 0, "fork with SA_NOCLDWAIT");
	CHECK_ERR(waitpid(-1, &st, 0), ECHILD, "SA_NOCLDWAIT: wait blocks, then ECHILD");
	sleep_ms(10);
	CHECK_EQ(chld, 1, "SA_NOCLDWAIT: the handler still gets SIGCHLD");

	set_handler(SIGCHLD, SIG_DFL, 0);
	pid_t pid = child_exits(5);
	CHECK_EQ(waitpid(pid, &st, 0), pid, "SIG_DFL again: the child waits to be reaped");
	expect_exit(st, 5, "... with its status");
	return done();
}
