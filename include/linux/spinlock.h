/* linux/spinlock.h: Linux's <linux/spinlock.h>: spinlock_t, spin_lock*, DEFINE_SPINLOCK. */
#ifndef _INCLUDE_LINUX_SPINLOCK_H
#define _INCLUDE_LINUX_SPINLOCK_H

#include <locking/spinlock.h>

#endif
