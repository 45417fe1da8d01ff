/* hammer_fork: fork, exit and wait from 4 threads of one process at once.
 * First each thread forks CHILDREN children one by one and waits for each
 * by its pid: every status is the one that child exited with. Then the
 * threads fork 4 * CHILDREN children together and all four reap any child
 * (wait4(-1)) until each has reaped its share: every child is reaped
 * exactly once, by one thread, with its own status, and none is left
 * (ECHILD). Bounded by an alarm. */
#include "hammer.h"

#define THREADS 4
#define CHILDREN 25

static pid_t pids[THREADS * CHILDREN];
static int reaped[THREADS * CHILDREN];
static int strays;              /* reaped pids that no thread forked, or wrong statuses */

/* Child n exits with a status only it has. */
static int status_of(int n)
{
	return n % 200 + 1;
}

static int fork_and_wait(int t, void *arg)
{
	(void)arg;
	for (int i = 0; i < CHILDREN; i++) {
		int n = t * CHILDREN + i, st;
		pid_t pid = fork();
		if (pid == 0)
			_exit(status_of(n));
		if (pid < 0 || waitpid(pid, &st, 0) != pid || !WIFEXITED(st) || WEXITSTATUS(st) != status_of(n))
			return 1;
	}
	return 0;
}

static int fork_all(int t, void *arg)
{
	(void)arg;
	for (int i = 0; i < CHILDREN; i++) {
		int n = t * CHILDREN + i;
		pid_t pid = fork();
		if (pid == 0)
			_exit(status_of(n));
		if (pid < 0)
			return 1;
		pids[n] = pid;
	}
	return 0;
}

static void account(pid_t pid, int st)
{
	for (int n = 0; n < THREADS * CHILDREN; n++)
		if (pids[n] == pid) {
			__atomic_add_fetch(&reaped[n], 1, __ATOMIC_RELAXED);
			if (!WIFEXITED(st) || WEXITSTATUS(st) != status_of(n))
				__atomic_add_fetch(&strays, 1, __ATOMIC_RELAXED);
			return;
		}
	__atomic_add_fetch(&strays, 1, __ATOMIC_RELAXED);
}

static int reap_share(int t, void *arg)
{
	(void)t, (void)arg;
	for (int i = 0; i < CHILDREN; i++) {
		int st;
		pid_t pid = wait4(-1, &st, 0, NULL);
		if (pid < 0)
			return 1;
		account(pid, st);
	}
	return 0;
}

int main(void)
{
	alarm(60);
	CHECK_EQ(hammer(THREADS, fork_and_wait, NULL), 0,
		 "4 threads fork 25 children each and wait for each by pid: every status right");
	CHECK_EQ(hammer(THREADS, fork_all, NULL), 0, "4 threads fork 25 children each at once");
	CHECK_EQ(hammer(THREADS, reap_share, NULL), 0, "4 threads each reap 25 children with wait4(-1)");
	int once = 1;
	for (int n = 0; n < THREADS * CHILDREN; n++)
		once &= reaped[n] == 1;
	CHECK(once, "every child was reaped exactly once");
	CHECK_EQ(strays, 0, "each with its own status, and no pid nobody forked");
	CHECK_ERR(wait4(-1, NULL, WNOHANG, NULL), ECHILD, "no child is left");
	return done();
}
