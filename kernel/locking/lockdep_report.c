/* lockdep_report.c: the validator's reports, in Linux's words and layout,
 * so that what a student reads here is what Linux's lockdep would print:
 * the task, the locks by class name with where each was taken, the stacks
 * saved when the conflicting dependency or usage was first seen, the
 * current stack, and the locks the task holds. Also the checks that are
 * not about one acquisition: sleeping in atomic context (might_sleep,
 * schedule) and exiting with locks held. Each report turns the validator
 * off (debug_locks_off), the caller having done so. */
#include "locking/lockdep_internal.h"
#include "kernel.h"
#include "locking/irqflags.h"
#include "locking/might_sleep.h"
#include "locking/preempt.h"
#include "proc.h"

static const char *task_name(const struct proc *p)
{
	return p->pid ? p->comm : "swapper";
}

static void print_banner(const char *what)
{
	int n = (int)strlen(what);
	char rule[80];
	memset(rule, '=', sizeof(rule));
	printk(KERN_WARNING "\n%.*s\n%s\n", n < 79 ? n : 79, rule, what);
	memset(rule, '-', sizeof(rule));
	printk(KERN_WARNING "%.*s\n", n < 79 ? n : 79, rule);
}

static void print_lock_prefixed(const char *prefix, const struct held_lock *h)
{
	printk(KERN_WARNING "%s%p (%s){%s}, at: %pS\n", prefix, (void *)h->map, h->class->name,
	       h->read ? "read" : h->class->kind == LD_SLEEP ? "mutex" : "spin", (void *)h->acquire_ip);
}

static void print_lock(const struct held_lock *h)
{
	print_lock_prefixed("", h);
}

void lockdep_print_held_locks(const struct proc *p)
{
	int n = p->lockdep.depth;
	if (!n) {
		printk(KERN_WARNING "no locks held by %s/%d.\n", task_name(p), p->pid);
		return;
	}
	printk(KERN_WARNING "%d lock%s held by %s/%d:\n", n, n > 1 ? "s" : "", task_name(p), p->pid);
	for (int i = 0; i < n; i++) {
		char prefix[8];
		snprintf(prefix, sizeof(prefix), " #%d: ", i);
		print_lock_prefixed(prefix, &p->lockdep.held[i]);
	}
}

static void print_tail(void)
{
	printk(KERN_WARNING "\nturning off the locking correctness validator.\n");
	printk(KERN_WARNING "stack backtrace:\n");
	dump_stack();
}

static void print_trying(const struct held_lock *next)
{
	printk(KERN_WARNING "%s/%d is trying to acquire lock:\n", task_name(current), current->pid);
	print_lock(next);
}

void print_circular_bug(struct held_lock *prev, struct held_lock *next)
{
	int path[16];
	int n = lockdep_path(next->class, prev->class, path, 16);
	print_banner("WARNING: possible circular locking dependency detected");
	print_trying(next);
	printk(KERN_WARNING "\nbut task is already holding lock:\n");
	print_lock(prev);
	printk(KERN_WARNING "\nwhich lock already depends on the new lock.\n\n");
	printk(KERN_WARNING "\nthe existing dependency chain (in reverse order) is:\n");
	for (int i = 0; i < n; i++) {
		const struct lock_dep *d = &lock_deps[path[i]];
		printk(KERN_WARNING "\n-> #%d (%s){...}: taken at %pS while holding (%s), taken at %pS:\n",
		       n - i, lock_classes[d->to].name, (void *)d->to_ip, lock_classes[d->from].name,
		       (void *)d->from_ip);
		stack_trace_print(d->trace.entries, d->trace.nr, 7);
	}
	printk(KERN_WARNING "\n-> #0 (%s){...}: taken now, at %pS, while holding (%s)\n",
	       next->class->name, (void *)next->acquire_ip, prev->class->name);
	printk(KERN_WARNING "\nother info that might help us debug this:\n\n");
	printk(KERN_WARNING " Possible unsafe locking scenario:\n\n");
	printk(KERN_WARNING "       CPU0                    CPU1\n");
	printk(KERN_WARNING "       ----                    ----\n");
	printk(KERN_WARNING "  lock(%s);\n", prev->class->name);
	printk(KERN_WARNING "                               lock(%s);\n", next->class->name);
	printk(KERN_WARNING "                               lock(%s);\n", prev->class->name);
	printk(KERN_WARNING "  lock(%s);\n", next->class->name);
	printk(KERN_WARNING "\n *** DEADLOCK ***\n\n");
	lockdep_print_held_locks(current);
	print_tail();
}

void print_deadlock_bug(struct held_lock *prev, struct held_lock *next)
{
	print_banner("WARNING: possible recursive locking detected");
	print_trying(next);
	printk(KERN_WARNING "\nbut task is already holding lock:\n");
	print_lock(prev);
	printk(KERN_WARNING "\nother info that might help us debug this:\n");
	printk(KERN_WARNING " Possible unsafe locking scenario:\n\n");
	printk(KERN_WARNING "       CPU0\n       ----\n  lock(%s);\n  lock(%s);\n",
	       prev->class->name, next->class->name);
	printk(KERN_WARNING "\n *** DEADLOCK ***\n\n");
	printk(KERN_WARNING " May be due to missing lock nesting notation\n\n");
	lockdep_print_held_locks(current);
	print_tail();
}

static const char *const usage_names[LOCK_USAGE_STATES] = {
	[LOCK_USED_IN_HARDIRQ] = "IN-HARDIRQ-W",
	[LOCK_USED_IN_HARDIRQ_READ] = "IN-HARDIRQ-R",
	[LOCK_ENABLED_HARDIRQ] = "HARDIRQ-ON-W",
	[LOCK_ENABLED_HARDIRQ_READ] = "HARDIRQ-ON-R",
};

void print_usage_bug(struct held_lock *h, int prev_bit, int new_bit)
{
	print_banner("WARNING: inconsistent lock state");
	printk(KERN_WARNING "inconsistent {%s} -> {%s} usage.\n", usage_names[prev_bit], usage_names[new_bit]);
	printk(KERN_WARNING "%s/%d [HC%d[%d]:SC0[0]:HE%d:SE1] takes:\n", task_name(current), current->pid,
	       !!in_irq(), hardirq_count() >> HARDIRQ_SHIFT, new_bit >= LOCK_ENABLED_HARDIRQ);
	print_lock(h);
	printk(KERN_WARNING "{%s} state was registered at:\n", usage_names[prev_bit]);
	const struct lockdep_trace *t = &h->class->usage_trace[prev_bit];
	stack_trace_print(t->entries, t->nr, 2);
	printk(KERN_WARNING "\nother info that might help us debug this:\n");
	printk(KERN_WARNING " Possible unsafe locking scenario:\n\n");
	printk(KERN_WARNING "       CPU0\n       ----\n  lock(%s);\n  <Interrupt>\n    lock(%s);\n",
	       h->class->name, h->class->name);
	printk(KERN_WARNING "\n *** DEADLOCK ***\n\n");
	lockdep_print_held_locks(current);
	print_tail();
}

void print_unlock_imbalance_bug(struct lockdep_map *map, unsigned long ip)
{
	print_banner("WARNING: bad unlock balance detected!");
	printk(KERN_WARNING "%s/%d is trying to release lock (%s) at:\n%pS\n", task_name(current),
	       current->pid, map->name ? map->name : "(unnamed)", (void *)ip);
	printk(KERN_WARNING "but there are no more locks to release!\n");
	printk(KERN_WARNING "\nother info that might help us debug this:\n");
	lockdep_print_held_locks(current);
	print_tail();
}

void debug_check_no_locks_held(void)
{
	if (!current->lockdep.depth || !debug_locks_off())
		return;
	char what[64];
	snprintf(what, sizeof(what), "WARNING: %s/%d still has locks held!", task_name(current), current->pid);
	print_banner(what);
	lockdep_print_held_locks(current);
	print_tail();
}

/* The sleeping rule's report; `at` says where the sleep was asked for. */
static void print_sleep_bug(const char *at)
{
	printk(KERN_ERR "BUG: sleeping function called from invalid context at %s\n", at);
	printk(KERN_ERR "in_atomic(): %d, irqs_disabled(): %d, non_block: 0, pid: %d, name: %s\n",
	       in_atomic(), irqs_disabled(), current->pid, task_name(current));
	printk(KERN_ERR "preempt_count: %x, expected: 0\n", preempt_count());
	lockdep_print_held_locks(current);
	print_tail();
}

static bool atomic_context(bool irqs_off_too)
{
	return preempt_count() != 0 || lockdep_spin_depth(current) != 0 ||
	       (irqs_off_too && irqs_disabled());
}

void __might_sleep(const char *file, int line)
{
	if (!debug_locks || !atomic_context(true) || !debug_locks_off())
		return;
	char at[96];
	snprintf(at, sizeof(at), "%s:%d", file, line);
	print_sleep_bug(at);
}

/* schedule() runs with interrupts off, by its own callers' choice, so only
 * what a spinning lock (or an interrupt handler) forbids counts here. */
void lockdep_check_schedule(unsigned long ip)
{
	if (!debug_locks || !atomic_context(false) || !debug_locks_off())
		return;
	char at[96];
	snprintf(at, sizeof(at), "%pS", (void *)ip);
	print_sleep_bug(at);
}
