/* rwlock.c: the reader-writer spinlocks of rwlock.h. A reader adds itself
 * to the count while no writer holds the word; a writer swaps a free word
 * (0) for RW_WRITER. A steady stream of readers can keep a writer waiting,
 * as in Linux's old (pre-queued) rwlocks: readers never wait for a waiting
 * writer, which is what lets them nest. */
#include "locking/rwlock.h"
#include "bug.h"
#include "locking/barrier.h"
#include "locking/preempt.h"
#include "x86/x86.h"

static bool arch_read_trylock(arch_rwlock_t *rw)
{
	int c = __atomic_load_n(&rw->cnt, __ATOMIC_RELAXED);
	while (c >= 0)
		if (__atomic_compare_exchange_n(&rw->cnt, &c, c + 1, false, __ATOMIC_ACQUIRE,
						__ATOMIC_RELAXED))
			return true;
	return false;
}

static bool arch_write_trylock(arch_rwlock_t *rw)
{
	int free = 0;
	return __atomic_compare_exchange_n(&rw->cnt, &free, RW_WRITER, false, __ATOMIC_ACQUIRE,
					   __ATOMIC_RELAXED);
}

void __rwlock_init(rwlock_t *lock, const char *name, struct lock_class_key *key)
{
	lock->raw_lock.cnt = 0;
	lockdep_init_map_kind(&lock->dep_map, name, key, LD_RWLOCK);
}

static void do_read_lock(rwlock_t *lock, unsigned long ip)
{
	preempt_disable();
	lock_acquire(&lock->dep_map, true, false, ip);
	while (!arch_read_trylock(&lock->raw_lock))
		cpu_relax();
}

static void do_write_lock(rwlock_t *lock, unsigned long ip)
{
	preempt_disable();
	lock_acquire(&lock->dep_map, false, false, ip);
	while (!arch_write_trylock(&lock->raw_lock))
		cpu_relax();
}

static void do_read_unlock(rwlock_t *lock, unsigned long ip)
{
	WARN_ON_ONCE(lock->raw_lock.cnt <= 0);
	lock_release(&lock->dep_map, ip);
	__atomic_sub_fetch(&lock->raw_lock.cnt, 1, __ATOMIC_RELEASE);
	preempt_enable();
}

static void do_write_unlock(rwlock_t *lock, unsigned long ip)
{
	WARN_ON_ONCE(lock->raw_lock.cnt != RW_WRITER);
	lock_release(&lock->dep_map, ip);
	__atomic_store_n(&lock->raw_lock.cnt, 0, __ATOMIC_RELEASE);
	preempt_enable();
}

void read_lock(rwlock_t *lock)
{
	do_read_lock(lock, _RET_IP_);
}

void read_unlock(rwlock_t *lock)
{
	do_read_unlock(lock, _RET_IP_);
}

void write_lock(rwlock_t *lock)
{
	do_write_lock(lock, _RET_IP_);
}

void write_unlock(rwlock_t *lock)
{
	do_write_unlock(lock, _RET_IP_);
}

int read_trylock(rwlock_t *lock)
{
	preempt_disable();
	if (arch_read_trylock(&lock->raw_lock)) {
		lock_acquire(&lock->dep_map, true, true, _RET_IP_);
		return 1;
	}
	preempt_enable();
	return 0;
}

int write_trylock(rwlock_t *lock)
{
	preempt_disable();
	if (arch_write_trylock(&lock->raw_lock)) {
		lock_acquire(&lock->dep_map, false, true, _RET_IP_);
		return 1;
	}
	preempt_enable();
	return 0;
}

void read_lock_irq(rwlock_t *lock)
{
	cli();
	do_read_lock(lock, _RET_IP_);
}

void read_unlock_irq(rwlock_t *lock)
{
	do_read_unlock(lock, _RET_IP_);
	sti();
}

void write_lock_irq(rwlock_t *lock)
{
	cli();
	do_write_lock(lock, _RET_IP_);
}

void write_unlock_irq(rwlock_t *lock)
{
	do_write_unlock(lock, _RET_IP_);
	sti();
}

unsigned long _read_lock_irqsave(rwlock_t *lock)
{
	unsigned long flags = irq_save();
	do_read_lock(lock, _RET_IP_);
	return flags;
}

unsigned long _write_lock_irqsave(rwlock_t *lock)
{
	unsigned long flags = irq_save();
	do_write_lock(lock, _RET_IP_);
	return flags;
}

void read_unlock_irqrestore(rwlock_t *lock, unsigned long flags)
{
	do_read_unlock(lock, _RET_IP_);
	irq_restore((uint32_t)flags);
}

void write_unlock_irqrestore(rwlock_t *lock, unsigned long flags)
{
	do_write_unlock(lock, _RET_IP_);
	irq_restore((uint32_t)flags);
}
