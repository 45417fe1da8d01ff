/* linux/completion.h: Linux's <linux/completion.h>: struct completion, wait_for_completion*, complete*. */
#ifndef _INCLUDE_LINUX_COMPLETION_H
#define _INCLUDE_LINUX_COMPLETION_H

#include <locking/completion.h>

#endif
