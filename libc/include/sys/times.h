/* sys/times.h: times(), the process's CPU time in clock ticks (sysconf(_SC_CLK_TCK)). */
#ifndef _SYS_TIMES_H
#define _SYS_TIMES_H

#include <sys/types.h>

struct tms {
	clock_t tms_utime, tms_stime;	/* the whole process's (all its threads) */
	clock_t tms_cutime, tms_cstime;	/* of the children it waited for */
};

clock_t times(struct tms *buf);

#endif
