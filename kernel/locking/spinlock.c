/* spinlock.c: the spinlocks of spinlock.h. arch_spin_lock is the lock word
 * alone; the spin_* forms around it add the task's preempt_count, the
 * interrupt flag and the validator's hooks (a no-op without CONFIG_LOCKDEP),
 * which run before the lock word is taken, so that a deadlock is reported
 * rather than spun in. On one CPU, finding the word already set means a
 * deadlock (its holder cannot run until this CPU gives it up), so it is
 * reported, as Linux's spinlock debugging reports "spinlock recursion"; on
 * several it is waited for, doing the TLB shootdowns asked of this CPU
 * meanwhile (locking/raw_lock.h). */
#include "locking/spinlock.h"
#include "bug.h"
#include "locking/preempt.h"
#include "locking/raw_lock.h"
#include "smp.h"
#include "x86/x86.h"

void arch_spin_lock(arch_spinlock_t *lock)
{
	if (__atomic_exchange_n(&lock->locked, 1, __ATOMIC_ACQUIRE)) {
		WARN(num_online_cpus() == 1, "spinlock recursion on %p\n", (void *)lock);
		while (__atomic_exchange_n(&lock->locked, 1, __ATOMIC_ACQUIRE))
			smp_spin_poll();
	}
}

void __spin_lock_init(spinlock_t *lock, const char *name, struct lock_class_key *key)
{
	lock->raw_lock.locked = 0;
	lockdep_init_map_kind(&lock->dep_map, name, key, LD_SPIN);
}

static inline void do_spin_lock(spinlock_t *lock, unsigned long ip)
{
	preempt_disable();
	lock_acquire(&lock->dep_map, false, false, ip);
	arch_spin_lock(&lock->raw_lock);
}

void spin_lock(spinlock_t *lock)
{
	do_spin_lock(lock, _RET_IP_);
}

int spin_trylock(spinlock_t *lock)
{
	preempt_disable();
	if (arch_spin_trylock(&lock->raw_lock)) {
		lock_acquire(&lock->dep_map, false, true, _RET_IP_);
		return 1;
	}
	preempt_enable();
	return 0;
}

static inline void do_spin_unlock(spinlock_t *lock, unsigned long ip)
{
	WARN_ON_ONCE(!lock->raw_lock.locked);
	lock_release(&lock->dep_map, ip);
	arch_spin_unlock(&lock->raw_lock);
	preempt_enable();
}

void spin_unlock(spinlock_t *lock)
{
	do_spin_unlock(lock, _RET_IP_);
}

void spin_lock_irq(spinlock_t *lock)
{
	cli();
	do_spin_lock(lock, _RET_IP_);
}

void spin_unlock_irq(spinlock_t *lock)
{
	do_spin_unlock(lock, _RET_IP_);
	sti();
}

unsigned long _spin_lock_irqsave(spinlock_t *lock)
{
	unsigned long flags = irq_save();
	do_spin_lock(lock, _RET_IP_);
	return flags;
}

void spin_unlock_irqrestore(spinlock_t *lock, unsigned long flags)
{
	do_spin_unlock(lock, _RET_IP_);
	irq_restore((uint32_t)flags);
}
