/* linux/mutex.h: Linux's <linux/mutex.h>: struct mutex, mutex_lock*, DEFINE_MUTEX. */
#ifndef _INCLUDE_LINUX_MUTEX_H
#define _INCLUDE_LINUX_MUTEX_H

#include <locking/mutex.h>

#endif
