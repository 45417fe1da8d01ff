/* hello.c: the lab's first module: a parameter and a misc device,
 * /dev/hello, whose read says "hello WHO GREETING"; an open file on it
 * pins the module (.owner). */
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/miscdevice.h>
#include <linux/module.h>
#include <linux/uaccess.h>

static int greeting = 42;
module_param(greeting, int, 0644);
MODULE_PARM_DESC(greeting, "the number /dev/hello reads");
static char *who = "world";
module_param(who, charp, 0444);
MODULE_PARM_DESC(who, "who is greeted");

static ssize_t hello_read(struct file *f, char __user *buf, size_t n, loff_t *pos)
{
	char msg[64];
	int len = snprintf(msg, sizeof(msg), "hello %s %d\n", who, greeting);
	(void)f;
	return simple_read_from_buffer(buf, n, pos, msg, len);
}

static const struct file_operations hello_fops = {
	.owner = THIS_MODULE,
	.read = hello_read,
};

static struct miscdevice hello_dev = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "hello",
	.fops = &hello_fops,
	.mode = 0666,
};

static int __init hello_init(void)
{
	pr_info("hello: loaded, greeting=%d\n", greeting);
	return misc_register(&hello_dev);
}

static void __exit hello_exit(void)
{
	misc_deregister(&hello_dev);
	pr_info("hello: unloaded\n");
}

module_init(hello_init);
module_exit(hello_exit);
MODULE_LICENSE("GPL");
MODULE_AUTHOR("freax");
MODULE_DESCRIPTION("hello with a parameter and a misc device");
