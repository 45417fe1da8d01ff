/* prlimit_perm: prlimit64 on another process needs permission, as Linux:
 * root may change anyone's limits (even raise a hard limit), another user
 * only a process whose ids are all its own (EPERM otherwise). The check
 * used to look at the target's euid instead of the caller's.
 * Kernel-only: it needs root. */
#include "check.h"

#include <stdint.h>

struct rl64 {
	uint64_t cur, max;
};

static long prlimit64(pid_t pid, int res, const struct rl64 *n, struct rl64 *o)
{
	return raw_syscall6(__NR_prlimit64, pid, res, (long)n, (long)o, 0, 0);
}

#define RLIMIT_CORE_ 4

int main(void)
{
	int go[2], done_[2];
	pipe(go);
	pipe(done_);
	pid_t pid = fork();
	if (pid == 0) {
		struct rl64 l = { 100, 100 };
		char c;
		close(go[1]);
		if (prlimit64(0, RLIMIT_CORE_, &l, NULL) != 0 || setuid(1000) != 0)
			_exit(2);
		write(done_[1], "r", 1);
		read(go[0], &c, 1);
		/* As uid 1000: the parent (root) is not ours to change. */
		l.cur = l.max = 50;
		_exit(prlimit64(getppid(), RLIMIT_CORE_, &l, NULL) == -EPERM ? 0 : 3);
	}
	char c;
	read(done_[0], &c, 1);
	struct rl64 up = { 200, 200 }, old;
	CHECK_EQ(prlimit64(pid, RLIMIT_CORE_, &up, &old), 0, "root raises another user's hard limit");
	CHECK_EQ(old.max, 100, "... and reads the old one");
	write(go[1], "g", 1);
	expect_exit(wait_status(pid), 0, "another user changing root's limits: EPERM");
	return done();
}
