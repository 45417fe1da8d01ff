/* linux/compiler.h: Linux's <linux/compiler.h>: barrier, READ_ONCE, WRITE_ONCE. */
#ifndef _INCLUDE_LINUX_COMPILER_H
#define _INCLUDE_LINUX_COMPILER_H

#include <locking/barrier.h>

#endif
