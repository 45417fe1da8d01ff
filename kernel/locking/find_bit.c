/* find_bit.c: find_next_bit and find_next_zero_bit of bitops.h: one word at
 * a time, the zero search as the set search of the inverted words. */
#include "locking/bitops.h"

static unsigned long find_next(const unsigned long *addr, unsigned long size, unsigned long offset,
			       unsigned long invert)
{
	if (offset >= size)
		return size;
	unsigned long w = (addr[BIT_WORD(offset)] ^ invert) & (~0UL << (offset % BITS_PER_LONG));
	offset -= offset % BITS_PER_LONG;
	while (!w) {
		offset += BITS_PER_LONG;
		if (offset >= size)
			return size;
		w = addr[BIT_WORD(offset)] ^ invert;
	}
	offset += __ffs(w);
	return offset < size ? offset : size;
}

unsigned long find_next_bit(const unsigned long *addr, unsigned long size, unsigned long offset)
{
	return find_next(addr, size, offset, 0);
}

unsigned long find_next_zero_bit(const unsigned long *addr, unsigned long size, unsigned long offset)
{
	return find_next(addr, size, offset, ~0UL);
}
