/* linux/wait.h: Linux's <linux/wait.h>: wait queues, wait_event*, wake_up*. */
#ifndef _INCLUDE_LINUX_WAIT_H
#define _INCLUDE_LINUX_WAIT_H

#include <waitqueue.h>

#endif
