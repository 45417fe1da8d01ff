/* random.h: the kernel's pseudo-random numbers. */
#ifndef RANDOM_H
#define RANDOM_H

#include <stddef.h>

void get_random_bytes(void *buf, size_t n);

#endif
