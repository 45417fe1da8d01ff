/* wq_test.c: /dev/wq_test, a misc device that lets user tests drive a wait
 * queue (uapi/wq_test.h): processes sleep on it, normally or exclusively,
 * until a generation counter moves; others bump the counter with wake_up or
 * wake_up_all and watch how many are queued and how many came back. */
#include "fs/file.h"
#include "initcall.h"
#include "module/module.h"
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
	return misc_register(&wq_test_dev);
}
static void wq_test_exit(void)
{
	misc_deregister(&wq_test_dev);
}

module_init(wq_test_init);
module_exit(wq_test_exit);
MODULE_LICENSE("GPL");
