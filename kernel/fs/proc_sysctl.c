/* proc_sysctl.c: /proc/sys, the kernel's tunables as Linux spells them. The
 * few files of /proc/sys/kernel that reports refer to: tainted (the taint
 * mask, as a number), panic_on_oops, dmesg_restrict and printk (the console,
 * default, minimum and boot log levels), read-only here; and /proc/sys/vm's
 * numbers, read as "N\n" and set by writing a number (root only, and then
 * only with the capability the tunable asks for). The identity files of
 * /proc/sys/kernel (ostype, osrelease, hostname, domainname, pid_max) and
 * /proc/sys/fs's limits (pipe-max-size, file-max, nr_open) read only,
 * its lease-break-time read and written;
 * core_pattern (coredump.c) read and written. */
#include "kernel.h"
#include "initcall.h"
#include "coredump.h"
#include "mm/vm.h"
#include "proc.h"
#include "fs/procfs.h"
#include "fs/seq_file.h"
#include "uapi/capability.h"
#include "uapi/errno.h"
#include "utsname.h"
#include "fs/fdtable.h"
#include "fs/leases.h"
#include "fs/pipe.h"

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

static int string_show(struct seq_file *m, void *v)
{
	(void)v;
	seq_printf(m, "%s\n", (const char *)m->private);
	return 0;
}

static int number_show(struct seq_file *m, void *v)
{
	(void)v;
	seq_printf(m, "%ld\n", (long)(intptr_t)m->private);
	return 0;
}

/* What Linux's defaults are where this kernel has no limit of its own. */
#define FILE_MAX (long)(NPROC * NOFILE)

struct ctl_table {
	const char *procname;
	unsigned long *data;
	int write_cap;                  /* what a writer must be capable of */
};

static const struct ctl_table vm_table[] = {
	{ "mmap_min_addr", &mmap_min_addr, CAP_SYS_RAWIO },
};

static const struct ctl_table fs_table[] = {
	{ "lease-break-time", &lease_break_time, CAP_SYS_ADMIN },
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

static bool add_table(struct proc_dir_entry *dir, const struct ctl_table *t, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!proc_create_data(t[i].procname, 0644, dir, &sysctl_ops, (void *)&t[i]))
			return false;
	return true;
}

static int proc_sysctl_init(void)
{
	struct proc_dir_entry *sys = proc_mkdir("sys", NULL);
	struct proc_dir_entry *kern = sys ? proc_mkdir("kernel", sys) : NULL;
	bool ok = kern && proc_create_single("tainted", 0444, kern, tainted_show) &&
		  proc_create_single("panic_on_oops", 0444, kern, panic_on_oops_show) &&
		  proc_create_single("dmesg_restrict", 0444, kern, dmesg_restrict_show) &&
		  proc_create_single("printk", 0444, kern, printk_show) &&
		  proc_create("core_pattern", 0644, kern, &core_pattern_proc_ops) &&
		  proc_create_single_data("ostype", 0444, kern, string_show, (void *)init_uts.sysname) &&
		  proc_create_single_data("osrelease", 0444, kern, string_show, (void *)init_uts.release) &&
		  proc_create_single_data("version", 0444, kern, string_show, (void *)init_uts.version) &&
		  proc_create_single_data("hostname", 0444, kern, string_show, (void *)init_uts.nodename) &&
		  proc_create_single_data("domainname", 0444, kern, string_show, (void *)init_uts.domainname) &&
		  proc_create_single_data("pid_max", 0444, kern, number_show, (void *)(intptr_t)PID_MAX);
	struct proc_dir_entry *fs = ok ? proc_mkdir("fs", sys) : NULL;
	ok = fs && proc_create_single_data("pipe-max-size", 0444, fs, number_show, (void *)(intptr_t)PIPE_MAX_SIZE) &&
	     proc_create_single_data("file-max", 0444, fs, number_show, (void *)FILE_MAX) &&
	     proc_create_single_data("nr_open", 0444, fs, number_show, (void *)(intptr_t)NOFILE);
	struct proc_dir_entry *vm = ok ? proc_mkdir("vm", sys) : NULL;
	return vm && add_table(vm, vm_table, ARRAY_SIZE(vm_table)) && add_table(fs, fs_table, ARRAY_SIZE(fs_table)) ?
	       0 : -ENOMEM;
}
fs_initcall(proc_sysctl_init);
