/* proc_devices.c: /proc/devices, the switch table's registered names as
 * Linux prints them: "Character devices:", then "%3d %s" per range in major
 * order (a major shared by several drivers appears once per driver). */
#include "dev/chrdev.h"
#include "initcall.h"
#include "fs/procfs.h"
#include "fs/seq_file.h"
#include "uapi/errno.h"

static void show_one(unsigned major, const char *name, void *m)
{
	seq_printf(m, "%3u %s\n", major, name);
}

static int devices_show(struct seq_file *m, void *v)
{
	(void)v;
	seq_puts(m, "Character devices:\n");
	chrdev_for_each(show_one, m);
	return 0;
}

static int devices_open(struct inode *inode, struct file *file)
{
	(void)inode;
	return single_open(file, devices_show, NULL);
}

static const struct proc_ops devices_proc_ops = {
	.proc_open = devices_open,
	.proc_read = seq_read,
	.proc_lseek = seq_lseek,
	.proc_release = single_release,
};

static int proc_devices_init(void)
{
	return proc_create("devices", 0444, NULL, &devices_proc_ops) ? 0 : -ENOMEM;
}
device_initcall(proc_devices_init);
