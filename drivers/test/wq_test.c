/* wq_test.c: /dev/wq_test, a misc device that lets user tests drive a wait
 * queue (uapi/wq_test.h): processes sleep on it, normally or exclusively,
 * until a generation counter moves; others bump the counter with wake_up or
 * wake_up_all and watch how many are queued and how many came back. Its
 * mailboxes (one generation and queue each) carry dev_wq_stress's
 * ping-pong across CPUs, and the lost_wakeup parameter swaps their wait for
 * the classic broken one, so that the harness can prove the stress test
 * catches a lost wake-up (tools/selftest.py). */
#include "fs/file.h"
#include "initcall.h"
#include "module/module.h"
#include "module/moduleparam.h"
#include "kernel.h"
#include "dev/miscdevice.h"
#include "errno.h"
#include "uapi/wq_test.h"
#include "waitqueue.h"

static DECLARE_WAIT_QUEUE_HEAD(test_wq);
/* Kept non-negative so that the ioctl can return it. */
static int generation;
static int woken;

/* Only process context touches this queue, and the kernel is not preempted,
 * so the walk needs no interrupt masking. */
static int queued(void)
{
	int n = 0;
	struct wait_queue_entry *w;
	list_for_each_entry(w, &test_wq.head, link)
		n++;
	return n;
}

static long sleep_past(int seen, bool exclusive)
{
	int r = exclusive ? wait_event_interruptible_exclusive(test_wq, generation != seen)
			  : wait_event_interruptible(test_wq, generation != seen);
	if (r)
		return r;       /* -ERESTARTSYS: the signal code picks EINTR or a restart */
	woken++;
	return 0;
}

static long wake(bool all)
{
	generation = (generation + 1) & INT32_MAX;
	if (all)
		wake_up_all(&test_wq);
	else
		wake_up(&test_wq);
	return generation;
}

static int box_gen[WQ_TEST_BOXES];
static struct wait_queue_head box_wq[WQ_TEST_BOXES];

/* Generations are compared as the ioctls give them out: below 2^24. */
static bool box_moved(int box, int seen)
{
	return (__atomic_load_n(&box_gen[box], __ATOMIC_ACQUIRE) & 0xffffff) != seen;
}

/* Test-only: set by the self-test through /sys/module/wq_test/parameters. */
static bool lost_wakeup;
module_param(lost_wakeup, bool, 0644);

/* The student's bug: look at the condition, then get on the queue and
 * sleep without looking again. A wake-up that lands in between finds nobody
 * queued and is lost; the sleeper then sleeps until its timeout. The spin
 * stands for whatever work a real driver does there, and widens the window
 * so that a waker on another CPU hits it often. */
static long box_sleep_broken(int box, int seen)
{
	if (box_moved(box, seen))
		return 0;
	for (int i = 0; i < 20000; i++)
		__asm__ volatile("" ::: "memory");
	struct wait_queue_entry w;
	init_wait_entry(&w);
	prepare_to_wait(&box_wq[box], &w, TASK_INTERRUPTIBLE);
	long left = schedule_timeout(WQ_TEST_BOX_TIMEOUT_MS);
	finish_wait(&box_wq[box], &w);
	if (box_moved(box, seen) && left > 0)
		return 0;
	return signal_pending_current() ? -ERESTARTSYS : -ETIMEDOUT;
}

static long box_sleep(unsigned long arg)
{
	int box = (int)(arg & (WQ_TEST_BOXES - 1)), seen = (int)(arg >> 7);
	if (lost_wakeup)
		return box_sleep_broken(box, seen);
	long r = wait_event_interruptible_timeout(box_wq[box], box_moved(box, seen),
						  WQ_TEST_BOX_TIMEOUT_MS);
	return r > 0 ? 0 : r == 0 ? -ETIMEDOUT : r;
}

static long box_wake(unsigned long arg)
{
	if (arg >= WQ_TEST_BOXES)
		return -EINVAL;
	int gen = __atomic_add_fetch(&box_gen[arg], 1, __ATOMIC_RELEASE) & 0xffffff;
	wake_up(&box_wq[arg]);
	return gen;
}

static long wq_test_ioctl(struct file *filp, unsigned int cmd, unsigned long arg)
{
	(void)filp;
	switch (cmd) {
	case WQ_TEST_SLEEP:
		return sleep_past((int)arg, false);
	case WQ_TEST_SLEEP_EXCL:
		return sleep_past((int)arg, true);
	case WQ_TEST_WAKE:
		return wake(false);
	case WQ_TEST_WAKE_ALL:
		return wake(true);
	case WQ_TEST_SLEEPERS:
		return queued();
	case WQ_TEST_WOKEN:
		return woken;
	case WQ_TEST_GENERATION:
		return generation;
	case WQ_TEST_BOX_SLEEP:
		return box_sleep(arg);
	case WQ_TEST_BOX_WAKE:
		return box_wake(arg);
	}
	return -ENOTTY;
}

static const struct file_operations wq_test_fops = {
	.owner = THIS_MODULE,
	.unlocked_ioctl = wq_test_ioctl,
};

static struct miscdevice wq_test_dev = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "wq_test",
	.fops = &wq_test_fops,
	.mode = 0666,
};

static int wq_test_init(void)
{
	for (int i = 0; i < WQ_TEST_BOXES; i++)
		init_waitqueue_head(&box_wq[i]);
	return misc_register(&wq_test_dev);
}
static void wq_test_exit(void)
{
	misc_deregister(&wq_test_dev);
}

module_init(wq_test_init);
module_exit(wq_test_exit);
MODULE_LICENSE("GPL");
