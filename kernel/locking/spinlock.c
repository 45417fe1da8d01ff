/* spinlock.c: the spinlocks of spinlock.h. On one CPU, finding the lock word
 * already set means a deadlock here (its holder cannot run until this CPU
 * gives it up), so it is reported, as Linux's spinlock debugging reports
 * "spinlock recursion"; on several it is waited for, doing the TLB
 * shootdowns asked of this CPU meanwhile (locking/raw_lock.h). */
#include "locking/spinlock.h"
#include "bug.h"
#include "locking/raw_lock.h"
#include "smp.h"
#include "x86/x86.h"

void spin_lock(spinlock_t *lock)
{
	if (__atomic_exchange_n(&lock->locked, 1, __ATOMIC_ACQUIRE)) {
		WARN(num_online_cpus() == 1, "spinlock recursion on %p\n", (void *)lock);
		while (__atomic_exchange_n(&lock->locked, 1, __ATOMIC_ACQUIRE))
			smp_spin_poll();
	}
}

int spin_trylock(spinlock_t *lock)
{
	return !__atomic_exchange_n(&lock->locked, 1, __ATOMIC_ACQUIRE);
}

void spin_unlock(spinlock_t *lock)
{
	WARN_ON_ONCE(!lock->locked);
	__atomic_store_n(&lock->locked, 0, __ATOMIC_RELEASE);
}

void spin_lock_irq(spinlock_t *lock)
{
	cli();
	spin_lock(lock);
}

void spin_unlock_irq(spinlock_t *lock)
{
	spin_unlock(lock);
	sti();
}

unsigned long _spin_lock_irqsave(spinlock_t *lock)
{
	unsigned long flags = irq_save();
	spin_lock(lock);
	return flags;
}

void spin_unlock_irqrestore(spinlock_t *lock, unsigned long flags)
{
	spin_unlock(lock);
	irq_restore((uint32_t)flags);
}
