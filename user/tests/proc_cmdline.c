/* proc_cmdline: /proc/PID/cmdline holds the argument strings a process was
 * exec'd with, each with its NUL; another process's can be read; a zombie's
 * is empty (its memory is gone), as on Linux. */
#include "check.h"

#include <fcntl.h>
#include <stdbool.h>
#include <stdlib.h>

static const char want[] = "proc_cmdline\0child\0two words\0";

static long read_cmdline(pid_t pid, char *buf, size_t size)
{
	char path[64];
	snprintf(path, sizeof path, "/proc/%d/cmdline", (int)pid);
	int fd = open(path, O_RDONLY);
	if (fd < 0)
		return -1;
	long n = 0, r;
	while (n < (long)size && (r = read(fd, buf + n, size - n)) > 0)
		n += r;
	close(fd);
	return n;
}

int main(int argc, char **argv)
{
	if (argc == 3 && strcmp(argv[1], "child") == 0) {
		char c;
		return read(0, &c, 1) == 0 ? 0 : 1;     /* until the parent closes the pipe */
	}
	char self[sizeof want + 64];
	long n = read_cmdline(getpid(), self, sizeof self);
	CHECK(n > 0 && self[n - 1] == '\0' && strcmp(self, argv[0]) == 0,
	      "our own cmdline starts with argv[0] and ends with a NUL");

	int p[2];
	CHECK_OK(pipe(p), "pipe");
	pid_t pid = fork();
	if (pid == 0) {
		dup2(p[0], 0);
		close(p[0]);
		close(p[1]);
		execl("/proc/self/exe", "proc_cmdline", "child", "two words", (char *)NULL);
		_exit(127);
	}
	close(p[0]);
	char buf[256];
	bool seen = false;
	for (int i = 0; i < 100 && !seen; i++) {            /* until it has exec'd: 5 s at most */
		n = read_cmdline(pid, buf, sizeof buf);
		seen = n == (long)sizeof want - 1 && memcmp(buf, want, n) == 0;
		if (!seen)
			sleep_ms(50);
	}
	CHECK(seen, "another process's cmdline: its argv, NUL-separated");
	close(p[1]);
	for (int i = 0; i < 100 && proc_state(pid) != 'Z'; i++)
		sleep_ms(50);
	CHECK(proc_state(pid) == 'Z', "the child is a zombie");
	CHECK_EQ(read_cmdline(pid, buf, sizeof buf), 0, "a zombie's cmdline is empty");
	expect_exit(wait_status(pid), 0, "the child saw the pipe close");
	return done();
}
