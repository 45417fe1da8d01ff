/* kstat.h: per-CPU time accounting, as Linux's kernel_stat.h: every timer tick
 * charges the CPU it interrupted with user, system or idle time, which
 * /proc/stat shows as its cpu and cpuN lines. */
#ifndef KSTAT_H
#define KSTAT_H

#include <stdint.h>
#include "smp.h"

enum cpu_usage_stat { CPUTIME_USER, CPUTIME_SYSTEM, CPUTIME_IDLE, NR_STATS };

/* Ticks (HZ) per kind. Each CPU writes only its own entry, from its timer tick;
 * a reader on another CPU may see a 64-bit count half updated, which a
 * statistics file tolerates (Linux's 32-bit kcpustat reads are as loose). */
struct kernel_cpustat {
	uint64_t cpustat[NR_STATS];
};

extern struct kernel_cpustat kernel_cpustat[NR_CPUS];

/* The timer tick: one tick of kind on the CPU running this. */
void kstat_tick(enum cpu_usage_stat kind);

#endif
