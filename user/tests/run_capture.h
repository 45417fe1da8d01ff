/* run_capture.h: running a program from a test with its stdout and stderr
 * captured, in a process group of its own that is killed if it runs past
 * the deadline (busybox_shell, mod_tools). */
#ifndef USER_TESTS_RUN_CAPTURE_H
#define USER_TESTS_RUN_CAPTURE_H

#include "check.h"
#include <poll.h>
#include <stdbool.h>

#define RUN_CAPTURE_DEADLINE_MS 20000

/* Runs argv with stdout (and stderr) into out; its wait status, or -1 on a timeout. */
CHECK_FN int run_capture(char *const argv[], char *out, size_t size)
{
	int p[2];
	if (pipe(p) < 0)
		return -1;
	pid_t pid = fork();
	if (pid == 0) {
		setpgid(0, 0);
		dup2(p[1], 1);
		dup2(p[1], 2);
		close(p[0]);
		close(p[1]);
		execv(argv[0], argv);
		_exit(127);
	}
	close(p[1]);
	size_t n = 0;
	long end = now_ms() + RUN_CAPTURE_DEADLINE_MS;
	bool timed_out = false;
	for (;;) {
		struct pollfd pfd = { .fd = p[0], .events = POLLIN };
		long left = end - now_ms();
		if (left <= 0 || poll(&pfd, 1, (int)left) == 0) {
			timed_out = true;
			break;
		}
		ssize_t r = read(p[0], out + n, size - 1 - n);
		if (r <= 0)
			break;
		n += (size_t)r;
		if (n == size - 1)
			break;
	}
	out[n] = '\0';
	close(p[0]);
	if (timed_out)
		kill(-pid, SIGKILL);
	int st = wait_status(pid);
	return timed_out ? -1 : st;
}

#endif
