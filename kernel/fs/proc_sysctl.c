/* proc_sysctl.c: the few files of /proc/sys/kernel that reports refer to:
 * tainted (the taint mask, as a number), panic_on_oops, dmesg_restrict and
 * printk (the console, default, minimum and boot log levels). Read-only here. */
#include "kernel.h"
#include "initcall.h"
#include "fs/procfs.h"
#include "fs/seq_file.h"
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

static int proc_sysctl_init(void)
{
	struct proc_dir_entry *sys = proc_mkdir("sys", NULL);
	struct proc_dir_entry *kern = sys ? proc_mkdir("kernel", sys) : NULL;
	bool ok = kern && proc_create_single("tainted", 0444, kern, tainted_show) &&
		  proc_create_single("panic_on_oops", 0444, kern, panic_on_oops_show) &&
		  proc_create_single("dmesg_restrict", 0444, kern, dmesg_restrict_show) &&
		  proc_create_single("printk", 0444, kern, printk_show);
	return ok ? 0 : -ENOMEM;
}
fs_initcall(proc_sysctl_init);
