/* sys/resource.h: resource limits and usage. */
#ifndef _SYS_RESOURCE_H
#define _SYS_RESOURCE_H

#include <sys/time.h>

/* struct rlimit and struct rusage are the kernel's struct k_rlimit (ugetrlimit/setrlimit) and
 * struct k_rusage, defined once in uapi/resource.h and taken here under POSIX's names: the
 * k_timeval members are <sys/time.h>'s struct timeval, which has the same layout. */
#ifdef UAPI_RESOURCE_H
#error "<uapi/resource.h> included before <sys/resource.h>: struct rusage would be missing"
#endif
#define k_rlimit rlimit
#define k_rusage rusage
#define k_timeval timeval
#include <uapi/resource.h>
#undef k_timeval
#undef k_rusage
#undef k_rlimit

typedef unsigned long rlim_t;
#define RLIM_INFINITY ((rlim_t)K_RLIM_INFINITY)

int getrlimit(int resource, struct rlimit *rl);
int setrlimit(int resource, const struct rlimit *rl);
int getrusage(int who, struct rusage *ru);
int getpriority(int which, id_t who);
int setpriority(int which, id_t who, int prio);

#endif
