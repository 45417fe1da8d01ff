/* child_times: times() and getrusage(RUSAGE_CHILDREN) count the CPU time of
 * the children a process has reaped, nothing before the wait; waitpid with
 * INT_MIN (a process group that cannot exist) is ESRCH, as Linux. times is
 * the raw call with Linux i386's struct tms (four 32-bit clock_t). */
#include "check.h"

#include <limits.h>
#include <stdint.h>
#include <sys/resource.h>

#define BURN_TICKS 20           /* 0.2 s of CPU at USER_HZ 100 */

struct k_tms {
	uint32_t tms_utime, tms_stime, tms_cutime, tms_cstime;
};

static long times_(struct k_tms *t)
{
	return raw_syscall(__NR_times, (long)t, 0, 0);
}

static int burn(void *arg)
{
	(void)arg;
	struct k_tms t;
	long start = now_ms();
	do {
		times_(&t);
	} while (t.tms_utime + t.tms_stime < BURN_TICKS && now_ms() - start < 10000);
	return t.tms_utime + t.tms_stime >= BURN_TICKS ? 0 : 1;
}

int main(void)
{
	struct k_tms t;
	struct rusage ru;
	CHECK(times_(&t) != -1 && t.tms_cutime == 0 && t.tms_cstime == 0, "no children's time at first");
	pid_t pid = spawn(burn, NULL);
	sleep_ms(50);
	CHECK(times_(&t) != -1 && t.tms_cutime == 0, "a running child's time is not counted");
	expect_exit(wait_status(pid), 0, "the child used 0.2 s of CPU");
	CHECK(times_(&t) != -1 && t.tms_cutime + t.tms_cstime >= BURN_TICKS,
	      "times: the reaped child's time in tms_cutime + tms_cstime");
	CHECK_OK(getrusage(RUSAGE_CHILDREN, &ru), "getrusage(RUSAGE_CHILDREN)");
	long us = (ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1000000L + ru.ru_utime.tv_usec + ru.ru_stime.tv_usec;
	CHECK(us >= BURN_TICKS * 10000L, "getrusage: the same time");
	CHECK_ERR(waitpid(INT_MIN, NULL, 0), ESRCH, "waitpid(INT_MIN): ESRCH");
	CHECK_ERR(waitpid(INT_MIN, NULL, WNOHANG), ESRCH, "with WNOHANG too");
	return done();
}
