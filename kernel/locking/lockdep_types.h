/* lockdep_types.h: what every lock carries for the validator (lockdep.c):
 * Linux's struct lock_class_key and struct lockdep_map. A lock's class is
 * named by a key: the static key its init macro declares at the init site
 * (every lock initialised there is one class), or, for a lock defined with
 * DEFINE_*, the lock itself. Without CONFIG_LOCKDEP the map is empty and
 * the locks are as small as the kernel without a validator. */
#ifndef LOCKING_LOCKDEP_TYPES_H
#define LOCKING_LOCKDEP_TYPES_H

struct lock_class_key {
	char unused;                    /* its address is the class's identity */
};

/* The init macros' body: a static key at the call site, so that every lock
 * initialised there is one class, named as the code names the lock. */
#define __lock_init_with_key(init, lock) do {                                   \
	static struct lock_class_key __key;                                     \
	init((lock), #lock, &__key);                                            \
} while (0)

/* What kind of lock a class is: how the validator treats it. */
enum lock_kind {
	LD_SPIN,                        /* spinning: no sleeping while held */
	LD_RWLOCK,                      /* spinning reader-writer: readers may nest */
	LD_SLEEP,                       /* mutex: may sleep while held */
};

#ifdef CONFIG_LOCKDEP
struct lock_class;
struct lockdep_map {
	const struct lock_class_key *key;       /* NULL: the map itself (DEFINE_*) */
	const char *name;
	struct lock_class *class_cache;
	unsigned char kind;                     /* enum lock_kind */
};
/* A lock the task holds, and where it took it. */
struct held_lock {
	struct lockdep_map *map;
	struct lock_class *class;
	unsigned long acquire_ip;
	unsigned char read, trylock;
	unsigned char irq_context;      /* taken in a hardirq handler */
};
#define MAX_LOCK_DEPTH 24
/* struct proc's: the locks it holds, in the order it took them. */
struct lockdep_task {
	int depth;
	int recursion;                  /* inside the validator: its own locks are not validated */
	struct held_lock held[MAX_LOCK_DEPTH];
};
#define STATIC_LOCKDEP_MAP_INIT(n, k, kd) { .key = (k), .name = (n), .kind = (kd) }
#define __DEP_MAP_INIT(n, k, kd) .dep_map = STATIC_LOCKDEP_MAP_INIT(n, k, kd),
#else
struct lockdep_map {
};
struct lockdep_task {
};
#define __DEP_MAP_INIT(n, k, kd)
#endif

#endif
