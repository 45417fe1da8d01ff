/* uapi/resource.h: resource limit numbers and records (ugetrlimit/setrlimit use 32-bit limits,
 * prlimit64 64-bit ones), and struct k_rusage as wait4/getrusage fill it in. The libc's
 * <sys/resource.h> includes this header with k_rlimit, k_rusage and k_timeval defined as
 * POSIX's rlimit, rusage and timeval. */
#ifndef UAPI_RESOURCE_H
#define UAPI_RESOURCE_H

#include <stdint.h>
#include "time.h"

/* getpriority/setpriority: which */
#define PRIO_PROCESS 0
#define PRIO_PGRP    1
#define PRIO_USER    2

#define RLIMIT_CPU        0
#define RLIMIT_FSIZE      1
#define RLIMIT_DATA       2
#define RLIMIT_STACK      3
#define RLIMIT_CORE       4
#define RLIMIT_RSS        5
#define RLIMIT_NPROC      6
#define RLIMIT_NOFILE     7
#define RLIMIT_MEMLOCK    8
#define RLIMIT_AS         9
#define RLIMIT_LOCKS      10
#define RLIMIT_SIGPENDING 11
#define RLIMIT_MSGQUEUE   12
#define RLIMIT_NICE       13
#define RLIMIT_RTPRIO     14
#define RLIMIT_RTTIME     15
#define RLIM_NLIMITS      16

#define K_RLIM_INFINITY   0xffffffffUL
#define K_RLIM64_INFINITY 0xffffffffffffffffULL

struct k_rlimit {
	unsigned long rlim_cur;
	unsigned long rlim_max;
};

struct k_rlimit64 {
	uint64_t rlim_cur;
	uint64_t rlim_max;
};

#define RUSAGE_SELF     0
#define RUSAGE_CHILDREN (-1)
#define RUSAGE_THREAD   1

struct k_rusage {
	struct k_timeval ru_utime;
	struct k_timeval ru_stime;
	long ru_maxrss;
	long ru_ixrss;
	long ru_idrss;
	long ru_isrss;
	long ru_minflt;
	long ru_majflt;
	long ru_nswap;
	long ru_inblock;
	long ru_oublock;
	long ru_msgsnd;
	long ru_msgrcv;
	long ru_nsignals;
	long ru_nvcsw;
	long ru_nivcsw;
};

#endif
