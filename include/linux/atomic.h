/* linux/atomic.h: Linux's <linux/atomic.h>: atomic_t and its operations. */
#ifndef _INCLUDE_LINUX_ATOMIC_H
#define _INCLUDE_LINUX_ATOMIC_H

#include <locking/atomic.h>

#endif
