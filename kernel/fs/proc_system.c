/* proc_system.c: /proc's system-wide files in Linux's formats: version (the
 * uname strings), stat (the cpu line and a cpuN line per online CPU from the
 * per-CPU ticks of kstat.h, boot time, process counts), loadavg (no load
 * averages are kept: zeros, then running/total and the newest pid) and
 * filesystems. /proc/cpuinfo is proc_cpuinfo.c. */
#include "kernel.h"
#include "initcall.h"
#include "kstat.h"
#include "proc.h"
#include "fs/procfs.h"
#include "fs/seq_file.h"
#include "x86/timer.h"
#include "uapi/errno.h"
#include "uapi/param.h"
#include "utsname.h"

static int version_show(struct seq_file *m, void *v)
{
	(void)v;
	seq_printf(m, "%s version %s (freax@freax) (gcc) %s\n", init_uts.sysname, init_uts.release,
		   init_uts.version);
	return 0;
}

/* The processes now: how many, how many runnable and the newest pid. */
struct proc_counts {
	int total, running, newest;
};

static struct proc_counts count_procs(void)
{
	struct proc_counts c = { 0 };
	for (int i = 0; i < NPROC; i++) {
		const struct proc *p = &proc_table[i];
		if (p->state == P_UNUSED)
			continue;
		c.total++;
		c.running += p->state == P_RUNNABLE;
		c.newest = MAX(c.newest, p->pid);
	}
	return c;
}

/* A cpu line: user nice system idle iowait irq softirq steal guest guest_nice, in USER_HZ. */
static void show_cpu_times(struct seq_file *m, const char *label, const struct kernel_cpustat *k)
{
	unsigned long long t[NR_STATS];
	for (int i = 0; i < NR_STATS; i++)
		t[i] = k->cpustat[i] * USER_HZ / HZ;
	seq_printf(m, "%s %llu 0 %llu %llu 0 0 0 0 0 0\n", label, t[CPUTIME_USER], t[CPUTIME_SYSTEM],
		   t[CPUTIME_IDLE]);
}

static int stat_show(struct seq_file *m, void *v)
{
	(void)v;
	struct proc_counts c = count_procs();
	struct kernel_cpustat sum = { 0 };
	for (unsigned int cpu = 0; cpu < nr_cpu_ids; cpu++)
		for (int i = 0; i < NR_STATS; i++)
			sum.cpustat[i] += kernel_cpustat[cpu].cpustat[i];
	show_cpu_times(m, "cpu ", &sum);
	for (unsigned int cpu = 0; cpu < NR_CPUS; cpu++) {
		if (!cpu_online(cpu))
			continue;
		char label[8];
		snprintf(label, sizeof label, "cpu%u", cpu);
		show_cpu_times(m, label, &kernel_cpustat[cpu]);
	}
	int64_t btime = realtime_seconds() - (int64_t)(monotonic_ns() / 1000000000);
	seq_printf(m, "intr 0\nctxt 0\nbtime %lld\nprocesses %d\nprocs_running %d\nprocs_blocked 0\n"
		      "softirq 0 0 0 0 0 0 0 0 0 0 0\n", (long long)btime, c.total, c.running);
	return 0;
}

static int loadavg_show(struct seq_file *m, void *v)
{
	(void)v;
	struct proc_counts c = count_procs();
	seq_printf(m, "0.00 0.00 0.00 %d/%d %d\n", c.running, c.total, c.newest);
	return 0;
}

static int filesystems_show(struct seq_file *m, void *v)
{
	(void)v;
	seq_puts(m, "nodev\tsysfs\nnodev\ttmpfs\nnodev\tdevtmpfs\nnodev\tproc\nnodev\tpipefs\nnodev\tramfs\n");
	return 0;
}

static int proc_system_init(void)
{
	bool ok = proc_create_single("version", 0444, NULL, version_show) &&
		  proc_create_single("stat", 0444, NULL, stat_show) &&
		  proc_create_single("loadavg", 0444, NULL, loadavg_show) &&
		  proc_create_single("filesystems", 0444, NULL, filesystems_show);
	return ok ? 0 : -ENOMEM;
}
fs_initcall(proc_system_init);
