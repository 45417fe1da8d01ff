/* apic.h: the local APIC of each CPU: its timer, inter-processor interrupts,
 * end of interrupt. Only used with more than one CPU (x86/smpboot.c). */
#ifndef X86_APIC_H
#define X86_APIC_H

#include <stdbool.h>
#include <stdint.h>

/* Vectors above every IRQ and exception, as Linux puts its own there. */
#define T_LAPIC_TIMER 0xf0
#define T_IPI_RESCHED 0xf1      /* a process was queued for this CPU: schedule */
#define T_IPI_TLB     0xf2      /* flush the TLB (x86/tlb.c) */
#define T_SPURIOUS    0xff
#define T_NMI         2         /* the stop IPI: panic on another CPU */

extern bool lapic_enabled;

/* Maps the registers (physical address from the firmware tables). */
void lapic_map(uint32_t pa);
/* Enables this CPU's local APIC; bsp: the 8259's interrupts come through
 * LINT0 (virtual wire), else they are masked. */
void lapic_init(bool bsp);
/* This CPU's APIC timer ticks at HZ (after lapic_calibrate). */
void lapic_timer_start(void);
/* Measures the APIC timer against the PIT's ticks: once, on the boot CPU. */
void lapic_calibrate(void);
unsigned int lapic_id(void);
void lapic_eoi(void);
void lapic_send_ipi(unsigned int apic_id, unsigned int vector);
/* INIT, then the startup IPI twice with the real-mode entry page given. */
void lapic_start_ap(unsigned int apic_id, uint32_t entry_pa);
/* An NMI to every CPU but this one. */
void lapic_nmi_others(void);

#endif
