/* semaphore.h: Linux's counting semaphore: down takes one of count units,
 * sleeping on the semaphore's wait queue while there are none; up gives one
 * back and wakes one sleeper, and may be called from an interrupt handler.
 * As in Linux, the validator does not order semaphores (they have no
 * owner: one task may down and another up). */
#ifndef LOCKING_SEMAPHORE_H
#define LOCKING_SEMAPHORE_H

#include "locking/spinlock.h"
#include "waitqueue.h"

struct semaphore {
	int count;
	arch_spinlock_t lock;           /* count's, with interrupts off */
	struct wait_queue_head wait;
};

#define __SEMAPHORE_INITIALIZER(name, n) \
	{ .count = (n), .lock = __ARCH_SPIN_LOCK_UNLOCKED, .wait = __WAIT_QUEUE_HEAD_INITIALIZER(name.wait) }
/* Linux 6.1's DEFINE_SEMAPHORE: a binary semaphore, initially free. */
#define DEFINE_SEMAPHORE(name) struct semaphore name = __SEMAPHORE_INITIALIZER(name, 1)

void sema_init(struct semaphore *sem, int val);
void down(struct semaphore *sem);
/* 0, or -EINTR when a signal came first. */
int down_interruptible(struct semaphore *sem);
/* 0, or -ETIME when `ticks` passed first, as Linux. */
int down_timeout(struct semaphore *sem, long ticks);
/* 0 when it took a unit, 1 when there was none (Linux's inverted sense). */
int down_trylock(struct semaphore *sem);
void up(struct semaphore *sem);

#endif
