/* timer.h: the PIT tick and the kernel's notion of time. */
#ifndef TIMER_H
#define TIMER_H

#include <stdint.h>

#define HZ 100

extern volatile uint32_t jiffies;

void timer_init(void);
uint64_t get_jiffies_64(void);         /* jiffies without the 497-day wrap */
uint64_t monotonic_ns(void);
int64_t realtime_seconds(void);         /* the wall clock: file times, time(2) */
void timer_set_tick_hook(void (*hook)(void));

#endif
