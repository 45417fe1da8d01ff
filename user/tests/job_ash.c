/* job_ash: busybox ash's job control on a controlling terminal (ash -m):
 * a background job stopped by kill -STOP shows as Stopped in jobs, bg
 * resumes it, kill %1 ends it, and foreground jobs get the terminal (ash's
 * tcsetpgrp) and give it back. The session's terminal is the second serial
 * port (no ptys yet); the shell's output comes back through a pipe.
 * Kernel-only: the host has no busybox at /usr/bin/sh. */
#include "check.h"

/* The job's state letter from /proc/PID/stat after each step. */
#define STATE "cut -d' ' -f3 /proc/$!/stat; "
#define SCRIPT \
	"sleep 30 & kill -STOP %1; sleep 1; " STATE "jobs; bg %1; sleep 1; " STATE "jobs; " \
	"kill %1; wait $!; echo killed $?; sh -c 'kill -STOP $$'; echo stopped $?; echo end"
/* In this order. ash's own job lines ([1]+  Stopped (signal), [1] sleep 30,
 * Terminated) come between on Linux; here they do in test mode but not
 * always under krun, so they are not required. */
static const char *const want[] = { "T\n", "S\n", "killed 143\n", "stopped 147\n", "end\n" };

static int in_order(const char *out)
{
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
		const char *at = strstr(out, want[i]);
		if (!at || (at != out && at[-1] != '\n'))
			return 0;
		out = at + strlen(want[i]);
	}
	return 1;
}

int main(void)
{
	alarm(60);
	int p[2];
	pipe(p);
	pid_t pid = fork();
	if (pid == 0) {
		setsid();
		if (open("/dev/ttyS1", O_RDWR) < 0)
			_exit(126);
		dup2(p[1], 1);
		dup2(p[1], 2);
		close(p[0]);
		close(p[1]);
		execl("/usr/bin/sh", "sh", "-m", "-c", SCRIPT, (char *)NULL);
		_exit(127);
	}
	close(p[1]);
	char out[1024];
	size_t n = 0;
	ssize_t r;
	while (n < sizeof out - 1 && (r = read(p[0], out + n, sizeof out - 1 - n)) > 0)
		n += r;
	out[n] = '\0';
	int st = wait_status(pid);
	expect_exit(st, 0, "ash -m runs the job-control script");
	char detail[1200];
	snprintf(detail, sizeof detail, "got \"%s\"", out);
	check_record(in_order(out), "kill -STOP stops the job, bg resumes it, kill %1 ends it, "
		     "a foreground job that stops gives the shell the terminal back", detail);
	return done();
}
