/* uapi/time.h: the time records system calls exchange and the clock ids. Names carry a k_ prefix
 * because the libc's POSIX struct timespec/timeval are declared separately. */
#ifndef UAPI_TIME_H
#define UAPI_TIME_H

#include <stdint.h>

/* clock_gettime, nanosleep, ... (32-bit seconds: fails in 2038) */
struct k_timespec32 {
	int32_t tv_sec;
	int32_t tv_nsec;
};

/* clock_gettime64 and the other *_time64 calls */
struct k_timespec64 {
	int64_t tv_sec;
	long long tv_nsec;
};

/* gettimeofday, select, setitimer, rusage */
struct k_timeval {
	int32_t tv_sec;
	int32_t tv_usec;
};

struct k_timezone {
	int tz_minuteswest;
	int tz_dsttime;
};

struct k_itimerval {
	struct k_timeval it_interval;
	struct k_timeval it_value;
};

#define CLOCK_REALTIME           0
#define CLOCK_MONOTONIC          1
#define CLOCK_PROCESS_CPUTIME_ID 2
#define CLOCK_THREAD_CPUTIME_ID  3
#define CLOCK_MONOTONIC_RAW      4
#define CLOCK_REALTIME_COARSE    5
#define CLOCK_MONOTONIC_COARSE   6
#define CLOCK_BOOTTIME           7

#define TIMER_ABSTIME 1

#define ITIMER_REAL    0
#define ITIMER_VIRTUAL 1
#define ITIMER_PROF    2

#endif
