/* semaphore.c: the counting semaphores of semaphore.h, on a wait queue the
 * same way as mutex.c (every sleeper re-tries after its wake-up; one that
 * gives up while a unit is free passes its wake-up on). The count changes
 * under the semaphore's lock word with interrupts off, so that up() may run
 * in an interrupt handler as Linux allows. */
#include "locking/semaphore.h"
#include "locking/might_sleep.h"
#include "uapi/errno.h"
#include "x86/x86.h"

void sema_init(struct semaphore *sem, int val)
{
	sem->count = val;
	sem->lock = (arch_spinlock_t)__ARCH_SPIN_LOCK_UNLOCKED;
	init_waitqueue_head(&sem->wait);
}

int down_trylock(struct semaphore *sem)
{
	uint32_t flags = irq_save();
	arch_spin_lock(&sem->lock);
	int busy = sem->count <= 0;
	if (!busy)
		sem->count--;
	arch_spin_unlock(&sem->lock);
	irq_restore(flags);
	return busy;
}

/* The wait's result: > 0 took a unit, 0 timed out, < 0 a signal. */
static long down_common(struct semaphore *sem, int state, long ticks, bool intr)
{
	might_sleep();
	long r = __wait_event(sem->wait, !down_trylock(sem), state, true, ticks, intr);
	if (r <= 0 && __atomic_load_n(&sem->count, __ATOMIC_RELAXED) > 0)
		wake_up(&sem->wait);
	return r;
}

void down(struct semaphore *sem)
{
	down_common(sem, TASK_UNINTERRUPTIBLE, -1L, false);
}

int down_interruptible(struct semaphore *sem)
{
	return down_common(sem, TASK_INTERRUPTIBLE, -1L, true) > 0 ? 0 : -EINTR;
}

int down_timeout(struct semaphore *sem, long ticks)
{
	return down_common(sem, TASK_UNINTERRUPTIBLE, ticks < 0 ? 0 : ticks, false) > 0 ? 0 : -ETIME;
}

void up(struct semaphore *sem)
{
	uint32_t flags = irq_save();
	arch_spin_lock(&sem->lock);
	sem->count++;
	arch_spin_unlock(&sem->lock);
	irq_restore(flags);
	wake_up(&sem->wait);
}
