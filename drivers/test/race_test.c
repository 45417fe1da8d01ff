/* race_test.c: /dev/race_test (uapi/race_test.h), the lost update made
 * visible: one counter, and an increment written three ways. The unlocked
 * one is a read-modify-write with a delay in the middle, so that on several
 * CPUs another increment lands between the load and the store and is
 * overwritten; the kernel is not preempted, so on one CPU nothing can come
 * between them and the count is exact. The spinlock and mutex forms hold
 * their lock across the whole read-modify-write. docs/lab-concurrency.md
 * has students take the lock out of race_add_spinlock and watch
 * dev_race_counter fail. */
#include "dev/miscdevice.h"
#include "fs/file.h"
#include "initcall.h"
#include "kernel.h"
#include "locking/mutex.h"
#include "locking/spinlock.h"
#include "module/module.h"
#include "uapi/errno.h"
#include "uapi/race_test.h"

static int counter;                     /* under counter_lock or counter_mutex, except in race_add_unlocked */
static DEFINE_SPINLOCK(counter_lock);
static DEFINE_MUTEX(counter_mutex);

/* A few hundred instructions between the load and the store: long enough
 * that increments on other CPUs overlap it often. (Not pause: under QEMU's
 * TCG each one leaves the translated code, which costs far more.) */
static void widen_window(void)
{
	for (int i = 0; i < 100; i++)
		__asm__ volatile("" ::: "memory");
}

/* The increment every form shares: the loads and stores are real ones (the
 * asm barrier in widen_window keeps the compiler from folding the loop). */
static void increment(void)
{
	int v = __atomic_load_n(&counter, __ATOMIC_RELAXED);
	widen_window();
	__atomic_store_n(&counter, v + 1, __ATOMIC_RELAXED);
}

static void race_add_unlocked(void)
{
	increment();
}

static void race_add_spinlock(void)
{
	spin_lock(&counter_lock);
	increment();
	spin_unlock(&counter_lock);
}

static void race_add_mutex(void)
{
	mutex_lock(&counter_mutex);
	increment();
	mutex_unlock(&counter_mutex);
}

static long add_n(void (*add)(void), unsigned long n)
{
	if (n > RACE_TEST_MAX_ADDS)
		return -EINVAL;
	for (unsigned long i = 0; i < n; i++)
		add();
	return 0;
}

static long race_test_ioctl(struct file *filp, unsigned int cmd, unsigned long arg)
{
	(void)filp;
	switch (cmd) {
	case RACE_TEST_ADD_UNLOCKED:
		return add_n(race_add_unlocked, arg);
	case RACE_TEST_ADD_SPINLOCK:
		return add_n(race_add_spinlock, arg);
	case RACE_TEST_ADD_MUTEX:
		return add_n(race_add_mutex, arg);
	case RACE_TEST_READ:
		return __atomic_load_n(&counter, __ATOMIC_RELAXED);
	case RACE_TEST_RESET:
		__atomic_store_n(&counter, 0, __ATOMIC_RELAXED);
		return 0;
	}
	return -ENOTTY;
}

static const struct file_operations race_test_fops = {
	.owner = THIS_MODULE,
	.unlocked_ioctl = race_test_ioctl,
};

static struct miscdevice race_test_dev = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "race_test",
	.fops = &race_test_fops,
	.mode = 0666,
};

static int race_test_init(void)
{
	return misc_register(&race_test_dev);
}
static void race_test_exit(void)
{
	misc_deregister(&race_test_dev);
}

module_init(race_test_init);
module_exit(race_test_exit);
MODULE_LICENSE("GPL");
