/* scullpipe.c: LDD3's scullpipe [seed 004]: /dev/scullpipe0..3, each a
 * blocking FIFO (scull_p_buffer bytes, 4000 by default) for any number of
 * readers and writers, with O_NONBLOCK, poll and O_ASYNC (SIGIO). The buffer is allocated at
 * the first open and freed when the last opener leaves, which is when a new
 * SCULL_P_IOCTSIZE takes effect. The pipes share scull's major ("scullp",
 * the minors after scull's) and its ioctls. */
#include <linux/cdev.h>
#include <linux/fcntl.h>
#include <linux/module.h>
#include "devfifo.h"
#include "scull.h"
#include "uapi/scull.h"

struct scull_pipe {
	struct devfifo fifo;
	int nreaders, nwriters;         /* how many openers read, write */
	struct cdev cdev;
};

static struct scull_pipe scull_p_devices[SCULL_P_NR_DEVS];
static struct class *scull_p_class;

/* The open modes, as LDD3's FMODE_READ and FMODE_WRITE tests. */
static bool scull_p_reads(const struct file *filp)
{
	return (filp->f_flags & O_ACCMODE) != O_WRONLY;
}

static bool scull_p_writes(const struct file *filp)
{
	return (filp->f_flags & O_ACCMODE) != O_RDONLY;
}

static int scull_p_open(struct inode *inode, struct file *filp)
{
	struct scull_pipe *dev = container_of(inode->i_cdev, struct scull_pipe, cdev);
	int err = 0;
	/* The FIFO's semaphore (LDD3's dev->sem) also guards the buffer's
	 * coming and going and the opener counts: two CPUs opening at once
	 * must not both allocate, nor a close free it under a reader. */
	if (down_interruptible(&dev->fifo.sem))
		return -ERESTARTSYS;
	if (!dev->fifo.buf)
		err = devfifo_alloc(&dev->fifo, (size_t)scull_p_buffer);
	if (!err) {
		dev->nreaders += scull_p_reads(filp);
		dev->nwriters += scull_p_writes(filp);
		filp->private_data = dev;
	}
	up(&dev->fifo.sem);
	return err;
}

static int scull_p_release(struct inode *inode, struct file *filp)
{
	(void)inode;
	struct scull_pipe *dev = filp->private_data;
	down(&dev->fifo.sem);
	dev->nreaders -= scull_p_reads(filp);
	dev->nwriters -= scull_p_writes(filp);
	if (dev->nreaders + dev->nwriters == 0)
		devfifo_free(&dev->fifo);
	up(&dev->fifo.sem);
	return 0;
}

static ssize_t scull_p_read(struct file *filp, char __user *buf, size_t count, loff_t *f_pos)
{
	(void)f_pos;
	struct scull_pipe *dev = filp->private_data;
	return devfifo_read(&dev->fifo, buf, count, filp->f_flags & O_NONBLOCK);
}

static ssize_t scull_p_write(struct file *filp, const char __user *buf, size_t count,
			     loff_t *f_pos)
{
	(void)f_pos;
	struct scull_pipe *dev = filp->private_data;
	return devfifo_write(&dev->fifo, buf, count, filp->f_flags & O_NONBLOCK);
}

static __poll_t scull_p_poll(struct file *filp, poll_table *wait)
{
	struct scull_pipe *dev = filp->private_data;
	return devfifo_poll(&dev->fifo, filp, wait);
}

/* LDD3's scull_p_fasync: the list the FIFO signals (fput takes the file off it at the last close). */
static int scull_p_fasync(int fd, struct file *filp, int mode)
{
	struct scull_pipe *dev = filp->private_data;
	return fasync_helper(fd, filp, mode, &dev->fifo.async_queue);
}

static const struct file_operations scull_pipe_fops = {
	.owner = THIS_MODULE,
	.llseek = no_llseek,
	.read = scull_p_read,
	.write = scull_p_write,
	.poll = scull_p_poll,
	.fasync = scull_p_fasync,
	.unlocked_ioctl = scull_ioctl,
	.open = scull_p_open,
	.release = scull_p_release,
};

int scull_p_init(dev_t firstdev, struct class *cls)
{
	int result = register_chrdev_region(firstdev, SCULL_P_NR_DEVS, "scullp");
	if (result < 0) {
		pr_err("scullp: unable to get the pipe region\n");
		return result;
	}
	scull_p_class = cls;
	for (int i = 0; i < SCULL_P_NR_DEVS && !result; i++) {
		struct scull_pipe *dev = &scull_p_devices[i];
		devfifo_init(&dev->fifo);
		result = scull_add_node(&dev->cdev, &scull_pipe_fops, firstdev + (dev_t)i, cls,
					"scullpipe", i);
	}
	return result;
}

void scull_p_cleanup(void)
{
	dev_t first = scull_p_devices[0].cdev.dev;
	for (int i = 0; i < SCULL_P_NR_DEVS; i++) {
		device_destroy(scull_p_class, first + (dev_t)i);
		cdev_del(&scull_p_devices[i].cdev);
		devfifo_free(&scull_p_devices[i].fifo);
	}
	unregister_chrdev_region(first, SCULL_P_NR_DEVS);
}
