/* sched_latency: the scheduler serves a process that sleeps. With 20
 * CPU-bound processes running, a 10 ms nanosleep returns within 200 ms (round
 * robin made it wait for a whole pass, 400 ms at 20 hogs; the fair scheduler
 * runs a woken sleeper at once), and so does a pipe round trip; a hog at
 * nice 10 gets less CPU than one at nice 0. The bounds are the median of
 * several tries and far from what is expected, so a loaded host does not
 * make the test fail. All on CPU 0. Kernel-only: the host may have many CPUs. */
#include "check.h"

#include <signal.h>
#include <stdint.h>
#include <sys/resource.h>

#define HOGS 20
#define TRIES 7

static long long now_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static long long median(long long *v, int n)
{
	for (int i = 1; i < n; i++)
		for (int j = i; j > 0 && v[j - 1] > v[j]; j--) {
			long long t = v[j];
			v[j] = v[j - 1], v[j - 1] = t;
		}
	return v[n / 2];
}

static void stop(pid_t *pids, int n)
{
	for (int i = 0; i < n; i++)
		kill(pids[i], SIGKILL);
	for (int i = 0; i < n; i++)
		waitpid(pids[i], NULL, 0);
}

/* A hog that reports how far it counted when it gets SIGTERM. */
static int report_fd, which;
static volatile unsigned long count;

static void report(int sig)
{
	(void)sig;
	unsigned long msg[2] = { which, count };
	write(report_fd, msg, sizeof(msg));
	_exit(0);
}

static pid_t counting_hog(int fd, int nice_value, int index)
{
	pid_t pid = fork();
	if (pid == 0) {
		report_fd = fd;
		which = index;
		signal(SIGTERM, report);
		setpriority(PRIO_PROCESS, 0, nice_value);
		for (;;)
			count++;
	}
	return pid;
}

int main(void)
{
	/* One CPU for the test and its children (they inherit the mask): the
	 * shares and waits below are those of one CPU's scheduler. */
	uint32_t cpu0 = 1;
	CHECK_EQ(raw_syscall(__NR_sched_setaffinity, 0, sizeof(cpu0), (long)&cpu0), 0, "pinned to CPU 0");
	pid_t hogs[HOGS];
	for (int i = 0; i < HOGS; i++)
		if ((hogs[i] = fork()) == 0)
			for (volatile unsigned spin = 0;; spin++)
				;
	long long t[TRIES];
	for (int i = 0; i < TRIES; i++) {
		struct timespec ten_ms = { 0, 10000000 };
		long long start = now_ns();
		nanosleep(&ten_ms, NULL);
		t[i] = now_ns() - start;
	}
	long long sleep_ns = median(t, TRIES);
	CHECK(sleep_ns >= 10000000, "a 10 ms sleep under 20 hogs lasts at least 10 ms");
	CHECK(sleep_ns < 200000000, "and returns within 200 ms");

	int to[2], from[2];
	char c = 'x';
	pipe(to);
	pipe(from);
	pid_t echo = fork();
	if (echo == 0) {
		close(to[1]);
		while (read(to[0], &c, 1) == 1 && write(from[1], &c, 1) == 1)
			;
		_exit(0);
	}
	close(to[0]);
	for (int i = 0; i < TRIES; i++) {
		long long start = now_ns();
		if (write(to[1], &c, 1) != 1 || read(from[0], &c, 1) != 1)
			break;
		t[i] = now_ns() - start;
	}
	close(to[1]);
	waitpid(echo, NULL, 0);
	CHECK(median(t, TRIES) < 200000000, "a pipe round trip under 20 hogs takes less than 200 ms");
	stop(hogs, HOGS);

	int r[2];
	pipe(r);
	pid_t normal = counting_hog(r[1], 0, 0), niced = counting_hog(r[1], 10, 1);
	struct timespec half = { 0, 500000000 };
	nanosleep(&half, NULL);
	unsigned long counts[2] = { 0, 0 }, msg[2];
	kill(normal, SIGTERM);
	kill(niced, SIGTERM);
	for (int i = 0; i < 2; i++)
		if (read(r[0], msg, sizeof(msg)) == sizeof(msg) && msg[0] < 2)
			counts[msg[0]] = msg[1];
	waitpid(normal, NULL, 0);
	waitpid(niced, NULL, 0);
	CHECK(counts[1] > 0, "a hog at nice 10 still runs");
	CHECK(counts[0] > 2 * counts[1], "but gets less than half the CPU of a hog at nice 0");
	return done();
}
