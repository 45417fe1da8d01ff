/* sched.h: clone flags and sched_yield. */
#ifndef _SCHED_H
#define _SCHED_H

#include <uapi/sched.h>

int sched_yield(void);

#endif
