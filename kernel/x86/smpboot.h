/* smpboot.h: finding and starting the other CPUs, and the IPIs between them. */
#ifndef X86_SMPBOOT_H
#define X86_SMPBOOT_H

/* The boot CPU's own per-CPU state: first thing in kmain. */
void smp_prepare_boot_cpu(void);
/* Finds the CPUs (ACPI MADT): nr_cpu_ids, before the initcalls. */
void smp_detect(void);
/* Starts the others; with interrupts on. */
void smp_init(void);
/* Asks cpu to look at its run queue (an idle CPU wakes, a busy one
 * reschedules on its way back to user mode). */
void smp_send_reschedule(unsigned int cpu);
/* panic: every other CPU stops where it is (an NMI). */
void smp_send_stop(void);
/* The NMI of smp_send_stop: true if this CPU must stop. */
bool smp_stop_requested(void);

#endif
