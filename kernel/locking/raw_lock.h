/* raw_lock.h: the bare spinning lock under the scheduler's run queue and the
 * big kernel lock: no validation and no interrupt handling of its own (its
 * callers turn interrupts off first), and a spin that keeps answering TLB
 * shootdowns (smp_spin_poll), since the holder may be waiting for this CPU's
 * answer to one while this CPU waits for the lock with interrupts off. */
#ifndef LOCKING_RAW_LOCK_H
#define LOCKING_RAW_LOCK_H

#include <stdbool.h>
#include <stdint.h>

struct raw_lock {
	volatile uint32_t locked;
};

#define RAW_LOCK_UNLOCKED { 0 }

/* x86/tlb.c: a TLB shootdown asked of this CPU, done while it waits. */
void smp_spin_poll(void);

static inline void raw_lock(struct raw_lock *l)
{
	while (__atomic_exchange_n(&l->locked, 1, __ATOMIC_ACQUIRE))
		while (__atomic_load_n(&l->locked, __ATOMIC_RELAXED))
			smp_spin_poll();
}

static inline bool raw_trylock(struct raw_lock *l)
{
	return !__atomic_exchange_n(&l->locked, 1, __ATOMIC_ACQUIRE);
}

static inline void raw_unlock(struct raw_lock *l)
{
	__atomic_store_n(&l->locked, 0, __ATOMIC_RELEASE);
}

#endif
