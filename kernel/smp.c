/* smp.c: the CPU numbering of smp.h. On one CPU there is only the boot CPU. */
#include "smp.h"

unsigned int nr_cpu_ids = 1;
volatile cpumask_t cpu_online_mask = 1;

unsigned int smp_processor_id(void)
{
	return 0;
}

unsigned int cpu_apic_id(unsigned int cpu)
{
	return cpu;
}
