/* mutex.c: the sleeping locks of mutex.h. A sleeper re-tries the lock after
 * every wake-up (wait_event's condition), so an unlock that races with a
 * newcomer only sends the loser back to sleep; a sleeper interrupted by a
 * signal passes on a wake-up it may have consumed. The validator hears of
 * an acquisition before the wait, so that a deadlock is reported, not slept
 * in. */
#include "locking/mutex.h"
#include "bug.h"
#include "locking/might_sleep.h"
#include "proc.h"
#include "uapi/errno.h"

void __mutex_init(struct mutex *lock, const char *name, struct lock_class_key *key)
{
	lock->owner = NULL;
	init_waitqueue_head(&lock->wait);
	lockdep_init_map_kind(&lock->dep_map, name, key, LD_SLEEP);
}

static bool mutex_take(struct mutex *lock)
{
	struct proc *none = NULL;
	return __atomic_compare_exchange_n(&lock->owner, &none, current, false, __ATOMIC_ACQUIRE,
					   __ATOMIC_RELAXED);
}

int mutex_trylock(struct mutex *lock)
{
	if (!mutex_take(lock))
		return 0;
	lock_acquire(&lock->dep_map, false, true, _RET_IP_);
	return 1;
}

void mutex_lock(struct mutex *lock)
{
	might_sleep();
	lock_acquire(&lock->dep_map, false, false, _RET_IP_);
	WARN_ON_ONCE(lock->owner == current);
	__wait_event(lock->wait, mutex_take(lock), TASK_UNINTERRUPTIBLE, true, -1L, false);
}

int mutex_lock_interruptible(struct mutex *lock)
{
	might_sleep();
	lock_acquire(&lock->dep_map, false, false, _RET_IP_);
	WARN_ON_ONCE(lock->owner == current);
	if (__wait_event(lock->wait, mutex_take(lock), TASK_INTERRUPTIBLE, true, -1L, true) > 0)
		return 0;
	lock_release(&lock->dep_map, _RET_IP_);
	if (!lock->owner)
		wake_up(&lock->wait);
	return -EINTR;
}

void mutex_unlock(struct mutex *lock)
{
	WARN_ON_ONCE(lock->owner != current);
	lock_release(&lock->dep_map, _RET_IP_);
	__atomic_store_n(&lock->owner, NULL, __ATOMIC_RELEASE);
	wake_up(&lock->wait);
}

bool mutex_is_locked(struct mutex *lock)
{
	return __atomic_load_n(&lock->owner, __ATOMIC_RELAXED) != NULL;
}
