/* linux/rwlock.h: Linux's <linux/rwlock.h>: rwlock_t, read_lock*, write_lock*, DEFINE_RWLOCK. */
#ifndef _INCLUDE_LINUX_RWLOCK_H
#define _INCLUDE_LINUX_RWLOCK_H

#include <locking/rwlock.h>

#endif
