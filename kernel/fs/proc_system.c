/* proc_system.c: /proc's system-wide files in Linux's formats: version (the
 * uname strings), cpuinfo (one CPU, from CPUID), stat (the CPU line from the
 * processes' ticks, boot time, process counts), loadavg (no load averages
 * are kept: zeros, then running/total and the newest pid) and filesystems. */
#include "kernel.h"
#include "initcall.h"
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

static void cpuid(uint32_t leaf, uint32_t r[4])
{
	__asm__ volatile("cpuid" : "=a"(r[0]), "=b"(r[1]), "=c"(r[2]), "=d"(r[3]) : "a"(leaf), "c"(0));
}

/* The EDX feature bits of leaf 1, as Linux names them. */
static const char *const edx_flags[32] = {
	"fpu", "vme", "de", "pse", "tsc", "msr", "pae", "mce", "cx8", "apic", NULL, "sep", "mtrr", "pge",
	"mca", "cmov", "pat", "pse36", "pn", "clflush", NULL, "dts", "acpi", "mmx", "fxsr", "sse", "sse2",
	"ss", "ht", "tm", "ia64", "pbe",
};

static int cpuinfo_show(struct seq_file *m, void *v)
{
	(void)v;
	uint32_t r[4], vendor[4] = { 0 };
	cpuid(0, r);
	vendor[0] = r[1], vendor[1] = r[3], vendor[2] = r[2];
	uint32_t brand[13] = { 0 };
	cpuid(0x80000000, r);
	if (r[0] >= 0x80000004)
		for (uint32_t i = 0; i < 3; i++)
			cpuid(0x80000002 + i, &brand[i * 4]);
	cpuid(1, r);
	uint32_t family = (r[0] >> 8) & 0xf, model = (r[0] >> 4) & 0xf;
	if (family == 0xf)
		family += (r[0] >> 20) & 0xff;
	if (family >= 6)
		model |= ((r[0] >> 16) & 0xf) << 4;
	const char *name = (const char *)brand;
	while (*name == ' ')
		name++;
	seq_printf(m, "processor\t: 0\nvendor_id\t: %s\ncpu family\t: %u\nmodel\t\t: %u\n"
		      "model name\t: %s\nstepping\t: %u\ncpu MHz\t\t: 0.000\nphysical id\t: 0\n"
		      "siblings\t: 1\ncore id\t\t: 0\ncpu cores\t: 1\nfpu\t\t: yes\ncpuid level\t: %u\nflags\t\t:",
		   (const char *)vendor, family, model, *name ? name : "unknown", r[0] & 0xf, 1u);
	for (int i = 0; i < 32; i++)
		if ((r[3] & (1u << i)) && edx_flags[i])
			seq_printf(m, " %s", edx_flags[i]);
	seq_puts(m, "\nbogomips\t: 0.00\n\n");
	return 0;
}

/* The processes now: how many, how many runnable, the newest pid and their
 * user and system times in USER_HZ ticks. */
struct proc_counts {
	int total, running, newest;
	uint64_t user, sys;
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
		c.user += (uint64_t)p->utime * USER_HZ / HZ;
		c.sys += (uint64_t)p->stime * USER_HZ / HZ;
	}
	return c;
}

static int stat_show(struct seq_file *m, void *v)
{
	(void)v;
	struct proc_counts c = count_procs();
	uint64_t user = c.user, sys = c.sys, up = get_jiffies_64() * USER_HZ / HZ;
	uint64_t idle = up > user + sys ? up - user - sys : 0;
	int64_t btime = realtime_seconds() - (int64_t)(monotonic_ns() / 1000000000);
	for (int cpu = -1; cpu < 1; cpu++) {
		seq_puts(m, cpu < 0 ? "cpu " : "cpu0");
		seq_printf(m, " %llu 0 %llu %llu 0 0 0 0 0 0\n", (unsigned long long)user,
			   (unsigned long long)sys, (unsigned long long)idle);
	}
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
		  proc_create_single("cpuinfo", 0444, NULL, cpuinfo_show) &&
		  proc_create_single("stat", 0444, NULL, stat_show) &&
		  proc_create_single("loadavg", 0444, NULL, loadavg_show) &&
		  proc_create_single("filesystems", 0444, NULL, filesystems_show);
	return ok ? 0 : -ENOMEM;
}
fs_initcall(proc_system_init);
