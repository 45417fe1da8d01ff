/* waitqueue.h: Linux-style wait queues. A sleeper queues itself, marks itself
 * sleeping, re-checks its condition, and only then gives up the CPU; a waker
 * makes every queued non-exclusive sleeper runnable and at most one exclusive
 * one. See waitqueue.c for the interrupt discipline that keeps wake-ups from
 * being lost. */
#ifndef WAITQUEUE_H
#define WAITQUEUE_H

#include <stdbool.h>
#include "errno.h"
#include "list.h"
#include "locking/spinlock.h"

struct proc;

struct wait_queue_head {
	struct list_head head;
	spinlock_t lock;                /* the list and its entries' links (waitqueue.c) */
};
typedef struct wait_queue_head wait_queue_head_t;

struct wait_queue_entry {
	struct proc *proc;
	bool exclusive;
	struct list_head link;
};

#define TASK_RUNNING         0
#define TASK_INTERRUPTIBLE   1
#define TASK_UNINTERRUPTIBLE 2
#define TASK_STOPPED         4  /* in a group stop (jobctl.c): only SIGCONT or SIGKILL wakes it */

#define __WAIT_QUEUE_HEAD_INITIALIZER(name) { LIST_HEAD_INIT(name.head), __SPIN_LOCK_UNLOCKED(name.lock) }
#define DECLARE_WAIT_QUEUE_HEAD(name) struct wait_queue_head name = __WAIT_QUEUE_HEAD_INITIALIZER(name)

void init_waitqueue_head(struct wait_queue_head *wq);
void init_wait_entry(struct wait_queue_entry *w);
void prepare_to_wait(struct wait_queue_head *wq, struct wait_queue_entry *w, int state);
void prepare_to_wait_exclusive(struct wait_queue_head *wq, struct wait_queue_entry *w, int state);
void finish_wait(struct wait_queue_head *wq, struct wait_queue_entry *w);
bool waitqueue_active(struct wait_queue_head *wq);

void wake_up(struct wait_queue_head *wq);               /* all non-exclusive + one exclusive */
void wake_up_interruptible(struct wait_queue_head *wq); /* the same, interruptible sleepers only */
void wake_up_all(struct wait_queue_head *wq);           /* everyone, exclusive or not */
/* wake_up_interruptible by a waker that is about to sleep: no preemption. */
void wake_up_interruptible_sync(struct wait_queue_head *wq);

/* Gives up the CPU until woken or until `timeout` ticks pass (< 0: no timeout).
 * Returns the ticks left (0 if it timed out). */
long schedule_timeout(long timeout);
bool signal_pending_current(void);

/* wait_event*(wq, condition): sleep until condition is true.
 * _interruptible: 0, or -ERESTARTSYS when a signal arrived first.
 * _timeout: ticks left (at least 1) when condition became true, 0 on timeout. */
#define __wait_event(wq, cond, state, excl, timeout, intr) ({                   \
	long __t = (timeout);           /* ticks left; < 0: no timeout */       \
	long __ret;                                                             \
	struct wait_queue_entry __w;                                            \
	init_wait_entry(&__w);                                                  \
	for (;;) {                                                              \
		if (excl)                                                       \
			prepare_to_wait_exclusive(&(wq), &__w, state);          \
		else                                                            \
			prepare_to_wait(&(wq), &__w, state);                    \
		if (cond) {                                                     \
			__ret = __t > 0 ? __t : 1;                              \
			break;                                                  \
		}                                                               \
		if ((intr) && signal_pending_current()) {                       \
			__ret = -ERESTARTSYS;                                   \
			break;                                                  \
		}                                                               \
		if (__t == 0) {                                                 \
			__ret = 0;                                              \
			break;                                                  \
		}                                                               \
		__t = schedule_timeout(__t);                                    \
	}                                                                       \
	finish_wait(&(wq), &__w);                                               \
	__ret; })

#define wait_event(wq, cond) \
	((void)__wait_event(wq, cond, TASK_UNINTERRUPTIBLE, false, -1L, false))
#define wait_event_interruptible(wq, cond) ({                                   \
	long __r = __wait_event(wq, cond, TASK_INTERRUPTIBLE, false, -1L, true);\
	(int)(__r < 0 ? __r : 0); })
#define wait_event_interruptible_exclusive(wq, cond) ({                         \
	long __r = __wait_event(wq, cond, TASK_INTERRUPTIBLE, true, -1L, true); \
	(int)(__r < 0 ? __r : 0); })
#define wait_event_timeout(wq, cond, ticks) \
	__wait_event(wq, cond, TASK_UNINTERRUPTIBLE, false, (long)(ticks), false)
#define wait_event_interruptible_timeout(wq, cond, ticks) \
	__wait_event(wq, cond, TASK_INTERRUPTIBLE, false, (long)(ticks), true)

#endif
