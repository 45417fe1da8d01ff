/* proc_limits.c: /proc/PID/limits, Linux's table of a process's resource
 * limits: one line per limit with its soft and hard values and unit. */
#include "kernel.h"
#include "fs/procfs.h"
#include "fs/seq_file.h"
#include "uapi/resource.h"

static const struct limit_name {
	const char *name, *unit;
} lnames[RLIM_NLIMITS] = {
	[RLIMIT_CPU] = { "Max cpu time", "seconds" },
	[RLIMIT_FSIZE] = { "Max file size", "bytes" },
	[RLIMIT_DATA] = { "Max data size", "bytes" },
	[RLIMIT_STACK] = { "Max stack size", "bytes" },
	[RLIMIT_CORE] = { "Max core file size", "bytes" },
	[RLIMIT_RSS] = { "Max resident set", "bytes" },
	[RLIMIT_NPROC] = { "Max processes", "processes" },
	[RLIMIT_NOFILE] = { "Max open files", "files" },
	[RLIMIT_MEMLOCK] = { "Max locked memory", "bytes" },
	[RLIMIT_AS] = { "Max address space", "bytes" },
	[RLIMIT_LOCKS] = { "Max file locks", "locks" },
	[RLIMIT_SIGPENDING] = { "Max pending signals", "signals" },
	[RLIMIT_MSGQUEUE] = { "Max msgqueue size", "bytes" },
	[RLIMIT_NICE] = { "Max nice priority", NULL },
	[RLIMIT_RTPRIO] = { "Max realtime priority", NULL },
	[RLIMIT_RTTIME] = { "Max realtime timeout", "us" },
};

static void show_value(struct seq_file *m, uint64_t v)
{
	if (v == K_RLIM64_INFINITY)
		seq_printf(m, "%-20s ", "unlimited");
	else
		seq_printf(m, "%-20llu ", (unsigned long long)v);
}

void proc_limits_show(struct seq_file *m, const struct k_rlimit64 *rlim)
{
	seq_printf(m, "%-25s %-20s %-20s %-10s\n", "Limit", "Soft Limit", "Hard Limit", "Units");
	for (int i = 0; i < RLIM_NLIMITS; i++) {
		seq_printf(m, "%-25s ", lnames[i].name);
		show_value(m, rlim[i].rlim_cur);
		show_value(m, rlim[i].rlim_max);
		if (lnames[i].unit)
			seq_printf(m, "%-10s", lnames[i].unit);
		seq_write(m, "\n", 1);
	}
}
