/* linux/atomic.h: Linux's <linux/atomic.h>: atomic_t, atomic_long_t and their operations. */
#ifndef _INCLUDE_LINUX_ATOMIC_H
#define _INCLUDE_LINUX_ATOMIC_H

#include <locking/atomic.h>

#endif
