/* kernel_lock.c: the big kernel lock, the first step of SMP as Linux 2.0 took
 * it: one lock that every entry into the kernel (system call, exception,
 * interrupt: x86/trap.c) takes and the way back out releases, so that the
 * kernel code written for one CPU (interrupts off as its only exclusion) still
 * runs on one CPU at a time, while user code runs on all of them. It is
 * recursive per process (proc->lock_depth: -1 not held, else the nesting
 * depth), and a process that sleeps gives it up: schedule() releases it while
 * the holder is switched out and takes it back before the holder runs again
 * (release_kernel_lock/reacquire_kernel_lock), so one CPU waiting in the
 * kernel lets the others in. What runs without it: the scheduler (its own
 * run-queue lock), the TLB shootdown and stop IPIs, and the driver entry
 * points the device switch calls unlocked (docs/smp.md lists them).
 *
 * Interrupts are off whenever the lock word and lock_depth disagree (between
 * taking the word and setting the depth, and in schedule()'s window), so an
 * interrupt handler, which calls lock_kernel() on the process it interrupted,
 * never mistakes a lock being taken or released for one it holds.
 *
 * A CPU waiting for it keeps interrupts on where the code it came from had
 * them on (an entry from user mode or the idle loop, a sleeper coming back):
 * an interrupt taken meanwhile waits for the lock itself, with interrupts
 * off (one level: struct cpu's bkl_waiting), and is done before the outer
 * wait goes on. Waiting with interrupts off while they pile up is what
 * starved the holder under QEMU's multi-threaded TCG: each pending, masked
 * interrupt makes the waiting vCPU take QEMU's global lock again and again,
 * and the holder's next device access (an IPI, a port) waits behind it. */
#include "kernel.h"
#include "locking/kernel_lock.h"
#include "locking/raw_lock.h"
#include "proc.h"
#include "x86/percpu.h"
#include "x86/x86.h"

struct raw_lock kernel_flag = RAW_LOCK_UNLOCKED;

void lock_kernel(void)
{
	struct proc *p = current;
	if (p->lock_depth >= 0) {
		p->lock_depth++;
		return;
	}
	uint32_t f = irq_save();
	raw_lock(&kernel_flag);
	p->lock_depth = 0;
	irq_restore(f);
}

void unlock_kernel(void)
{
	struct proc *p = current;
	if (p->lock_depth > 0) {
		p->lock_depth--;
		return;
	}
	uint32_t f = irq_save();
	p->lock_depth = -1;
	raw_unlock(&kernel_flag);
	irq_restore(f);
}

bool kernel_locked(void)
{
	return current->lock_depth >= 0;
}

int kernel_lock_drop(void)
{
	struct proc *p = current;
	int depth = p->lock_depth;
	if (depth >= 0) {
		uint32_t f = irq_save();
		p->lock_depth = -1;
		raw_unlock(&kernel_flag);
		irq_restore(f);
	}
	return depth;
}

void kernel_lock_restore(int depth)
{
	if (depth < 0)
		return;
	uint32_t f = irq_save();
	raw_lock(&kernel_flag);
	current->lock_depth = depth;
	irq_restore(f);
}

void kernel_lock_wait(bool irqs_ok)
{
	struct cpu *c = this_cpu();
	bool outer = !c->bkl_waiting;
	irqs_ok = irqs_ok && outer;
	c->bkl_waiting = true;
	do {
		if (irqs_ok)
			sti();
		while (__atomic_load_n(&kernel_flag.locked, __ATOMIC_RELAXED))
			smp_spin_poll();
		cli();
	} while (!raw_trylock(&kernel_flag));
	if (outer)
		c->bkl_waiting = false;
}

void release_kernel_lock(void)
{
	if (current->lock_depth >= 0)
		raw_unlock(&kernel_flag);
}

void reacquire_kernel_lock(bool irqs_ok)
{
	struct proc *p = current;
	int depth = p->lock_depth;
	if (depth < 0 || raw_trylock(&kernel_flag))
		return;
	p->lock_depth = -1;                 /* an interrupt meanwhile takes it for itself */
	kernel_lock_wait(irqs_ok);
	p->lock_depth = depth;
}
