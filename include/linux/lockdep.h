/* linux/lockdep.h: Linux's <linux/lockdep.h>: struct lock_class_key and the validator's hooks. */
#ifndef _INCLUDE_LINUX_LOCKDEP_H
#define _INCLUDE_LINUX_LOCKDEP_H

#include <locking/lockdep.h>

#endif
