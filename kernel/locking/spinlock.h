/* spinlock.h: Linux's spinlock_t. A lock word taken with an atomic
 * exchange (arch_spin_lock in spinlock.c: the only part that knows how a
 * CPU waits), the validator's map (lockdep_types.h), and the forms that
 * also keep interrupt handlers out (_irq, _irqsave). Holding one raises the
 * task's preempt_count, as Linux's spin_lock disables preemption, so that
 * in_atomic() and the sleeping check see it. There are no softirqs, so _bh
 * is the plain form. */
#ifndef LOCKING_SPINLOCK_H
#define LOCKING_SPINLOCK_H

#include <stdbool.h>
#include <stdint.h>
#include "locking/lockdep.h"

/* The bare lock word: what the lock implementations themselves use
 * internally (completion, semaphore, rwlock), never seen by the validator. */
typedef struct {
	volatile unsigned int locked;
} arch_spinlock_t;

#define __ARCH_SPIN_LOCK_UNLOCKED { 0 }

void arch_spin_lock(arch_spinlock_t *lock);
static inline bool arch_spin_trylock(arch_spinlock_t *lock)
{
	return !__atomic_exchange_n(&lock->locked, 1, __ATOMIC_ACQUIRE);
}
static inline void arch_spin_unlock(arch_spinlock_t *lock)
{
	__atomic_store_n(&lock->locked, 0, __ATOMIC_RELEASE);
}

typedef struct spinlock {
	arch_spinlock_t raw_lock;
	struct lockdep_map dep_map;
} spinlock_t;

/* A DEFINE_SPINLOCK lock is its own class, named as the code names it. */
#define __SPIN_LOCK_UNLOCKED(name) \
	((spinlock_t){ .raw_lock = __ARCH_SPIN_LOCK_UNLOCKED, __DEP_MAP_INIT(#name, NULL, LD_SPIN) })
#define DEFINE_SPINLOCK(name) spinlock_t name = __SPIN_LOCK_UNLOCKED(name)

void __spin_lock_init(spinlock_t *lock, const char *name, struct lock_class_key *key);
/* Every lock initialised at one spin_lock_init is one class, as in Linux. */
#define spin_lock_init(lock) __lock_init_with_key(__spin_lock_init, lock)

static inline bool spin_is_locked(spinlock_t *lock)
{
	return __atomic_load_n(&lock->raw_lock.locked, __ATOMIC_RELAXED) != 0;
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
