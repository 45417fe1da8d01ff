/* kstat.c: the per-CPU tick counts of kstat.h. */
#include "kstat.h"

struct kernel_cpustat kernel_cpustat[NR_CPUS];

void kstat_tick(enum cpu_usage_stat kind)
{
	kernel_cpustat[smp_processor_id()].cpustat[kind]++;
}
