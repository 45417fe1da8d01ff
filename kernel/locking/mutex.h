/* mutex.h: Linux's struct mutex: one owner at a time; the others sleep on
 * the mutex's wait queue (exclusively: an unlock wakes one of them). Process
 * context only, as in Linux. The validator orders mutexes with the
 * spinning locks (a mutex may be held while sleeping, a spinlock not). */
#ifndef LOCKING_MUTEX_H
#define LOCKING_MUTEX_H

#include <stdbool.h>
#include "locking/lockdep.h"
#include "waitqueue.h"

struct mutex {
	struct proc *owner;             /* NULL when unlocked */
	struct wait_queue_head wait;
	struct lockdep_map dep_map;
};

#define __MUTEX_INITIALIZER(name) \
	{ .owner = NULL, .wait = __WAIT_QUEUE_HEAD_INITIALIZER(name.wait), __DEP_MAP_INIT(#name, NULL, LD_SLEEP) }
#define DEFINE_MUTEX(name) struct mutex name = __MUTEX_INITIALIZER(name)

void __mutex_init(struct mutex *lock, const char *name, struct lock_class_key *key);
#define mutex_init(lock) __lock_init_with_key(__mutex_init, lock)
void mutex_lock(struct mutex *lock);
/* 0 with the mutex held, or -EINTR when a signal came first. */
int mutex_lock_interruptible(struct mutex *lock);
/* 1 when it took the mutex, 0 when it is held, as Linux. */
int mutex_trylock(struct mutex *lock);
void mutex_unlock(struct mutex *lock);
bool mutex_is_locked(struct mutex *lock);

#endif
