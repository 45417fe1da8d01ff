/* rwlock.h: Linux's rwlock_t: a spinning lock that any number of readers
 * hold together, or one writer alone. The lock word counts the readers,
 * or is RW_WRITER while a writer holds it (rwlock.c changes it with atomic
 * compare-exchanges, so it is right on SMP). Readers may nest (a reader may
 * read_lock again, even from an interrupt handler while another reader
 * holds it), as in Linux; writers may not. Like spinlock_t, holding it
 * counts in preempt_count, and the _irq/_irqsave forms keep interrupt
 * handlers out; _bh is the plain form. */
#ifndef LOCKING_RWLOCK_H
#define LOCKING_RWLOCK_H

#include "locking/spinlock.h"

#define RW_WRITER ((int)0x80000000)

typedef struct {
	volatile int cnt;               /* readers, or RW_WRITER */
} arch_rwlock_t;

typedef struct {
	arch_rwlock_t raw_lock;
	struct lockdep_map dep_map;
} rwlock_t;

#define __RW_LOCK_UNLOCKED(name) \
	((rwlock_t){ .raw_lock = { 0 }, __DEP_MAP_INIT(#name, NULL, LD_RWLOCK) })
#define DEFINE_RWLOCK(name) rwlock_t name = __RW_LOCK_UNLOCKED(name)

void __rwlock_init(rwlock_t *lock, const char *name, struct lock_class_key *key);
#define rwlock_init(lock) __lock_init_with_key(__rwlock_init, lock)

void read_lock(rwlock_t *lock);
void read_unlock(rwlock_t *lock);
void write_lock(rwlock_t *lock);
void write_unlock(rwlock_t *lock);
/* 1 when it took the lock, 0 when it would have had to wait. */
int read_trylock(rwlock_t *lock);
int write_trylock(rwlock_t *lock);
void read_lock_irq(rwlock_t *lock);
void read_unlock_irq(rwlock_t *lock);
void write_lock_irq(rwlock_t *lock);
void write_unlock_irq(rwlock_t *lock);
unsigned long _read_lock_irqsave(rwlock_t *lock);
unsigned long _write_lock_irqsave(rwlock_t *lock);
void read_unlock_irqrestore(rwlock_t *lock, unsigned long flags);
void write_unlock_irqrestore(rwlock_t *lock, unsigned long flags);

#define read_lock_irqsave(lock, flags)  ((flags) = _read_lock_irqsave(lock))
#define write_lock_irqsave(lock, flags) ((flags) = _write_lock_irqsave(lock))
#define read_lock_bh(lock)    read_lock(lock)
#define read_unlock_bh(lock)  read_unlock(lock)
#define write_lock_bh(lock)   write_lock(lock)
#define write_unlock_bh(lock) write_unlock(lock)

#endif
