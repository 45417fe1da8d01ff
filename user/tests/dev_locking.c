/* dev_locking: the kernel's locks through /dev/lock_test (uapi/lock_test.h),
 * here and, with tools/linux-test, on Linux: a mutex keeps a second process
 * out while the first holds it and lets it in after; trylock fails on a held
 * mutex and succeeds on a free one; a signal ends mutex_lock_interruptible
 * and down_interruptible with EINTR; a semaphore hands out as many units as
 * it was given; the atomic_t and spinlock checks pass in the kernel. */
#include "dev_util.h"

#include <sys/ioctl.h>

#include <uapi/lock_test.h>

static int dev;

static int holder(void *arg)
{
	return ioctl(dev, LOCK_TEST_HOLD, (long)arg) == 0 ? 0 : 1;
}

static int interrupted(void *arg)
{
	set_handler(SIGUSR1, ignore_signal, 0);
	return ioctl(dev, (unsigned long)arg) == -1 && errno == EINTR ? 0 : 1;
}

static int downer(void *arg)
{
	(void)arg;
	return ioctl(dev, LOCK_TEST_DOWN) == 0 ? 0 : 1;
}

/* Polls until the driver reports want for cmd, for at most 5 s. */
static int wait_for(unsigned long cmd, int want)
{
	for (int i = 0; i < 500; i++) {
		if (ioctl(dev, cmd) == want)
			return 1;
		sleep_ms(10);
	}
	return 0;
}

static void test_mutex(void)
{
	int gen = ioctl(dev, LOCK_TEST_GENERATION);
	CHECK_EQ(ioctl(dev, LOCK_TEST_MUTEX_TRYLOCK), 1, "trylock on a free mutex takes it");
	pid_t first = spawn(holder, (void *)(long)gen);
	CHECK(wait_for(LOCK_TEST_INSIDE, 1), "a first process holds the mutex");
	CHECK_EQ(ioctl(dev, LOCK_TEST_MUTEX_LOCKED), 1, "mutex_is_locked says so");
	CHECK_EQ(ioctl(dev, LOCK_TEST_MUTEX_TRYLOCK), 0, "trylock on the held mutex fails");
	pid_t second = spawn(holder, (void *)(long)gen);
	sleep_ms(200);
	CHECK(ioctl(dev, LOCK_TEST_INSIDE) == 1 && still_running(second),
	      "a second one sleeps outside meanwhile");
	pid_t third = spawn(interrupted, (void *)LOCK_TEST_MUTEX_LOCK);
	expect_exit(interrupt_until_exit(third, SIGUSR1), 0,
		    "a signal ends a mutex_lock_interruptible with EINTR");
	CHECK_EQ(ioctl(dev, LOCK_TEST_INSIDE), 1, "and the first still holds it");
	ioctl(dev, LOCK_TEST_RELEASE);
	expect_exit(wait_status(first), 0, "the first lets go");
	expect_exit(wait_status(second), 0, "and the second gets it, then lets go");
	CHECK_EQ(ioctl(dev, LOCK_TEST_MAX_INSIDE), 1, "never two inside at once");
	CHECK_EQ(ioctl(dev, LOCK_TEST_MUTEX_LOCKED), 0, "the mutex is free again");
	CHECK_EQ(ioctl(dev, LOCK_TEST_MUTEX_TRYLOCK), 1, "and trylock takes it");
}

static void test_semaphore(void)
{
	CHECK_OK(ioctl(dev, LOCK_TEST_SEMA_INIT, 2), "sema_init 2");
	CHECK(ioctl(dev, LOCK_TEST_DOWN_TRYLOCK) == 0 && ioctl(dev, LOCK_TEST_DOWN) == 0,
	      "two downs take the two units");
	CHECK_EQ(ioctl(dev, LOCK_TEST_DOWN_TRYLOCK), 1, "a third down_trylock finds none (1)");
	pid_t p = spawn(interrupted, (void *)LOCK_TEST_DOWN);
	expect_exit(interrupt_until_exit(p, SIGUSR1), 0,
		    "a signal ends a down_interruptible with EINTR");
	p = spawn(downer, NULL);
	sleep_ms(200);
	CHECK(still_running(p), "a down with no unit sleeps");
	CHECK_OK(ioctl(dev, LOCK_TEST_UP), "up");
	expect_exit(wait_status(p), 0, "wakes it with the unit");
	CHECK_EQ(ioctl(dev, LOCK_TEST_DOWN_TRYLOCK), 1, "which it kept");
	ioctl(dev, LOCK_TEST_UP);
	CHECK_EQ(ioctl(dev, LOCK_TEST_DOWN_TRYLOCK), 0, "after another up, down_trylock takes it (0)");
}

int main(void)
{
	dev = CHECK_OK(open(LOCK_TEST_PATH, O_RDWR), "open " LOCK_TEST_PATH);
	CHECK_EQ(ioctl(dev, LOCK_TEST_ATOMIC), 0, "the atomic_t and spinlock checks pass");
	test_mutex();
	test_semaphore();
	close(dev);
	return done();
}
