/* chardev.c: /dev/chardev, major 77 [seed 002]: a 32-byte FIFO shared by all
 * openers. read blocks while it is empty and write while it is full (woken by
 * the other side through wait queues, or by a signal); with O_NONBLOCK both
 * say EAGAIN instead. poll reports which way data can move. ioctls of magic
 * 0xAE set and query a value, by value or through a pointer, and RESET puts
 * the open count back to 1 and the module's use count back to one open
 * file's (seed 002's debugging aid for a count gone wrong). */
#include <linux/atomic.h>
#include <linux/fcntl.h>
#include <linux/fs.h>
#include <linux/module.h>
#include <linux/uaccess.h>
#include "devfifo.h"
#include "uapi/chardev.h"

static int devmajor = CHARDEV_MAJOR;
static const char *devname = "chardev";

static struct devfifo fifo;
/* Opens on several CPUs at once: a plain ++ would lose some. */
static atomic_t open_count = ATOMIC_INIT(0);
/* The module references one open file holds, counted at a first open: 1
 * here, 2 on Linux (whose cdev pins the module as well as the fops). */
static int file_refs = 1;

static int chardev_open(struct inode *inode, struct file *filp)
{
	(void)inode, (void)filp;
	if (atomic_inc_return(&open_count) == 1)
		file_refs = module_refcount(THIS_MODULE);
	return 0;
}

static int chardev_release(struct inode *inode, struct file *filp)
{
	(void)inode, (void)filp;
	atomic_dec(&open_count);
	return 0;
}

/* Read data leaves the FIFO. */
static ssize_t chardev_read(struct file *filp, char __user *buf, size_t count, loff_t *pos)
{
	ssize_t n = devfifo_read(&fifo, buf, count, filp->f_flags & O_NONBLOCK);
	if (n > 0)
		*pos += n;
	return n;
}

static ssize_t chardev_write(struct file *filp, const char __user *buf, size_t count,
			     loff_t *pos)
{
	ssize_t n = devfifo_write(&fifo, buf, count, filp->f_flags & O_NONBLOCK);
	if (n > 0)
		*pos += n;
	return n;
}

static __poll_t chardev_poll(struct file *filp, poll_table *wait)
{
	return devfifo_poll(&fifo, filp, wait);
}

/* O_ASYNC: SIGIO when the FIFO gets data. */
static int chardev_fasync(int fd, struct file *filp, int on)
{
	return fasync_helper(fd, filp, on, &fifo.async_queue);
}

/* The seed keeps no lock here: the value is one int, which a CPU stores and
 * loads in one access, and no command reads it to write it back. */
static long chardev_ioctl(struct file *filp, unsigned int cmd, unsigned long arg)
{
	(void)filp;
	static int ioctl_value;

	switch (cmd) {
	case CHARDEV_IOCTL_TELL:
		ioctl_value = (int)arg;
		break;
	case CHARDEV_IOCTL_SET:
		if (get_user(ioctl_value, (int __user *)arg))
			return -EFAULT;
		break;
	case CHARDEV_IOCTL_QUERY:
		return ioctl_value;
	case CHARDEV_IOCTL_GET:
		if (put_user(ioctl_value, (int __user *)arg))
			return -EFAULT;
		break;
	case CHARDEV_IOCTL_RESET:
		/* The seed's MOD_DEC_USE_COUNT loop and one MOD_INC_USE_COUNT:
		 * the module's use count becomes what this file holds, so that
		 * rmmod works once it is closed, whoever else still counted. */
		while (module_refcount(THIS_MODULE) > 0)
			module_put(THIS_MODULE);
		for (int i = 0; i < file_refs; i++)
			__module_get(THIS_MODULE);
		atomic_set(&open_count, 1);
		break;
	default:
		return -EINVAL;         /* the seed's choice; POSIX would say ENOTTY */
	}
	return 0;
}

static const struct file_operations chardev_fops = {
	.owner = THIS_MODULE,
	.read = chardev_read,
	.write = chardev_write,
	.poll = chardev_poll,
	.fasync = chardev_fasync,
	.unlocked_ioctl = chardev_ioctl,
	.open = chardev_open,
	.release = chardev_release,
};

static int chardev_init(void)
{
	devfifo_init(&fifo);
	int err = devfifo_alloc(&fifo, CHARDEV_MAXBUF);
	if (err)
		return err;
	if (register_chrdev(devmajor, devname, &chardev_fops)) {
		pr_err("chardev: register_chrdev failed\n");
		devfifo_free(&fifo);
		return -EBUSY;
	}
	return 0;
}
static void chardev_exit(void)
{
	unregister_chrdev(devmajor, devname);
	devfifo_free(&fifo);
}

module_init(chardev_init);
module_exit(chardev_exit);
MODULE_LICENSE("GPL");
