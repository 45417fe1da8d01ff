/* sys/resource.h: resource limits and usage. */
#ifndef _SYS_RESOURCE_H
#define _SYS_RESOURCE_H

#include <sys/time.h>
#include <uapi/resource.h>

typedef unsigned long rlim_t;
#define RLIM_INFINITY ((rlim_t)K_RLIM_INFINITY)

/* Same layout as the kernel's struct k_rlimit (ugetrlimit/setrlimit). */
struct rlimit {
	rlim_t rlim_cur;
	rlim_t rlim_max;
};

/* Same layout as the kernel's struct k_rusage. */
struct rusage {
	struct timeval ru_utime;
	struct timeval ru_stime;
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

int getrlimit(int resource, struct rlimit *rl);
int setrlimit(int resource, const struct rlimit *rl);
int getrusage(int who, struct rusage *ru);

#endif
