/* bench: lmbench-style microbenchmarks. It prints figures and never passes
 * or fails; run it inside the kernel (tools/krun bench, with QEMU's -icount
 * for figures that do not depend on the host's load, see README.md) or on
 * Linux, and compare. */
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <uapi/chardev.h>

/* Integer arithmetic only: the project's printf has no floating point. */
static long long now_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

/* Prints total/n with two decimals, in the unit's hundredths. */
static void report(const char *what, long long hundredths, const char *unit)
{
	printf("%-40s %9lld.%02lld %s\n", what, hundredths / 100, hundredths % 100, unit);
}

static void report_per_op(const char *what, long long ns, int n)
{
	report(what, ns / 10 / n, "us");
}

static void bench_null_syscall(int n)
{
	long long t = now_ns();
	for (int i = 0; i < n; i++)
		getppid();
	report_per_op("null system call (getppid)", now_ns() - t, n);
}

static void bench_ioctl(const char *what, const char *dev, unsigned long cmd, int n)
{
	int fd = open(dev, O_RDWR);
	if (fd < 0) {
		printf("%-40s %12s (%s: not here)\n", what, "n/a", dev);
		return;
	}
	long long t = now_ns();
	for (int i = 0; i < n; i++)
		ioctl(fd, cmd, 0);
	report_per_op(what, now_ns() - t, n);
	close(fd);
}

static void bench_pipe_pingpong(int n)
{
	int to_child[2], to_parent[2];
	char c = 'x';
	if (pipe(to_child) || pipe(to_parent))
		return;
	pid_t pid = fork();
	if (pid == 0) {
		for (int i = 0; i < n; i++) {
			if (read(to_child[0], &c, 1) != 1 || write(to_parent[1], &c, 1) != 1)
				_exit(1);
		}
		_exit(0);
	}
	long long t = now_ns();
	for (int i = 0; i < n; i++) {
		if (write(to_child[1], &c, 1) != 1 || read(to_parent[0], &c, 1) != 1)
			break;
	}
	long long dt = now_ns() - t;
	waitpid(pid, NULL, 0);
	report_per_op("pipe ping-pong round trip", dt, n);
	close(to_child[0]), close(to_child[1]), close(to_parent[0]), close(to_parent[1]);
}

static void bench_pipe_bandwidth(int mib)
{
	enum { CHUNK = 65536 };
	static char buf[CHUNK];
	int fds[2];
	if (pipe(fds))
		return;
	pid_t pid = fork();
	if (pid == 0) {
		close(fds[1]);
		while (read(fds[0], buf, CHUNK) > 0)
			;
		_exit(0);
	}
	close(fds[0]);
	long long t = now_ns();
	for (long left = (long)mib << 20; left > 0; left -= CHUNK)
		if (write(fds[1], buf, CHUNK) != CHUNK)
			break;
	close(fds[1]);
	waitpid(pid, NULL, 0);
	long long dt = now_ns() - t;
	report("pipe bandwidth (64 KiB writes)", dt ? mib * 100LL * 1000000000LL / dt : 0, "MiB/s");
}

static void bench_fork(int n)
{
	long long t = now_ns();
	for (int i = 0; i < n; i++) {
		pid_t pid = fork();
		if (pid == 0)
			_exit(0);
		waitpid(pid, NULL, 0);
	}
	report_per_op("fork + exit + wait", now_ns() - t, n);
}

static void bench_poll(int n)
{
	struct pollfd p[10];
	int fds[10][2];
	for (int i = 0; i < 10; i++) {
		if (pipe(fds[i]))
			return;
		p[i] = (struct pollfd){ .fd = fds[i][0], .events = POLLIN };
	}
	long long t = now_ns();
	for (int i = 0; i < n; i++)
		poll(p, 10, 0);
	report_per_op("poll on 10 descriptors", now_ns() - t, n);
	for (int i = 0; i < 10; i++)
		close(fds[i][0]), close(fds[i][1]);
}

int main(int argc, char **argv)
{
	int scale = argc > 1 ? atoi(argv[1]) : 1;
	if (scale < 1)
		scale = 1;
	setvbuf(stdout, NULL, _IOLBF, 0);
	printf("%-40s %12s %s\n", "benchmark", "result", "unit");
	bench_null_syscall(20000 * scale);
	bench_ioctl("ioctl round trip (/dev/null)", "/dev/null", FIONREAD, 20000 * scale);
	bench_ioctl("ioctl round trip (/dev/chardev)", "/dev/chardev", CHARDEV_IOCTL_QUERY, 20000 * scale);
	bench_pipe_pingpong(2000 * scale);
	bench_pipe_bandwidth(16 * scale);
	bench_fork(100 * scale);
	bench_poll(5000 * scale);
	return 0;
}
