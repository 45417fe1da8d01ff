/* timer.h: the PIT tick and the kernel's notion of time. */
#ifndef TIMER_H
#define TIMER_H

#include <stdint.h>
#include "uapi/param.h"

#define HZ 100
/* times(), /proc/PID/stat and AT_CLKTCK hand the kernel's ticks out as clock_t unconverted,
 * which holds while the tick rate is USER_HZ. */
_Static_assert(HZ == USER_HZ, "clock_t values would need jiffies_to_clock_t()");

extern volatile uint32_t jiffies;

void timer_init(void);
uint64_t get_jiffies_64(void);         /* jiffies without the 497-day wrap */
uint64_t monotonic_ns(void);
int64_t realtime_seconds(void);         /* the wall clock: file times, time(2) */
void timer_set_tick_hook(void (*hook)(void));

#endif
