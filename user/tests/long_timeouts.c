/* long_timeouts: timeouts far in the future (hours to centuries) must wait,
 * not overflow into short ones: poll, select, ppoll, nanosleep with a 64-bit
 * time_t, and alarm (whose remaining time must come back whole). Each
 * blocking call runs in a child that must still be blocked after 300 ms. */
#include "check.h"

#include <poll.h>
#include <stdint.h>
#include <sys/select.h>
#include <sys/time.h>

static int fds[2];

static int do_poll(void *arg)
{
	struct pollfd pf = { fds[0], POLLIN, 0 };
	return poll(&pf, 1, (int)(long)arg);
}

static int do_select(void *arg)
{
	fd_set r;
	FD_ZERO(&r);
	FD_SET(fds[0], &r);
	struct timeval tv = { (long)arg, 0 };
	return select(fds[0] + 1, &r, NULL, NULL, &tv);
}

static int do_ppoll(void *arg)
{
	struct pollfd pf = { fds[0], POLLIN, 0 };
	struct { int32_t sec, nsec; } ts = { (int32_t)(long)arg, 0 };
	return (int)raw_syscall6(__NR_ppoll, (long)&pf, 1, (long)&ts, 0, 8, 0);
}

static int do_nanosleep64(void *arg)
{
	(void)arg;
	struct { int64_t sec, nsec; } ts = { 10000000000LL, 0 };   /* 317 years */
	return (int)raw_syscall6(__NR_clock_nanosleep_time64, CLOCK_MONOTONIC, 0, (long)&ts, 0, 0, 0);
}

static void still_blocked(int (*fn)(void *), void *arg, const char *what)
{
	pid_t pid = fork();
	if (pid == 0)
		_exit(fn(arg) & 0xff);
	sleep_ms(300);
	int st;
	CHECK_EQ(waitpid(pid, &st, WNOHANG), 0, what);
	kill(pid, SIGKILL);
	waitpid(pid, &st, 0);
}

static volatile int alarms;

static void on_alarm(int sig)
{
	(void)sig;
	alarms++;
}

int main(void)
{
	CHECK_OK(pipe(fds), "pipe");
	still_blocked(do_poll, (void *)42949673L, "poll with a 12-hour timeout blocks");
	still_blocked(do_poll, (void *)2147483647L, "poll with an INT_MAX timeout blocks");
	still_blocked(do_select, (void *)944893L, "select with an 11-day timeout blocks");
	still_blocked(do_select, (void *)2147483647L, "select with a 68-year timeout blocks");
	still_blocked(do_ppoll, (void *)944893L, "ppoll with an 11-day timeout blocks");
	still_blocked(do_nanosleep64, NULL, "clock_nanosleep_time64 for 317 years blocks");

	set_handler(SIGALRM, on_alarm, 0);
	CHECK_EQ(alarm(30000000), 0, "alarm in 347 days");
	sleep_ms(100);
	CHECK_EQ(alarms, 0, "... does not fire at once");
	CHECK_EQ(alarm(0), 30000000, "... and has all its time left");
	return done();
}
