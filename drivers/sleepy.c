/* sleepy.c: LDD3's sleepy [seed 004]: /dev/sleepy on a dynamic major. A read
 * sleeps until some write comes along, then returns 0 (end of file); the
 * write wakes every sleeper, and the first to run takes the wake-up (resets
 * the flag) while the others go back to sleep: the race LDD3 uses to show
 * why the condition is checked again after waking. As in the seed there is
 * no lock, so on several CPUs two readers woken at once can both see the
 * flag before either resets it, and both return: the seed's point, which
 * a driver that must let exactly one through would fix with a lock or an
 * atomic_xchg of the flag. */
#include <linux/fs.h>
#include <linux/module.h>
#include <linux/sched.h>
#include <linux/wait.h>

static DECLARE_WAIT_QUEUE_HEAD(wq);
static int flag = 0;

static ssize_t sleepy_read(struct file *filp, char __user *buf, size_t count, loff_t *pos)
{
	(void)filp, (void)buf, (void)count, (void)pos;
	printk(KERN_DEBUG "process %i (%s) going to sleep\n", current->pid, current->comm);
	/* LDD3 ignores the result; a signal should end the read with EINTR. */
	if (wait_event_interruptible(wq, flag != 0))
		return -ERESTARTSYS;
	flag = 0;
	printk(KERN_DEBUG "awoken %i (%s)\n", current->pid, current->comm);
	return 0; /* EOF */
}

static ssize_t sleepy_write(struct file *filp, const char __user *buf, size_t count,
			    loff_t *pos)
{
	(void)filp, (void)buf, (void)pos;
	printk(KERN_DEBUG "process %i (%s) awakening the readers...\n", current->pid, current->comm);
	flag = 1;
	wake_up_interruptible(&wq);
	return (ssize_t)count; /* succeed, to avoid retrial */
}

static const struct file_operations sleepy_fops = {
	.owner = THIS_MODULE,
	.read = sleepy_read,
	.write = sleepy_write,
};

static int sleepy_major;

static int sleepy_init(void)
{
	int result = register_chrdev(0, "sleepy", &sleepy_fops);
	if (result < 0)
		return result;
	sleepy_major = result;
	return 0;
}

static void sleepy_exit(void)
{
	unregister_chrdev(sleepy_major, "sleepy");
}

module_init(sleepy_init);
module_exit(sleepy_exit);
MODULE_LICENSE("GPL");
