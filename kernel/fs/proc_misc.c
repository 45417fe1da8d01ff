/* proc_misc.c: the system-wide files in /proc: meminfo (page allocator
 * totals, for leak tests) and uptime; mounts are mounts.c's. */
#include "kernel.h"
#include "initcall.h"
#include "mm/kmalloc.h"
#include "mm/pmm.h"
#include "fs/procfs.h"
#include "fs/seq_file.h"
#include "x86/timer.h"
#include "uapi/errno.h"

static int meminfo_show(struct seq_file *m, void *v)
{
	(void)v;
	unsigned total = (unsigned)pmm_total_pages() * (PGSIZE / 1024);
	unsigned free = (unsigned)pmm_free_pages() * (PGSIZE / 1024);
	seq_printf(m, "%-16s%8u kB\n", "MemTotal:", total);
	seq_printf(m, "%-16s%8u kB\n", "MemFree:", free);
	seq_printf(m, "%-16s%8u kB\n", "MemAvailable:", free);
	/* No page cache (ramfs data is in the heap, under Slab) and no swap. */
	seq_printf(m, "%-16s%8u kB\n", "Buffers:", 0u);
	seq_printf(m, "%-16s%8u kB\n", "Cached:", 0u);
	seq_printf(m, "%-16s%8u kB\n", "SwapTotal:", 0u);
	seq_printf(m, "%-16s%8u kB\n", "SwapFree:", 0u);
	seq_printf(m, "%-16s%8u kB\n", "Slab:", (unsigned)(kmalloc_in_use() / 1024));
	return 0;
}

static int uptime_show(struct seq_file *m, void *v)
{
	(void)v;
	uint64_t cs = monotonic_ns() / 10000000;        /* hundredths of a second */
	unsigned sec = (unsigned)(cs / 100), frac = (unsigned)(cs % 100);
	seq_printf(m, "%u.%02u %u.%02u\n", sec, frac, sec, frac);
	return 0;
}

static int proc_misc_init(void)
{
	bool ok = proc_create_single("meminfo", 0444, NULL, meminfo_show) &&
		  proc_create_single("uptime", 0444, NULL, uptime_show);
	return ok ? 0 : -ENOMEM;
}
fs_initcall(proc_misc_init);
