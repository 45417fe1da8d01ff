/* proc_sysctl.c: /proc/sys, the kernel's tunables as Linux spells them. The
 * few files of /proc/sys/kernel that reports refer to: tainted (the taint
 * mask, as a number), panic_on_oops, dmesg_restrict and printk (the console,
 * default, minimum and boot log levels), read-only here; and /proc/sys/vm's
 * numbers, read as "N\n" and set by writing a number (root only, and then
 * only with the capability the tunable asks for). */
#include "kernel.h"
#include "initcall.h"
#include "mm/vm.h"
#include "proc.h"
#include "fs/procfs.h"
#include "fs/seq_file.h"
#include "uapi/capability.h"
#include "uapi/errno.h"

static int tainted_show(struct seq_file *m, void *v)
{
	(void)v;
	seq_printf(m, "%lu\n", get_taint());
	return 0;
}

static int panic_on_oops_show(struct seq_file *m, void *v)
{
	(void)v;
	seq_printf(m, "%d\n", oops_should_panic() ? 1 : 0);
	return 0;
}

static int dmesg_restrict_show(struct seq_file *m, void *v)
{
	(void)v;
	seq_printf(m, "%d\n", dmesg_restrict);
	return 0;
}

static int printk_show(struct seq_file *m, void *v)
{
	(void)v;
	seq_printf(m, "%d\t%d\t%d\t%d\n", console_loglevel, LOGLEVEL_DEFAULT, CONSOLE_LOGLEVEL_MIN,
		   CONSOLE_LOGLEVEL_DEFAULT);
	return 0;
}

struct ctl_table {
	const char *procname;
	unsigned long *data;
	int write_cap;                  /* what a writer must be capable of */
};

static const struct ctl_table vm_table[] = {
	{ "mmap_min_addr", &mmap_min_addr, CAP_SYS_RAWIO },
};

static int sysctl_show(struct seq_file *m, void *v)
{
	(void)v;
	const struct ctl_table *t = m->private;
	seq_printf(m, "%lu\n", *t->data);
	return 0;
}

static int sysctl_open(struct inode *inode, struct file *file)
{
	return single_open(file, sysctl_show, pde_data(inode));
}

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n';
}

/* Linux's proc_doulongvec_minmax for one value: blanks around one decimal
 * number; anything else is EINVAL. */
static ssize_t sysctl_write(struct file *file, const char __user *ubuf, size_t count, loff_t *pos)
{
	const struct ctl_table *t = ((struct seq_file *)file->private_data)->private;
	char buf[24];
	if (!capable(t->write_cap))
		return -EPERM;
	if (*pos || count == 0)
		return (ssize_t)count;      /* sysctl_writes_strict: only the first write sets */
	if (count >= sizeof(buf))
		return -EINVAL;
	if (copyin(ubuf, buf, count))
		return -EFAULT;
	buf[count] = 0;
	char *s = buf, *end;
	while (is_space(*s))
		s++;
	if (*s < '0' || *s > '9')
		return -EINVAL;
	unsigned long v = strtoul(s, &end, 10);
	while (is_space(*end))
		end++;
	if (*end)
		return -EINVAL;
	*t->data = v;
	*pos += count;
	return (ssize_t)count;
}

static const struct proc_ops sysctl_ops = {
	.proc_open = sysctl_open,
	.proc_read = seq_read,
	.proc_write = sysctl_write,
	.proc_lseek = seq_lseek,
	.proc_release = single_release,
};

static int proc_sysctl_init(void)
{
	struct proc_dir_entry *sys = proc_mkdir("sys", NULL);
	struct proc_dir_entry *kern = sys ? proc_mkdir("kernel", sys) : NULL;
	bool ok = kern && proc_create_single("tainted", 0444, kern, tainted_show) &&
		  proc_create_single("panic_on_oops", 0444, kern, panic_on_oops_show) &&
		  proc_create_single("dmesg_restrict", 0444, kern, dmesg_restrict_show) &&
		  proc_create_single("printk", 0444, kern, printk_show);
	struct proc_dir_entry *vm = ok ? proc_mkdir("vm", sys) : NULL;
	if (!vm)
		return -ENOMEM;
	for (size_t i = 0; i < ARRAY_SIZE(vm_table); i++)
		if (!proc_create_data(vm_table[i].procname, 0644, vm, &sysctl_ops, (void *)&vm_table[i]))
			return -ENOMEM;
	return 0;
}
fs_initcall(proc_sysctl_init);
