/* semaphore.c: the counting semaphores of semaphore.h, on a wait queue the
 * same way as mutex.c (every sleeper re-tries after its wake-up). The count
 * changes under the wait queue's own lock, irqsave, so that up() may run on
 * any CPU and in an interrupt handler, as Linux allows. */
#include "locking/semaphore.h"
#include "uapi/errno.h"

void sema_init(struct semaphore *sem, int val)
{
	sem->count = val;
	init_waitqueue_head(&sem->wait);
}

int down_trylock(struct semaphore *sem)
{
	unsigned long flags;
	spin_lock_irqsave(&sem->wait.lock, flags);
	int busy = sem->count <= 0;
	if (!busy)
		sem->count--;
	spin_unlock_irqrestore(&sem->wait.lock, flags);
	return busy;
}

void down(struct semaphore *sem)
{
	__wait_event(sem->wait, !down_trylock(sem), TASK_UNINTERRUPTIBLE, true, -1L, false);
}

int down_interruptible(struct semaphore *sem)
{
	if (__wait_event(sem->wait, !down_trylock(sem), TASK_INTERRUPTIBLE, true, -1L, true) > 0)
		return 0;
	if (sem->count > 0)
		wake_up(&sem->wait);
	return -EINTR;
}

void up(struct semaphore *sem)
{
	unsigned long flags;
	spin_lock_irqsave(&sem->wait.lock, flags);
	sem->count++;
	spin_unlock_irqrestore(&sem->wait.lock, flags);
	wake_up(&sem->wait);
}
