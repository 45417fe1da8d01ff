/* lockdep_proc.c: the validator seen from user space, as Linux shows it:
 * /proc/lockdep lists each class with its dependency counts (FD forward,
 * BD backward), its usage ({W R}: '+' taken with hardirqs on, '-' in a
 * hardirq handler, '?' both, '.' neither) and the classes it was held
 * while taking; /proc/lockdep_stats the totals, the limits and whether the
 * validator is still on (debug_locks: 0 after a report). Read without the
 * graph's lock: indices stay in bounds, so a racing change only makes one
 * read stale. */
#include "locking/lockdep_internal.h"
#include "kernel.h"
#include "initcall.h"
#include "fs/procfs.h"
#include "fs/seq_file.h"
#include "uapi/errno.h"

static char usage_char(unsigned usage, int in_bit, int on_bit)
{
	bool in = usage & (1u << in_bit), on = usage & (1u << on_bit);
	return in && on ? '?' : in ? '-' : on ? '+' : '.';
}

static int count_deps(int class, bool forward)
{
	int n = 0;
	for (int d = 0; d < nr_lock_deps; d++)
		n += lock_deps[d].from >= 0 && (forward ? lock_deps[d].from : lock_deps[d].to) == class;
	return n;
}

static int lockdep_show(struct seq_file *m, void *v)
{
	(void)v;
	for (int i = 0; i < nr_lock_classes; i++) {
		const struct lock_class *c = &lock_classes[i];
		if (!c->key)
			continue;
		seq_printf(m, "%08x FD: %4d BD: %4d {%c%c}: %s\n", (unsigned)(uintptr_t)c->key,
			   count_deps(i, true), count_deps(i, false),
			   usage_char(c->usage, LOCK_USED_IN_HARDIRQ, LOCK_ENABLED_HARDIRQ),
			   usage_char(c->usage, LOCK_USED_IN_HARDIRQ_READ, LOCK_ENABLED_HARDIRQ_READ), c->name);
		for (int d = c->first_dep; d >= 0; d = lock_deps[d].next)
			seq_printf(m, " -> [%08x] %s\n", (unsigned)(uintptr_t)lock_classes[lock_deps[d].to].key,
				   lock_classes[lock_deps[d].to].name);
		seq_printf(m, "\n");
	}
	return 0;
}

static int lockdep_stats_show(struct seq_file *m, void *v)
{
	(void)v;
	int classes = 0;
	for (int i = 0; i < nr_lock_classes; i++)
		classes += lock_classes[i].key != NULL;
	seq_printf(m, " lock-classes:%27d [max: %d]\n", classes, MAX_LOCKDEP_CLASSES);
	seq_printf(m, " direct dependencies:%20d [max: %d]\n", nr_lock_deps - nr_free_deps, MAX_LOCKDEP_DEPS);
	seq_printf(m, " debug_locks:%28d\n", debug_locks);
	return 0;
}

static int lockdep_proc_init(void)
{
	bool ok = proc_create_single("lockdep", 0400, NULL, lockdep_show) &&
		  proc_create_single("lockdep_stats", 0400, NULL, lockdep_stats_show);
	return ok ? 0 : -ENOMEM;
}
fs_initcall(lockdep_proc_init);
