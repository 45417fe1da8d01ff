/* linux/semaphore.h: Linux's <linux/semaphore.h>: struct semaphore, sema_init, down*, up. */
#ifndef _INCLUDE_LINUX_SEMAPHORE_H
#define _INCLUDE_LINUX_SEMAPHORE_H

#include <locking/semaphore.h>

#endif
