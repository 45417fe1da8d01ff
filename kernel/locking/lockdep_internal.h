/* lockdep_internal.h: what lockdep.c (the graph and the checks),
 * lockdep_report.c (the reports) and lockdep_proc.c (/proc/lockdep) share:
 * the classes, the dependencies and their saved stack traces. */
#ifndef LOCKING_LOCKDEP_INTERNAL_H
#define LOCKING_LOCKDEP_INTERNAL_H

#include "locking/lockdep.h"
#include "locking/spinlock.h"
#include "x86/dumpstack.h"

#define MAX_LOCKDEP_CLASSES 512
#define MAX_LOCKDEP_DEPS    2048
#define LOCKDEP_TRACE_LEN   12

struct lockdep_trace {
	int nr;
	unsigned long entries[LOCKDEP_TRACE_LEN];
};

/* The usages of a class (Linux's names): taken in a hardirq handler, or
 * with hardirqs on outside one; as a writer or as a reader. */
enum {
	LOCK_USED_IN_HARDIRQ,
	LOCK_USED_IN_HARDIRQ_READ,
	LOCK_ENABLED_HARDIRQ,
	LOCK_ENABLED_HARDIRQ_READ,
	LOCK_USAGE_STATES
};
#define LOCKF_USED_IN_HARDIRQ      (1u << LOCK_USED_IN_HARDIRQ)
#define LOCKF_USED_IN_HARDIRQ_READ (1u << LOCK_USED_IN_HARDIRQ_READ)
#define LOCKF_ENABLED_HARDIRQ      (1u << LOCK_ENABLED_HARDIRQ)
#define LOCKF_ENABLED_HARDIRQ_READ (1u << LOCK_ENABLED_HARDIRQ_READ)

struct lock_class {
	const void *key;                /* NULL: a free slot */
	char name[48];                  /* copied: a module's strings go with it */
	enum lock_kind kind;
	unsigned usage;                 /* LOCKF_* */
	struct lockdep_trace usage_trace[LOCK_USAGE_STATES];   /* where each usage was first seen */
	int first_dep;                  /* the dependencies from this class: an index into lock_deps */
};

/* "from was held while to was taken", first seen with trace. */
struct lock_dep {
	int from, to;                   /* indices into lock_classes */
	int next;                       /* from's next dependency, or -1 */
	unsigned long from_ip, to_ip;   /* where each was taken that time */
	struct lockdep_trace trace;
};

extern struct lock_class lock_classes[MAX_LOCKDEP_CLASSES];
extern struct lock_dep lock_deps[MAX_LOCKDEP_DEPS];
extern int nr_lock_classes, nr_lock_deps, nr_free_deps;
extern int debug_locks;

bool debug_locks_off(void);
/* After find_path(from, to) succeeded: its dependencies, the last first. */
int lockdep_path(const struct lock_class *from, const struct lock_class *to, int *deps, int max);

void print_circular_bug(struct held_lock *prev, struct held_lock *next);
void print_deadlock_bug(struct held_lock *prev, struct held_lock *next);
void print_usage_bug(struct held_lock *h, int prev_bit, int new_bit);
void print_unlock_imbalance_bug(struct lockdep_map *map, unsigned long ip);

#endif
