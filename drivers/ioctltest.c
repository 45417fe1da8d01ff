/* ioctltest.c: /dev/ioctltest on a dynamic major [seed 003, ioctl.c]: each
 * open gets its own value (0xFF at first) that VALSET/VALGET change and read
 * fills the buffer with; a number shared by every open is set by value and
 * read through a pointer. Registered the cdev way: alloc_chrdev_region,
 * cdev_init, cdev_add (plus a class and its device for the node, which the
 * seed left to mknod). Each open's value sits under an rwlock, as in the
 * seed: VALGET and read take it shared, VALSET exclusive. */
#include <linux/cdev.h>
#include <linux/device.h>
#include <linux/fs.h>
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/uaccess.h>
#include "uapi/ioctltest.h"

#define DRIVER_NAME "ioctltest"

static unsigned int test_ioctl_major;
static unsigned int num_of_dev = 1;
static struct cdev test_ioctl_cdev;
static struct class *test_ioctl_class;
static int ioctl_num;

/* Threads sharing the open file may use it on several CPUs at once. The
 * user copies stay outside the lock, which spins and so must not be held
 * across anything that sleeps. */
struct test_ioctl_data {
	unsigned char val;
	rwlock_t lock;                  /* val */
};

static unsigned char test_ioctl_get(struct test_ioctl_data *ioctl_data)
{
	read_lock(&ioctl_data->lock);
	unsigned char val = ioctl_data->val;
	read_unlock(&ioctl_data->lock);
	return val;
}

static long test_ioctl_ioctl(struct file *filp, unsigned int cmd, unsigned long arg)
{
	struct test_ioctl_data *ioctl_data = filp->private_data;
	struct ioctl_arg data;
	memset(&data, 0, sizeof(data));

	switch (cmd) {
	case IOCTL_VALSET:
		if (copy_from_user(&data, (void __user *)arg, sizeof(data)))
			return -EFAULT;
		write_lock(&ioctl_data->lock);
		ioctl_data->val = (unsigned char)data.val;
		write_unlock(&ioctl_data->lock);
		return 0;
	case IOCTL_VALGET:
		data.val = test_ioctl_get(ioctl_data);
		if (copy_to_user((void __user *)arg, &data, sizeof(data)))
			return -EFAULT;
		return 0;
	case IOCTL_VALGET_NUM:
		return put_user(ioctl_num, (int __user *)arg);
	case IOCTL_VALSET_NUM:
		ioctl_num = (int)arg;
		return 0;
	default:
		return -ENOTTY;
	}
}

static ssize_t test_ioctl_read(struct file *filp, char __user *buf, size_t count, loff_t *f_pos)
{
	(void)f_pos;
	struct test_ioctl_data *ioctl_data = filp->private_data;
	unsigned char val = test_ioctl_get(ioctl_data);
	for (size_t i = 0; i < count; i++)
		if (copy_to_user(&buf[i], &val, 1))
			return -EFAULT;
	return (ssize_t)count;
}

static int test_ioctl_close(struct inode *inode, struct file *filp)
{
	(void)inode;
	kfree(filp->private_data);
	filp->private_data = NULL;
	return 0;
}

static int test_ioctl_open(struct inode *inode, struct file *filp)
{
	(void)inode;
	struct test_ioctl_data *ioctl_data = kmalloc(sizeof(struct test_ioctl_data), GFP_KERNEL);
	if (ioctl_data == NULL)
		return -ENOMEM;
	rwlock_init(&ioctl_data->lock);
	ioctl_data->val = 0xFF;
	filp->private_data = ioctl_data;
	return 0;
}

static const struct file_operations fops = {
	.owner = THIS_MODULE,
	.open = test_ioctl_open,
	.release = test_ioctl_close,
	.read = test_ioctl_read,
	.unlocked_ioctl = test_ioctl_ioctl,
};

/* Anyone may open the node (devtmpfs would make it 0600). */
static char *test_ioctl_devnode(struct device *dev, umode_t *mode)
{
	(void)dev;
	*mode = 0666;
	return NULL;
}

static int ioctl_init(void)
{
	dev_t dev;
	int alloc_ret = -1;
	int cdev_ret = -1;
	struct device *node;

	alloc_ret = alloc_chrdev_region(&dev, 0, num_of_dev, DRIVER_NAME);
	if (alloc_ret)
		goto error;
	test_ioctl_major = MAJOR(dev);
	cdev_init(&test_ioctl_cdev, &fops);
	cdev_ret = cdev_add(&test_ioctl_cdev, dev, num_of_dev);
	if (cdev_ret)
		goto error;
	test_ioctl_class = class_create(THIS_MODULE, DRIVER_NAME);
	if (IS_ERR(test_ioctl_class)) {
		cdev_ret = (int)PTR_ERR(test_ioctl_class);
		goto error_cdev;
	}
	test_ioctl_class->devnode = test_ioctl_devnode;
	node = device_create(test_ioctl_class, NULL, dev, NULL, DRIVER_NAME);
	if (IS_ERR(node)) {
		cdev_ret = (int)PTR_ERR(node);
		class_destroy(test_ioctl_class);
		goto error_cdev;
	}
	pr_info("%s driver(major: %u) installed.\n", DRIVER_NAME, test_ioctl_major);
	return 0;
error_cdev:
	cdev_del(&test_ioctl_cdev);
error:
	if (alloc_ret == 0)
		unregister_chrdev_region(dev, num_of_dev);
	return alloc_ret ? alloc_ret : cdev_ret;
}
static void ioctl_exit(void)
{
	dev_t dev = MKDEV(test_ioctl_major, 0);
	device_destroy(test_ioctl_class, dev);
	class_destroy(test_ioctl_class);
	cdev_del(&test_ioctl_cdev);
	unregister_chrdev_region(dev, num_of_dev);
}

module_init(ioctl_init);
module_exit(ioctl_exit);
MODULE_LICENSE("GPL");
