/* vclock.c: the vDSO's clocks (Linux's __vdso_clock_gettime and friends):
 * CLOCK_REALTIME, CLOCK_MONOTONIC and their variants computed from the time
 * page (vvar.h) in user mode, with no system call; any other clock, and a
 * clock_getres of one, goes to the kernel through int $0x80, whose answer
 * (a negative errno included) is returned as it is, as Linux's vDSO does. */
#include <stddef.h>
#include "vdso/vvar.h"
#include "vdso/image/vsyscall.h"
#include "uapi/syscall_nr.h"
#include "uapi/time.h"

/* Defined by vdso.lds one page below the image: the [vvar] mapping. */
/* Not const: the kernel rewrites it, so every read must go to memory. */
extern struct vvar_data vvar_page __attribute__((visibility("hidden")));

static long syscall2(long nr, long a, long b)
{
	return vdso_syscall3(nr, a, b, 0);
}

/* The clocks the page holds: false for the others. */
static int vdso_now(int clk, int64_t *sec, int32_t *nsec)
{
	int32_t epoch;
	switch (clk) {
	case CLOCK_REALTIME:
	case CLOCK_REALTIME_COARSE:
	case CLOCK_MONOTONIC:
	case CLOCK_MONOTONIC_RAW:
	case CLOCK_MONOTONIC_COARSE:
	case CLOCK_BOOTTIME:
		vvar_read(&vvar_page, sec, nsec, &epoch);
		if (clk == CLOCK_REALTIME || clk == CLOCK_REALTIME_COARSE)
			*sec += epoch;
		return 1;
	}
	return 0;
}

int __vdso_clock_gettime(int clk, struct k_timespec32 *ts)
{
	int64_t sec;
	int32_t nsec;
	if (!vdso_now(clk, &sec, &nsec))
		return (int)syscall2(__NR_clock_gettime, clk, (long)ts);
	ts->tv_sec = (int32_t)sec;
	ts->tv_nsec = nsec;
	return 0;
}

int __vdso_clock_gettime64(int clk, struct k_timespec64 *ts)
{
	int64_t sec;
	int32_t nsec;
	if (!vdso_now(clk, &sec, &nsec))
		return (int)syscall2(__NR_clock_gettime64, clk, (long)ts);
	ts->tv_sec = sec;
	ts->tv_nsec = nsec;
	return 0;
}

int __vdso_gettimeofday(struct k_timeval *tv, struct k_timezone *tz)
{
	int64_t sec;
	int32_t nsec;
	if (tv) {
		vdso_now(CLOCK_REALTIME, &sec, &nsec);
		tv->tv_sec = (int32_t)sec;
		tv->tv_usec = nsec / 1000;
	}
	if (tz)
		tz->tz_minuteswest = tz->tz_dsttime = 0;
	return 0;
}

int32_t __vdso_time(int32_t *t)
{
	int64_t sec;
	int32_t nsec;
	vdso_now(CLOCK_REALTIME, &sec, &nsec);
	if (t)
		*t = (int32_t)sec;
	return (int32_t)sec;
}

int __vdso_clock_getres(int clk, struct k_timespec32 *res)
{
	return (int)syscall2(__NR_clock_getres, clk, (long)res);
}
