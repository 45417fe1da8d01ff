/* fd_test.c: /dev/fd_test, a misc device whose ioctl returns a new fd [seed
 * 000]: ioctl(fd, 0, id) makes an anonymous-inode file "fd_test-<id>" holding
 * id (close-on-exec), and ioctl(anon_fd, 0, 0) on it returns id, the way KVM
 * hands out VM and vCPU fds. Unlike the seed, closing the anon fd frees its
 * data. */
#include <linux/anon_inodes.h>
#include <linux/fcntl.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/module.h>
#include <linux/slab.h>
#include "uapi/fd_test.h"

struct fd_test_data {
	unsigned long id;
};

/* The seed's unknown-command answer is a bare -1, which user space sees as EPERM. */
static long fd_test_anon_fd_ioctl(struct file *filp, unsigned int ioctl, unsigned long arg)
{
	(void)arg;
	int r = -1;
	struct fd_test_data *p = filp->private_data;
	switch (ioctl) {
	case FD_TEST_GET_ID:
		r = (int)p->id;
		break;
	default:
		pr_info("fd_test: unknown ioctl %u\n", ioctl);
	}
	return r;
}

static int fd_test_anon_fd_release(struct inode *inode, struct file *filp)
{
	(void)inode;
	kfree(filp->private_data);
	return 0;
}

static const struct file_operations fd_test_anon_fd_fops = {
	.owner = THIS_MODULE,
	.unlocked_ioctl = fd_test_anon_fd_ioctl,
	.release = fd_test_anon_fd_release,
};

static int create_file(unsigned long id)
{
	struct fd_test_data *p = kmalloc(sizeof(*p), GFP_KERNEL);
	char name[32];
	if (!p)
		return -ENOMEM;
	p->id = id;
	snprintf(name, sizeof(name), "fd_test-%lu", id);
	int fd = anon_inode_getfd(name, &fd_test_anon_fd_fops, p, O_RDWR | O_CLOEXEC);
	if (fd < 0)
		kfree(p);
	return fd;
}

static long fd_test_ioctl(struct file *filp, unsigned int ioctl, unsigned long arg)
{
	(void)filp;
	long r = -EINVAL;
	switch (ioctl) {
	case FD_TEST_NEW_FD:
		r = create_file(arg);
		break;
	default:
		pr_info("fd_test: unknown ioctl %u\n", ioctl);
	}
	return r;
}

static const struct file_operations fd_test_chardev_fops = {
	.owner = THIS_MODULE,
	.unlocked_ioctl = fd_test_ioctl,
};

static struct miscdevice fd_test_chardev = {
	.minor = FD_TEST_MINOR,
	.name = "fd_test",
	.fops = &fd_test_chardev_fops,
};

static int fd_test_init(void)
{
	int err = misc_register(&fd_test_chardev);
	if (err < 0)
		pr_err("fd_test: failed to create miscdevice\n");
	return err;
}
static void fd_test_exit(void)
{
	misc_deregister(&fd_test_chardev);
}

module_init(fd_test_init);
module_exit(fd_test_exit);
MODULE_LICENSE("GPL");
