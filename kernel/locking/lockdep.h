/* lockdep.h: the validator's hooks (lockdep.c), called by the lock
 * operations with the caller's return address: empty inline functions
 * without CONFIG_LOCKDEP, so that the locks cost nothing more then. */
#ifndef LOCKING_LOCKDEP_H
#define LOCKING_LOCKDEP_H

#include <stdbool.h>
#include "locking/lockdep_types.h"

struct proc;

#define _RET_IP_ ((unsigned long)__builtin_return_address(0))
#define _THIS_IP_ ({ __label__ __here; __here: (unsigned long)&&__here; })

#ifdef CONFIG_LOCKDEP
void lockdep_init_map(struct lockdep_map *map, const char *name, const struct lock_class_key *key,
		      enum lock_kind kind);
/* read: a reader's acquisition (readers of one class may nest); trylock:
 * it cannot deadlock, so it adds no ordering. */
void lock_acquire(struct lockdep_map *map, bool read, bool trylock, unsigned long ip);
void lock_release(struct lockdep_map *map, unsigned long ip);
/* Every held lock and sleeping rule: at a task's exit and in schedule(). */
void debug_check_no_locks_held(void);
void lockdep_check_schedule(unsigned long ip);
/* Forgets the classes whose keys are in [start, start + size): an unloaded module's. */
void lockdep_free_key_range(const void *start, unsigned long size);
/* The spinning locks the current task holds (the sleeping rule). */
int lockdep_spin_depth(const struct proc *p);
void lockdep_print_held_locks(const struct proc *p);
/* Whether the validator still runs; a KTEST that provoked a report turns it back on. */
bool debug_locks_on(void);
void lockdep_reset(void);
#define lockdep_init_map_kind(map, name, key, kind) lockdep_init_map(map, name, key, kind)
#else
static inline void lock_acquire(struct lockdep_map *map, bool read, bool trylock, unsigned long ip)
{
	(void)map; (void)read; (void)trylock; (void)ip;
}
static inline void lock_release(struct lockdep_map *map, unsigned long ip)
{
	(void)map; (void)ip;
}
static inline void debug_check_no_locks_held(void) {}
static inline void lockdep_check_schedule(unsigned long ip)
{
	(void)ip;
}
static inline void lockdep_free_key_range(const void *start, unsigned long size)
{
	(void)start; (void)size;
}
#define lockdep_init_map_kind(map, name, key, kind) ((void)(map), (void)(name), (void)(key))
#endif

#endif
