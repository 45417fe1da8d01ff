/* uapi/lock_test.h: /dev/lock_test (misc, dynamic minor), a test driver for
 * the kernel's locks (drivers/test/lock_test.c): one mutex that HOLD keeps
 * while it sleeps until the generation moves (so exclusion can be watched
 * from user space with no timing), one counting semaphore, and a run of
 * atomic_t and spinlock checks. Built for Linux too (tools/linux-test). */
#ifndef UAPI_LOCK_TEST_H
#define UAPI_LOCK_TEST_H

#include "ioctl.h"

#define LOCK_TEST_PATH "/dev/lock_test"

#define LOCK_TEST_MAGIC 'L'

/* arg: a generation the caller saw. Takes the mutex (mutex_lock_interruptible),
 * then sleeps holding it until the generation differs, then lets it go:
 * 0, or -1/EINTR when a signal came first (in either wait). */
#define LOCK_TEST_HOLD           _IO(LOCK_TEST_MAGIC, 0)
/* Bumps the generation and wakes the holder; returns the new generation. */
#define LOCK_TEST_RELEASE        _IO(LOCK_TEST_MAGIC, 1)
#define LOCK_TEST_GENERATION     _IO(LOCK_TEST_MAGIC, 2)
/* mutex_trylock's result (1 taken, 0 held by someone); a taken mutex is let go at once. */
#define LOCK_TEST_MUTEX_TRYLOCK  _IO(LOCK_TEST_MAGIC, 3)
#define LOCK_TEST_MUTEX_LOCKED   _IO(LOCK_TEST_MAGIC, 4)  /* mutex_is_locked */
#define LOCK_TEST_INSIDE         _IO(LOCK_TEST_MAGIC, 5)  /* HOLDs that have the mutex now */
#define LOCK_TEST_MAX_INSIDE     _IO(LOCK_TEST_MAGIC, 6)  /* the most there ever were at once */
/* mutex_lock_interruptible and, once taken, mutex_unlock: 0, or -1/EINTR. */
#define LOCK_TEST_MUTEX_LOCK     _IO(LOCK_TEST_MAGIC, 7)
/* sema_init(arg); down_interruptible (0 or -1/EINTR), down_trylock (0 took
 * a unit, 1 none left), up. */
#define LOCK_TEST_SEMA_INIT      _IO(LOCK_TEST_MAGIC, 8)
#define LOCK_TEST_DOWN           _IO(LOCK_TEST_MAGIC, 9)
#define LOCK_TEST_DOWN_TRYLOCK   _IO(LOCK_TEST_MAGIC, 10)
#define LOCK_TEST_UP             _IO(LOCK_TEST_MAGIC, 11)
/* Runs the atomic_t and spinlock checks: 0, or the number of the first that failed. */
#define LOCK_TEST_ATOMIC         _IO(LOCK_TEST_MAGIC, 12)

#endif
