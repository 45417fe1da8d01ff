/* smp.c: the CPU numbering of smp.h and each CPU's struct cpu
 * (x86/percpu.h). x86/smpboot.c fills them in as it finds and starts CPUs;
 * until then (and on a machine with one CPU) there is only CPU 0. */
#include "smp.h"
#include "x86/percpu.h"

unsigned int nr_cpu_ids = 1;
volatile cpumask_t cpu_online_mask = 1;
struct cpu cpus[NR_CPUS];

unsigned int cpu_apic_id(unsigned int cpu)
{
	return cpu < nr_cpu_ids ? cpus[cpu].apic_id : 0;
}
