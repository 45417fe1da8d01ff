/* time.c: clocks (clock_gettime64, falling back to the 32-bit call on kernels without it), time,
 * gettimeofday, interval timers, sleeping, clock(). */
#include <errno.h>
#include <stdint.h>
#include <sys/resource.h>
#include <sys/times.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>
#include "sysdep.h"

int clock_gettime(clockid_t clk, struct timespec *ts)
{
	struct k_timespec64 t64;
	long r = __syscall(__NR_clock_gettime64, clk, &t64);

	if (r == -ENOSYS)
		return (int)__sysret(__NR_clock_gettime, clk, ts);	/* same layout as k_timespec32 */
	if (__syscall_ret(r) < 0)
		return -1;
	if (t64.tv_sec != (time_t)t64.tv_sec) {
		errno = EOVERFLOW;
		return -1;
	}
	ts->tv_sec = (time_t)t64.tv_sec;
	ts->tv_nsec = (long)t64.tv_nsec;
	return 0;
}

int clock_getres(clockid_t clk, struct timespec *ts) { return (int)__sysret(__NR_clock_getres, clk, ts); }

time_t time(time_t *t)
{
	struct timespec ts;

	if (clock_gettime(CLOCK_REALTIME, &ts) < 0)
		return (time_t)-1;
	if (t)
		*t = ts.tv_sec;
	return ts.tv_sec;
}

int gettimeofday(struct timeval *tv, void *tz)
{
	return (int)__sysret(__NR_gettimeofday, tv, tz);
}

int settimeofday(const struct timeval *tv, const struct timezone *tz)
{
	return (int)__sysret(__NR_settimeofday, tv, tz);
}

int getitimer(int which, struct itimerval *value) { return (int)__sysret(__NR_getitimer, which, value); }

int setitimer(int which, const struct itimerval *value, struct itimerval *old)
{
	return (int)__sysret(__NR_setitimer, which, value, old);
}

int nanosleep(const struct timespec *req, struct timespec *rem)
{
	return (int)__sysret_cp(__NR_nanosleep, req, rem);
}

/* Unlike the others, clock_nanosleep reports errors as its return value, not through errno. */
int clock_nanosleep(clockid_t clk, int flags, const struct timespec *req, struct timespec *rem)
{
	return (int)-__syscall_cancel(__NR_clock_nanosleep, clk, flags, req, rem);
}

unsigned int sleep(unsigned int seconds)
{
	struct timespec ts = { (time_t)seconds, 0 };

	if (nanosleep(&ts, &ts) < 0)
		return (unsigned int)ts.tv_sec + (ts.tv_nsec > 0);
	return 0;
}

int usleep(useconds_t usec)
{
	struct timespec ts = { (time_t)(usec / 1000000), (long)(usec % 1000000) * 1000 };

	return nanosleep(&ts, NULL);
}

/* Processor time used, in CLOCKS_PER_SEC units. */
clock_t clock(void)
{
	struct rusage ru;

	if (getrusage(RUSAGE_SELF, &ru) < 0)
		return (clock_t)-1;
	return (clock_t)((ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1000000L +
			 ru.ru_utime.tv_usec + ru.ru_stime.tv_usec);
}

clock_t times(struct tms *buf)
{
	return (clock_t)__sysret(__NR_times, buf);
}
