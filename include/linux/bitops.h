/* linux/bitops.h: Linux's <linux/bitops.h>: set_bit, test_and_set_bit, find_first_bit and the rest. */
#ifndef _INCLUDE_LINUX_BITOPS_H
#define _INCLUDE_LINUX_BITOPS_H

#include <locking/bitops.h>

#endif
