/* timer.h: the PIT tick and the kernel's notion of time. */
#ifndef TIMER_H
#define TIMER_H

#include <stdint.h>
#include "uapi/param.h"

/* 1000 Hz: a sleep's deadline is rounded up to a tick and the tick is what
 * wakes it, so the tick length is the error of every short sleep (at 100 Hz
 * a 10 ms nanosleep took 10 to 20 ms). User space still counts clock_t in
 * USER_HZ, as on Linux (times, /proc/PID/stat, AT_CLKTCK). */
#define HZ 1000

static inline uint32_t jiffies_to_clock_t(uint64_t j)
{
	return (uint32_t)(j / (HZ / USER_HZ));
}

extern volatile uint32_t jiffies;

void timer_init(void);
/* One tick: jiffies, the time page, the scheduler's hook (the PIT's IRQ, or CPU 0's APIC timer). */
void timer_tick(void);
/* The clock's part of it alone (jiffies, the time page): needs no lock. */
void timer_advance(void);
uint64_t get_jiffies_64(void);         /* jiffies without the 497-day wrap */
uint64_t monotonic_ns(void);
int64_t realtime_seconds(void);         /* the wall clock: file times, time(2) */
void timer_set_tick_hook(void (*hook)(void));

#endif
