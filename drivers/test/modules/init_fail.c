/* init_fail.c: registers a misc device, then fails its init with
 * -ENODEV after undoing it: the loader must return that error and keep
 * nothing of the module. */
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/module.h>

static const struct file_operations fail_fops = { .owner = THIS_MODULE };
static struct miscdevice fail_dev = { .minor = MISC_DYNAMIC_MINOR, .name = "init_fail", .fops = &fail_fops };

static int __init init_fail_init(void)
{
	int err = misc_register(&fail_dev);
	if (err)
		return err;
	misc_deregister(&fail_dev);
	return -ENODEV;
}

module_init(init_fail_init);
MODULE_LICENSE("GPL");
