/* smp.h: the CPUs this kernel runs on, as Linux's <linux/smp.h> and
 * <linux/cpumask.h> name them. CPUs are numbered 0 .. nr_cpu_ids-1 in the
 * order they were found (CPU 0 boots the others); a cpumask_t has one bit per
 * CPU, which is also the user ABI of sched_setaffinity (bit N = CPU N).
 *
 * Until the APs are started this describes the boot CPU only (x86/smpboot.c). */
#ifndef SMP_H
#define SMP_H

#include <stdbool.h>
#include <stdint.h>

#define NR_CPUS 8

typedef uint32_t cpumask_t;

/* CPUs found in the firmware tables (possible and present are the same here). */
extern unsigned int nr_cpu_ids;
/* The CPUs that finished bring-up and schedule processes. */
extern volatile cpumask_t cpu_online_mask;

/* The CPU this code runs on: struct cpu's id, at %fs:8 (x86/percpu.h). It
 * may change across a sleep or a reschedule. */
static inline unsigned int smp_processor_id(void)
{
	unsigned int id;
	__asm__ volatile("movl %%fs:8, %0" : "=r"(id));
	return id;
}
/* The local APIC id of a CPU, as /proc/cpuinfo's "apicid" shows it. */
unsigned int cpu_apic_id(unsigned int cpu);

static inline bool cpu_online(unsigned int cpu)
{
	return cpu < NR_CPUS && (cpu_online_mask >> cpu) & 1;
}

static inline unsigned int num_online_cpus(void)
{
	return (unsigned int)__builtin_popcount(cpu_online_mask);
}

static inline unsigned int num_possible_cpus(void)
{
	return nr_cpu_ids;
}

static inline cpumask_t cpu_possible_mask(void)
{
	return nr_cpu_ids >= 32 ? ~0u : (1u << nr_cpu_ids) - 1;
}

#endif
