/* percpu.h: each CPU's own data (struct cpu), found through %fs. Every CPU's
 * GDT has a SEG_PERCPU descriptor whose base is its struct cpu, and the kernel
 * always runs with that selector in %fs (alltraps loads it, trapret restores
 * the user's), so `current` is one `mov %fs:4` with no lock and no table
 * lookup: the same instruction on every CPU reads that CPU's pointer. */
#ifndef X86_PERCPU_H
#define X86_PERCPU_H

#include <stdbool.h>
#include <stdint.h>
#include <stddef.h>

struct proc;
struct trapframe;

struct cpu {
	struct cpu *self;               /* offset 0: this_cpu() */
	struct proc *current_task;      /* offset 4: current */
	unsigned int id;                /* offset 8: smp_processor_id() */
	unsigned int apic_id;
	struct proc *idle;              /* what it runs with nothing runnable */
	struct proc *prev;              /* the process it just switched away from (sched.c) */
	struct proc *dead;              /* an exited process still on its stack: freed after the switch */
	const struct trapframe *irq_frame;      /* the frame of the interrupt in progress */
	uint32_t *loaded_pgdir;         /* what its CR3 holds (vm_switch): TLB shootdown's target test */
	volatile uint32_t tlb_flush_pending;    /* set by a shootdown's initiator, cleared here */
	volatile bool idling;           /* halted in the idle loop: a wake-up sends it an IPI */
	volatile bool started;          /* an AP says it came up */
	bool bkl_waiting;               /* waiting for the big kernel lock (locking/kernel_lock.c) */
};

extern struct cpu cpus[];

static inline struct cpu *this_cpu(void)
{
	struct cpu *c;
	__asm__ volatile("movl %%fs:0, %0" : "=r"(c));
	return c;
}

static inline struct proc *get_current(void)
{
	struct proc *p;
	__asm__ volatile("movl %%fs:4, %0" : "=r"(p));
	return p;
}

static inline void set_current(struct proc *p)
{
	__asm__ volatile("movl %0, %%fs:4" : : "r"(p) : "memory");
}

_Static_assert(offsetof(struct cpu, current_task) == 4, "current at %fs:4");
_Static_assert(offsetof(struct cpu, id) == 8, "id at %fs:8");

#endif
