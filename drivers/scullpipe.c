/* scullpipe.c: LDD3's scullpipe [seed 004]: /dev/scullpipe0..3, each a
 * blocking FIFO (scull_p_buffer bytes, 4000 by default) for any number of
 * readers and writers, with O_NONBLOCK and poll. The buffer is allocated at
 * the first open and freed when the last opener leaves, which is when a new
 * SCULL_P_IOCTSIZE takes effect. The pipes share scull's major ("scullp",
 * the minors after scull's) and its ioctls. */
#include "dev/chrdev.h"
#include "dev/devfifo.h"
#include "kernel.h"
#include "module/module.h"
#include "scull.h"
#include "uapi/errno.h"
#include "uapi/fcntl.h"
#include "uapi/scull.h"

struct scull_pipe {
	struct devfifo fifo;
	int nreaders, nwriters;         /* how many openers read, write */
	struct cdev cdev;
};

static struct scull_pipe scull_p_devices[SCULL_P_NR_DEVS];

static int scull_p_open(struct inode *inode, struct file *filp)
{
	(void)inode;
	struct scull_pipe *dev = container_of(filp->private_data, struct scull_pipe, cdev);
	if (!dev->fifo.ring.buf) {
		int err = devfifo_alloc(&dev->fifo, (size_t)scull_p_buffer);
		if (err)
			return err;
	}
	dev->nreaders += file_readable(filp);
	dev->nwriters += file_writable(filp);
	filp->private_data = dev;
	return 0;
}

static int scull_p_release(struct inode *inode, struct file *filp)
{
	(void)inode;
	struct scull_pipe *dev = filp->private_data;
	dev->nreaders -= file_readable(filp);
	dev->nwriters -= file_writable(filp);
	if (dev->nreaders + dev->nwriters == 0)
		devfifo_free(&dev->fifo);
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

static unsigned int scull_p_poll(struct file *filp, poll_table *wait)
{
	struct scull_pipe *dev = filp->private_data;
	return devfifo_poll(&dev->fifo, filp, wait);
}

static const struct file_operations scull_pipe_fops = {
	.owner = THIS_MODULE,
	.llseek = no_llseek,
	.read = scull_p_read,
	.write = scull_p_write,
	.poll = scull_p_poll,
	.unlocked_ioctl = scull_ioctl,
	.open = scull_p_open,
	.release = scull_p_release,
};

int scull_p_init(dev_t firstdev)
{
	int result = register_chrdev_region(firstdev, SCULL_P_NR_DEVS, "scullp");
	if (result < 0) {
		kprintf("scullp: unable to get the pipe region\n");
		return result;
	}
	for (int i = 0; i < SCULL_P_NR_DEVS && !result; i++) {
		struct scull_pipe *dev = &scull_p_devices[i];
		dev_t devno = firstdev + (dev_t)i;
		devfifo_init(&dev->fifo);
		cdev_init(&dev->cdev, &scull_pipe_fops);
		result = cdev_add(&dev->cdev, devno, 1);
		if (!result)
			result = device_create(devno, 0, 0, 0666, "scullpipe%d", i);
	}
	return result;
}

void scull_p_cleanup(void)
{
	dev_t first = scull_p_devices[0].cdev.dev;
	for (int i = 0; i < SCULL_P_NR_DEVS; i++) {
		device_destroy(first + (dev_t)i);
		cdev_del(&scull_p_devices[i].cdev);
		devfifo_free(&scull_p_devices[i].fifo);
	}
	unregister_chrdev_region(first, SCULL_P_NR_DEVS);
}
