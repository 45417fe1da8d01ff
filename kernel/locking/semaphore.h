/* semaphore.h: Linux's counting semaphore: down takes one of count units,
 * sleeping on the semaphore's wait queue while there are none; up gives one
 * back and wakes one sleeper. */
#ifndef LOCKING_SEMAPHORE_H
#define LOCKING_SEMAPHORE_H

#include "waitqueue.h"

struct semaphore {
	int count;
	struct wait_queue_head wait;
};

#define __SEMAPHORE_INITIALIZER(name, n) { .count = (n), .wait = __WAIT_QUEUE_HEAD_INITIALIZER(name.wait) }
/* Linux 6.1's DEFINE_SEMAPHORE: a binary semaphore, initially free. */
#define DEFINE_SEMAPHORE(name) struct semaphore name = __SEMAPHORE_INITIALIZER(name, 1)

void sema_init(struct semaphore *sem, int val);
void down(struct semaphore *sem);
/* 0, or -EINTR when a signal came first. */
int down_interruptible(struct semaphore *sem);
/* 0 when it took a unit, 1 when there was none (Linux's inverted sense). */
int down_trylock(struct semaphore *sem);
void up(struct semaphore *sem);

#endif
