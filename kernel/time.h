/* time.h: what the calls that wait share (time.c's sleeps, poll.c's poll and
 * select): a user struct timespec copied in, and a span of nanoseconds as
 * scheduler ticks. */
#ifndef TIME_H
#define TIME_H

#include <stdbool.h>
#include <stdint.h>
#include "uaccess.h"

#define NSEC_PER_SEC 1000000000ll

/* Copies in a struct timespec with a 64-bit time_t (wide) or a 32-bit one:
 * 0 and its length in *ns (INT64_MAX for more than 292 years), -EFAULT, or
 * -EINVAL for a negative one or tv_nsec outside [0, 10^9). */
int copyin_timespec(const void __user *u, bool wide, int64_t *ns);

/* The time on clock clk (a CLOCK_* id) in nanoseconds: 0, or -EINVAL. */
int clock_now(int clk, int64_t *ns);

/* ns >= 0 as ticks, rounded up: a wait of that many ticks lasts at least ns. */
int64_t ns_to_jiffies(int64_t ns);

#endif
