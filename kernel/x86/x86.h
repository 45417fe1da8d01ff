/* x86.h: inline wrappers for the i386 instructions the kernel needs (port I/O,
 * control registers, interrupt flag). */
#ifndef X86_H
#define X86_H

#include <stdint.h>

static inline uint8_t inb(uint16_t port)
{
	uint8_t v;
	__asm__ volatile("inb %1, %0" : "=a"(v) : "Nd"(port));
	return v;
}

static inline void outb(uint16_t port, uint8_t v)
{
	__asm__ volatile("outb %0, %1" : : "a"(v), "Nd"(port));
}

static inline void outw(uint16_t port, uint16_t v)
{
	__asm__ volatile("outw %0, %1" : : "a"(v), "Nd"(port));
}

static inline void cli(void) { __asm__ volatile("cli" ::: "memory"); }
static inline void sti(void) { __asm__ volatile("sti" ::: "memory"); }
static inline void hlt(void) { __asm__ volatile("hlt" ::: "memory"); }

static inline uint32_t read_eflags(void)
{
	uint32_t f;
	__asm__ volatile("pushfl; popl %0" : "=r"(f));
	return f;
}

/* EFLAGS bits (Intel SDM vol. 1, 3.4.3). */
#define EFLAGS_CF    0x0001
#define EFLAGS_FIXED 0x0002             /* reserved, always 1 */
#define EFLAGS_PF    0x0004
#define EFLAGS_AF    0x0010
#define EFLAGS_ZF    0x0040
#define EFLAGS_SF    0x0080
#define EFLAGS_TF    0x0100
#define EFLAGS_IF    0x0200             /* interrupts enabled */
#define EFLAGS_DF    0x0400             /* string instructions count down */
#define EFLAGS_OF    0x0800
#define EFLAGS_RF    0x10000            /* resume: no instruction breakpoint on the next one */
#define EFLAGS_VM    0x20000            /* virtual-8086 mode */

/* DR6 (Intel SDM vol. 3, 18.2.3): which breakpoint hit, or a single step. */
#define DR6_TRAP_BITS 0x000f
#define DR6_BS        0x4000

/* Interrupt-disabling critical sections that nest: the kernel runs on one CPU, so
 * masking interrupts is the whole of its locking. */
static inline uint32_t irq_save(void)
{
	uint32_t f = read_eflags();
	cli();
	return f;
}

static inline void irq_restore(uint32_t f)
{
	if (f & EFLAGS_IF)
		sti();
}

/* Control register bits (Intel SDM vol. 3, 2.5) and the CPUID leaf 1 EDX bits the kernel reads. */
#define CR0_MP         0x00000002       /* WAIT/FWAIT honour TS */
#define CR0_EM         0x00000004       /* FPU instructions trap (no FPU) */
#define CR0_NE         0x00000020       /* FPU errors as exception 16, not IRQ 13 */
#define CR4_PGE        0x00000080       /* global pages survive CR3 loads */
#define CR4_OSFXSR     0x00000200       /* the OS saves SSE state with fxsave */
#define CR4_OSXMMEXCPT 0x00000400       /* SSE errors as exception 19 */
#define CPUID_EDX_TSC  (1u << 4)
#define CPUID_EDX_FXSR (1u << 24)
#define CPUID_EDX_SSE  (1u << 25)

static inline uint32_t rcr0(void) { uint32_t v; __asm__ volatile("mov %%cr0, %0" : "=r"(v)); return v; }
static inline uint32_t rcr2(void) { uint32_t v; __asm__ volatile("mov %%cr2, %0" : "=r"(v)); return v; }
static inline uint32_t rcr3(void) { uint32_t v; __asm__ volatile("mov %%cr3, %0" : "=r"(v)); return v; }
static inline uint32_t rcr4(void) { uint32_t v; __asm__ volatile("mov %%cr4, %0" : "=r"(v)); return v; }
static inline void lcr0(uint32_t v) { __asm__ volatile("mov %0, %%cr0" : : "r"(v) : "memory"); }
static inline void lcr3(uint32_t v) { __asm__ volatile("mov %0, %%cr3" : : "r"(v) : "memory"); }
static inline void lcr4(uint32_t v) { __asm__ volatile("mov %0, %%cr4" : : "r"(v) : "memory"); }
static inline void invlpg(uint32_t va) { __asm__ volatile("invlpg (%0)" : : "r"(va) : "memory"); }

static inline uint64_t rdtsc(void)
{
	uint32_t lo, hi;
	__asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
	return ((uint64_t)hi << 32) | lo;
}

#endif
