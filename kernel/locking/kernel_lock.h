/* kernel_lock.h: the big kernel lock (Linux 2.0-2.4's lock_kernel), see
 * kernel_lock.c and docs/smp.md. */
#ifndef LOCKING_KERNEL_LOCK_H
#define LOCKING_KERNEL_LOCK_H

#include <stdbool.h>
#include "locking/raw_lock.h"
#include "proc.h"

void lock_kernel(void);
void unlock_kernel(void);
/* Whether the current process holds it. */
bool kernel_locked(void);
/* The scheduler's halves: the lock is let go while a holder is switched out
 * (its depth kept) and taken back when it runs again. Interrupts off;
 * irqs_ok: they may be on while it waits (the caller had them on). */
void release_kernel_lock(void);
void reacquire_kernel_lock(bool irqs_ok);
/* The wait of a contended lock_kernel_trap, out of line. */
void kernel_lock_wait(bool irqs_ok);

/* The device switch calls a driver's file operations (those of a module:
 * f_op->owner set) with the big kernel lock dropped, all of its depth, as
 * Linux's unlocked_ioctl: driver code runs in parallel on several CPUs and
 * must lock for itself; every kernel service it may call (docs/smp.md) is
 * safe without the BKL. kernel_lock_drop returns what kernel_lock_restore
 * takes back (-1: nothing was held). */
int kernel_lock_drop(void);
void kernel_lock_restore(int depth);
#define call_unlocked(f, expr) ({                                               \
	__typeof__(expr) __r;                                                   \
	if ((f)->f_op->owner) {                                                 \
		int __depth = kernel_lock_drop();                               \
		__r = (expr);                                                   \
		kernel_lock_restore(__depth);                                   \
	} else {                                                                \
		__r = (expr);                                                   \
	}                                                                       \
	__r;                                                                    \
})

/* The word itself, for the inline trap-entry forms below. */
extern struct raw_lock kernel_flag;

/* x86/trap.c's: entry with interrupts off (every gate is an interrupt
 * gate), exit turning them off (the iret restores the frame's). The same as
 * lock_kernel/unlock_kernel without their irq_save: a system call's way
 * through the kernel pays a few instructions for the lock. irqs_ok: the
 * interrupted code had interrupts on, so the wait may have them on too. */
static inline void lock_kernel_trap(struct proc *p, bool irqs_ok)
{
	if (p->lock_depth >= 0) {
		p->lock_depth++;
		return;
	}
	if (!raw_trylock(&kernel_flag))
		kernel_lock_wait(irqs_ok);
	p->lock_depth = 0;
}

static inline void unlock_kernel_trap(struct proc *p)
{
	__asm__ volatile("cli" ::: "memory");
	if (p->lock_depth-- == 0)
		raw_unlock(&kernel_flag);
}

#endif
