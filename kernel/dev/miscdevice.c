/* miscdevice.c: major 10 ("misc") as a multiplexer: one cdev covers all its
 * minors, and its open hands the file to the miscdevice registered for the
 * minor. */
#include "dev/chrdev.h"
#include "initcall.h"
#include "kernel.h"
#include "dev/miscdevice.h"
#include "uapi/errno.h"

/* Linux hands out dynamic misc minors from 127 down. */
#define MISC_DYNAMIC_FIRST 127

/* Process context only, like the switch table under it (chrdev.c). */
static struct list_head misc_list = LIST_HEAD_INIT(misc_list);
static struct cdev misc_cdev;

static struct miscdevice *misc_find(int minor)
{
	struct miscdevice *m;
	list_for_each_entry(m, &misc_list, list)
		if (m->minor == minor)
			return m;
	return NULL;
}

static int misc_open(struct inode *inode, struct file *file)
{
	struct miscdevice *m = misc_find((int)iminor(inode));
	if (!m)
		return -ENODEV;
	return chrdev_open_with(inode, file, m->fops, m);
}

static const struct file_operations misc_fops = {
	.open = misc_open,
};

int misc_register(struct miscdevice *misc)
{
	if (!misc->name || !misc->fops || misc->minor < 0 || misc->minor > MISC_DYNAMIC_MINOR)
		return -EINVAL;
	bool dynamic = misc->minor == MISC_DYNAMIC_MINOR;
	if (dynamic) {
		int minor = MISC_DYNAMIC_FIRST;
		while (minor >= 0 && misc_find(minor))
			minor--;
		if (minor < 0)
			return -EBUSY;
		misc->minor = minor;
	} else if (misc_find(misc->minor)) {
		return -EBUSY;
	}
	int err = chrdev_node_create(MKDEV(MISC_MAJOR, misc->minor), 0, 0,
				misc->mode ? misc->mode : 0600, "%s", misc->name);
	if (err) {
		if (dynamic)
			misc->minor = MISC_DYNAMIC_MINOR;
		return err;
	}
	list_add_tail(&misc->list, &misc_list);
	return 0;
}

void misc_deregister(struct miscdevice *misc)
{
	list_del(&misc->list);
	chrdev_node_destroy(MKDEV(MISC_MAJOR, misc->minor));
}

static int misc_init(void)
{
	int err = register_chrdev_region(MKDEV(MISC_MAJOR, 0), 256, "misc");
	if (err)
		return err;
	cdev_init(&misc_cdev, &misc_fops);
	return cdev_add(&misc_cdev, MKDEV(MISC_MAJOR, 0), 256);
}
core_initcall(misc_init);
