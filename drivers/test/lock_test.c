/* lock_test.c: /dev/lock_test, a misc device through which user tests drive
 * the kernel's mutex, semaphore, atomic_t and spinlocks (uapi/lock_test.h).
 * Written against Linux's driver API only, so tools/linux-test runs the same
 * test on Linux. */
#include <linux/atomic.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/semaphore.h>
#include <linux/spinlock.h>
#include <linux/wait.h>
#include "uapi/lock_test.h"

static DEFINE_MUTEX(test_mutex);
static struct semaphore test_sem;
static DECLARE_WAIT_QUEUE_HEAD(release_wq);
static int generation;
static atomic_t inside = ATOMIC_INIT(0);
static int max_inside;

static long hold(int seen)
{
	if (mutex_lock_interruptible(&test_mutex))
		return -EINTR;
	int now = atomic_inc_return(&inside);
	if (now > max_inside)
		max_inside = now;
	int err = wait_event_interruptible(release_wq, generation != seen);
	atomic_dec(&inside);
	mutex_unlock(&test_mutex);
	return err ? -EINTR : 0;
}

static long release(void)
{
	generation = (generation + 1) & 0x7fffffff;
	wake_up_all(&release_wq);
	return generation;
}

static long trylock(void)
{
	int taken = mutex_trylock(&test_mutex);
	if (taken)
		mutex_unlock(&test_mutex);
	return taken;
}

static long lock_unlock(void)
{
	if (mutex_lock_interruptible(&test_mutex))
		return -EINTR;
	mutex_unlock(&test_mutex);
	return 0;
}

static DEFINE_SPINLOCK(test_lock);

/* Each check has a number; the first that fails is the answer. */
static long atomic_checks(void)
{
	atomic_t v = ATOMIC_INIT(5);
	unsigned long flags;
	int n = 0;
#define LOCK_CHECK(cond) do { n++; if (!(cond)) return n; } while (0)
	LOCK_CHECK(atomic_read(&v) == 5);
	atomic_set(&v, 1);
	LOCK_CHECK(atomic_inc_return(&v) == 2);
	atomic_add(10, &v);
	atomic_sub(3, &v);
	LOCK_CHECK(atomic_read(&v) == 9);
	LOCK_CHECK(!atomic_dec_and_test(&v) && atomic_read(&v) == 8);
	atomic_set(&v, 1);
	LOCK_CHECK(atomic_dec_and_test(&v));
	LOCK_CHECK(atomic_dec_return(&v) == -1 && atomic_inc_and_test(&v));
	LOCK_CHECK(atomic_cmpxchg(&v, 0, 7) == 0 && atomic_read(&v) == 7);
	LOCK_CHECK(atomic_cmpxchg(&v, 0, 9) == 7 && atomic_read(&v) == 7);
	LOCK_CHECK(atomic_xchg(&v, 3) == 7 && atomic_read(&v) == 3);
	LOCK_CHECK(atomic_add_return(4, &v) == 7 && atomic_sub_return(7, &v) == 0);
	LOCK_CHECK(spin_trylock(&test_lock));
	LOCK_CHECK(!spin_trylock(&test_lock));
	spin_unlock(&test_lock);
	spin_lock_irqsave(&test_lock, flags);
	LOCK_CHECK(spin_is_locked(&test_lock));
	spin_unlock_irqrestore(&test_lock, flags);
	spin_lock(&test_lock);
	spin_unlock(&test_lock);
	spin_lock_irq(&test_lock);
	spin_unlock_irq(&test_lock);
	spin_lock_bh(&test_lock);
	spin_unlock_bh(&test_lock);
	LOCK_CHECK(!spin_is_locked(&test_lock));
#undef LOCK_CHECK
	return 0;
}

static long lock_test_ioctl(struct file *filp, unsigned int cmd, unsigned long arg)
{
	(void)filp;
	switch (cmd) {
	case LOCK_TEST_HOLD:
		return hold((int)arg);
	case LOCK_TEST_RELEASE:
		return release();
	case LOCK_TEST_GENERATION:
		return generation;
	case LOCK_TEST_MUTEX_TRYLOCK:
		return trylock();
	case LOCK_TEST_MUTEX_LOCKED:
		return mutex_is_locked(&test_mutex);
	case LOCK_TEST_INSIDE:
		return atomic_read(&inside);
	case LOCK_TEST_MAX_INSIDE:
		return max_inside;
	case LOCK_TEST_MUTEX_LOCK:
		return lock_unlock();
	case LOCK_TEST_SEMA_INIT:
		sema_init(&test_sem, (int)arg);
		return 0;
	case LOCK_TEST_DOWN:
		return down_interruptible(&test_sem);
	case LOCK_TEST_DOWN_TRYLOCK:
		return down_trylock(&test_sem);
	case LOCK_TEST_UP:
		up(&test_sem);
		return 0;
	case LOCK_TEST_ATOMIC:
		return atomic_checks();
	}
	return -ENOTTY;
}

static const struct file_operations lock_test_fops = {
	.owner = THIS_MODULE,
	.unlocked_ioctl = lock_test_ioctl,
};

static struct miscdevice lock_test_dev = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "lock_test",
	.fops = &lock_test_fops,
	.mode = 0666,
};

static int lock_test_init(void)
{
	sema_init(&test_sem, 1);
	return misc_register(&lock_test_dev);
}
static void lock_test_exit(void)
{
	misc_deregister(&lock_test_dev);
}

module_init(lock_test_init);
module_exit(lock_test_exit);
MODULE_LICENSE("GPL");
