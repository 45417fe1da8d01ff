/* spinlock.h: Linux's spinlock_t. The kernel runs on one CPU and is not
 * preempted, so a lock only has to keep interrupt handlers out (the _irq and
 * _irqsave forms turn interrupts off) and keep its lock word: the word is
 * taken with an atomic exchange, so that an SMP kernel only has to add the
 * spinning (spinlock.c), and a lock taken twice is reported. There are no
 * softirqs, so _bh is the plain form. */
#ifndef LOCKING_SPINLOCK_H
#define LOCKING_SPINLOCK_H

#include <stdbool.h>
#include <stdint.h>

typedef struct spinlock {
	volatile unsigned int locked;
} spinlock_t;

#define __SPIN_LOCK_UNLOCKED(name) ((spinlock_t){ .locked = 0 })
#define DEFINE_SPINLOCK(name) spinlock_t name = __SPIN_LOCK_UNLOCKED(name)

static inline void spin_lock_init(spinlock_t *lock)
{
	lock->locked = 0;
}

static inline bool spin_is_locked(spinlock_t *lock)
{
	return __atomic_load_n(&lock->locked, __ATOMIC_RELAXED) != 0;
}

void spin_lock(spinlock_t *lock);
/* 1 when it took the lock, 0 when it was held, as Linux. */
int spin_trylock(spinlock_t *lock);
void spin_unlock(spinlock_t *lock);
void spin_lock_irq(spinlock_t *lock);
void spin_unlock_irq(spinlock_t *lock);
unsigned long _spin_lock_irqsave(spinlock_t *lock);
void spin_unlock_irqrestore(spinlock_t *lock, unsigned long flags);

/* flags is an lvalue, as in Linux. */
#define spin_lock_irqsave(lock, flags) ((flags) = _spin_lock_irqsave(lock))
#define spin_lock_bh(lock) spin_lock(lock)
#define spin_unlock_bh(lock) spin_unlock(lock)

#endif
