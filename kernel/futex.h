/* futex.h: what the rest of the kernel asks of futex.c. */
#ifndef FUTEX_H
#define FUTEX_H

#include <stdbool.h>
#include <stdint.h>

/* Wakes up to nr (at least one, as Linux) waiters on the word at uaddr whose
 * bitset meets bitset: the count woken, or -EINVAL/-EFAULT. */
int futex_wake(uint32_t uaddr, bool shared, int nr, uint32_t bitset);

#endif
