/* linux/spinlock.h: Linux's <linux/spinlock.h>: spinlock_t, spin_lock*, DEFINE_SPINLOCK; rwlock_t too, as Linux's includes it. */
#ifndef _INCLUDE_LINUX_SPINLOCK_H
#define _INCLUDE_LINUX_SPINLOCK_H

#include <locking/spinlock.h>
#include <locking/rwlock.h>

#endif
