/* lockdep.c: the lock validator, in the spirit of Linux's lockdep (built
 * with LOCKDEP=1, see docs/locking.md). Every lock belongs to a class (its
 * map's key: the init site's static key, or the lock itself). Each task
 * keeps the stack of locks it holds (lockdep_types.h); taking B while
 * holding A records the dependency A -> B once, with the stack trace of
 * that first time. A new dependency that closes a cycle in the graph
 * (a search from B finds A) is a possible deadlock, reported with the
 * saved stacks of the old dependencies and the current one. Each class
 * also remembers whether it was taken in a hardirq handler and whether with
 * interrupts on outside one: both is a deadlock waiting for an interrupt.
 * The reports themselves are in lockdep_report.c. After the first report
 * the checks stop (debug_locks), as in Linux, while the held-lock stacks
 * stay exact, so that lockdep_reset() can start the checks again. */
#include "locking/lockdep_internal.h"
#include "kernel.h"
#include "locking/irqflags.h"
#include "locking/preempt.h"
#include "proc.h"

struct lock_class lock_classes[MAX_LOCKDEP_CLASSES];
struct lock_dep lock_deps[MAX_LOCKDEP_DEPS];
int nr_lock_classes, nr_lock_deps, nr_free_deps;
static int free_deps = -1;              /* deps freed with a module, for reuse */
int debug_locks = 1;
static arch_spinlock_t graph_lock = __ARCH_SPIN_LOCK_UNLOCKED;

bool debug_locks_on(void)
{
	return READ_ONCE(debug_locks) != 0;
}

/* Turns the checks off; whether this caller is the one that did. */
bool debug_locks_off(void)
{
	return __atomic_exchange_n(&debug_locks, 0, __ATOMIC_RELAXED) != 0;
}

void lockdep_reset(void)
{
	WRITE_ONCE(debug_locks, 1);
}

/* Enters the validator: interrupts off, the graph locked, and no validating
 * the validator's own locks (printk's, say). Returns false if re-entered. */
static bool lockdep_enter(uint32_t *flags)
{
	*flags = irq_save();
	if (current->lockdep.recursion) {
		irq_restore(*flags);
		return false;
	}
	current->lockdep.recursion++;
	arch_spin_lock(&graph_lock);
	return true;
}

static void lockdep_exit(uint32_t flags)
{
	arch_spin_unlock(&graph_lock);
	current->lockdep.recursion--;
	irq_restore(flags);
}

void lockdep_init_map(struct lockdep_map *map, const char *name, const struct lock_class_key *key,
		      enum lock_kind kind)
{
	map->name = name;
	map->key = key;
	map->kind = kind;
	map->class_cache = NULL;
}

static const void *map_key(const struct lockdep_map *map)
{
	return map->key ? (const void *)map->key : (const void *)map;
}

static struct lock_class *find_class(const void *key)
{
	for (int i = 0; i < nr_lock_classes; i++)
		if (lock_classes[i].key == key)
			return &lock_classes[i];
	return NULL;
}

static struct lock_class *register_class(struct lockdep_map *map)
{
	const void *key = map_key(map);
	struct lock_class *c = find_class(key);
	if (!c) {
		c = find_class(NULL);           /* a slot a module's class left */
		if (!c) {
			if (nr_lock_classes == MAX_LOCKDEP_CLASSES) {
				if (debug_locks_off())
					printk(KERN_ERR "BUG: MAX_LOCKDEP_CLASSES too low!\n"
					       "turning off the locking correctness validator.\n");
				return NULL;
			}
			c = &lock_classes[nr_lock_classes++];
		}
		memset(c, 0, sizeof(*c));
		c->key = key;
		c->kind = map->kind;
		c->first_dep = -1;
		strlcpy(c->name, map->name ? map->name : "(unnamed)", sizeof(c->name));
	}
	map->class_cache = c;
	return c;
}

static int class_index(const struct lock_class *c)
{
	return (int)(c - lock_classes);
}

static struct lock_dep *find_dep(const struct lock_class *from, const struct lock_class *to)
{
	for (int d = from->first_dep; d >= 0; d = lock_deps[d].next)
		if (lock_deps[d].to == class_index(to))
			return &lock_deps[d];
	return NULL;
}

/* Breadth first from `from`: a path to `to`, as the dependencies of each
 * class on it (via[c]: the dependency that reached class c). */
static int path_via[MAX_LOCKDEP_CLASSES];
static bool find_path(const struct lock_class *from, const struct lock_class *to)
{
	static int queue[MAX_LOCKDEP_CLASSES];
	static bool seen[MAX_LOCKDEP_CLASSES];
	memset(seen, 0, sizeof(seen));
	int head = 0, tail = 0;
	queue[tail++] = class_index(from);
	seen[class_index(from)] = true;
	while (head < tail) {
		int c = queue[head++];
		for (int d = lock_classes[c].first_dep; d >= 0; d = lock_deps[d].next) {
			int n = lock_deps[d].to;
			if (seen[n])
				continue;
			seen[n] = true;
			path_via[n] = d;
			if (n == class_index(to))
				return true;
			queue[tail++] = n;
		}
	}
	return false;
}

/* The dependencies of the path find_path found, from its end back. */
int lockdep_path(const struct lock_class *from, const struct lock_class *to, int *deps, int max)
{
	int n = 0;
	for (int c = class_index(to); c != class_index(from) && n < max; c = lock_deps[path_via[c]].from)
		deps[n++] = path_via[c];
	return n;
}

static void add_dep(struct held_lock *prev, struct held_lock *next)
{
	if (prev->class == next->class || find_dep(prev->class, next->class))
		return;
	if (find_path(next->class, prev->class)) {
		if (debug_locks_off())
			print_circular_bug(prev, next);
		return;
	}
	int d;
	if (free_deps >= 0) {
		d = free_deps;
		free_deps = lock_deps[d].next;
		nr_free_deps--;
	} else if (nr_lock_deps < MAX_LOCKDEP_DEPS) {
		d = nr_lock_deps++;
	} else {
		if (debug_locks_off())
			printk(KERN_ERR "BUG: MAX_LOCKDEP_DEPS too low!\n"
			       "turning off the locking correctness validator.\n");
		return;
	}
	struct lock_dep *dep = &lock_deps[d];
	dep->from = class_index(prev->class);
	dep->to = class_index(next->class);
	dep->from_ip = prev->acquire_ip;
	dep->to_ip = next->acquire_ip;
	dep->trace.nr = stack_trace_save(dep->trace.entries, LOCKDEP_TRACE_LEN, 2);
	dep->next = prev->class->first_dep;
	prev->class->first_dep = d;
}

/* What a usage contradicts: the usages of the other side of the interrupt
 * line (readers taken in an interrupt and with interrupts on may nest). */
static unsigned conflicting(int bit)
{
	switch (bit) {
	case LOCK_USED_IN_HARDIRQ:      return LOCKF_ENABLED_HARDIRQ | LOCKF_ENABLED_HARDIRQ_READ;
	case LOCK_USED_IN_HARDIRQ_READ: return LOCKF_ENABLED_HARDIRQ;
	case LOCK_ENABLED_HARDIRQ:      return LOCKF_USED_IN_HARDIRQ | LOCKF_USED_IN_HARDIRQ_READ;
	default:                        return LOCKF_USED_IN_HARDIRQ;
	}
}

static void mark_usage(struct held_lock *h, bool irqs_on)
{
	if (h->class->kind == LD_SLEEP)
		return;
	int bit;
	if (h->irq_context)
		bit = h->read ? LOCK_USED_IN_HARDIRQ_READ : LOCK_USED_IN_HARDIRQ;
	else if (irqs_on)
		bit = h->read ? LOCK_ENABLED_HARDIRQ_READ : LOCK_ENABLED_HARDIRQ;
	else
		return;
	struct lock_class *c = h->class;
	if (c->usage & (1u << bit))
		return;
	c->usage |= 1u << bit;
	c->usage_trace[bit].nr = stack_trace_save(c->usage_trace[bit].entries, LOCKDEP_TRACE_LEN, 2);
	unsigned bad = c->usage & conflicting(bit);
	if (bad && debug_locks_off())
		print_usage_bug(h, __builtin_ctz(bad), bit);
}

/* The checks of one acquisition, against the locks held before it in the
 * same context (an interrupt handler's locks do not nest in the
 * interrupted code's: it may have interrupted any of them). */
static void validate(struct lockdep_task *t, struct held_lock *h, bool trylock, bool irqs_on)
{
	mark_usage(h, irqs_on);
	for (int i = t->depth - 1; i >= 0 && debug_locks; i--) {
		struct held_lock *prev = &t->held[i];
		if (prev->irq_context != h->irq_context)
			continue;
		if (prev->class == h->class && !trylock &&
		    !(h->read && prev->read && h->class->kind == LD_RWLOCK)) {
			if (debug_locks_off())
				print_deadlock_bug(prev, h);
			return;
		}
	}
	if (trylock)
		return;
	/* Linux's rule: prev -> next for the held locks down to the first
	 * that was not a trylock; the ones below are reached through it. */
	for (int i = t->depth - 1; i >= 0 && debug_locks; i--) {
		struct held_lock *prev = &t->held[i];
		if (prev->irq_context != h->irq_context)
			continue;
		add_dep(prev, h);
		if (!prev->trylock)
			break;
	}
}

void lock_acquire(struct lockdep_map *map, bool read, bool trylock, unsigned long ip)
{
	bool irqs_on = !irqs_disabled();
	uint32_t f;
	if (!lockdep_enter(&f))
		return;
	struct lockdep_task *t = &current->lockdep;
	struct lock_class *c = map->class_cache ? map->class_cache : register_class(map);
	if (!c)
		goto out;
	if (t->depth == MAX_LOCK_DEPTH) {
		if (debug_locks_off())
			printk(KERN_ERR "BUG: MAX_LOCK_DEPTH too low!\n"
			       "turning off the locking correctness validator.\n");
		goto out;
	}
	struct held_lock *h = &t->held[t->depth];
	*h = (struct held_lock){ .map = map, .class = c, .acquire_ip = ip, .read = read,
				 .trylock = trylock, .irq_context = in_irq() };
	if (debug_locks)
		validate(t, h, trylock, irqs_on);
	t->depth++;
out:
	lockdep_exit(f);
}

void lock_release(struct lockdep_map *map, unsigned long ip)
{
	uint32_t f;
	if (!lockdep_enter(&f))
		return;
	struct lockdep_task *t = &current->lockdep;
	int i = t->depth - 1;
	while (i >= 0 && t->held[i].map != map)
		i--;
	if (i < 0) {
		if (debug_locks_off())
			print_unlock_imbalance_bug(map, ip);
	} else {
		t->depth--;
		memmove(&t->held[i], &t->held[i + 1], (t->depth - i) * sizeof(t->held[0]));
	}
	lockdep_exit(f);
}

int lockdep_spin_depth(const struct proc *p)
{
	int n = 0;
	for (int i = 0; i < p->lockdep.depth; i++)
		n += p->lockdep.held[i].class->kind != LD_SLEEP;
	return n;
}

/* A module's classes go with its memory: their keys (and a DEFINE_*
 * lock's own map) are in it, and another module may load there next. */
void lockdep_free_key_range(const void *start, unsigned long size)
{
	uint32_t f;
	if (!lockdep_enter(&f))
		return;
	const char *lo = start, *hi = lo + size;
	bool gone[MAX_LOCKDEP_CLASSES] = { false };
	for (int i = 0; i < nr_lock_classes; i++) {
		const char *k = lock_classes[i].key;
		gone[i] = k >= lo && k < hi;
	}
	for (int i = 0; i < nr_lock_classes; i++) {
		int *link = &lock_classes[i].first_dep;
		while (*link >= 0) {
			int d = *link;
			if (gone[i] || gone[lock_deps[d].to]) {
				*link = lock_deps[d].next;
				lock_deps[d].from = -1;
				lock_deps[d].next = free_deps;
				free_deps = d;
				nr_free_deps++;
			} else {
				link = &lock_deps[d].next;
			}
		}
		if (gone[i])
			lock_classes[i].key = NULL;
	}
	lockdep_exit(f);
}
