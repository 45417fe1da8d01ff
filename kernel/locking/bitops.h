/* bitops.h: Linux's bit operations on arrays of unsigned long. The plain
 * forms are locked x86 instructions (atomic on SMP); the __ forms are the
 * same without the lock prefix, for data no other CPU touches. find_*_bit
 * are in find_bit.c. */
#ifndef LOCKING_BITOPS_H
#define LOCKING_BITOPS_H

#include <stdbool.h>

#define BITS_PER_LONG 32
#define BIT(nr) (1UL << (nr))
#define BIT_MASK(nr) (1UL << ((nr) % BITS_PER_LONG))
#define BIT_WORD(nr) ((nr) / BITS_PER_LONG)
#define BITS_TO_LONGS(nr) (((nr) + BITS_PER_LONG - 1) / BITS_PER_LONG)
#define DECLARE_BITMAP(name, bits) unsigned long name[BITS_TO_LONGS(bits)]

/* bt* with a bit offset in a register addresses any word from addr (an
 * immediate one would stay in the first word), so nr is always "r" and the
 * memory operand stands for the whole array. */
#define BITOP_ADDR(addr) "+m"(*(volatile long *)(addr))

/* One instruction on bit nr; lock is "lock; " for the atomic forms. The
 * test_and forms return the old value of the bit, from the carry flag. */
#define BITOP(name, insn, lock)                                                 \
	static inline void name(long nr, volatile unsigned long *addr)          \
	{                                                                       \
		__asm__ volatile(lock insn " %1, %0" : BITOP_ADDR(addr) : "r"(nr) : "memory"); \
	}
#define TEST_AND_BITOP(name, insn, lock)                                        \
	static inline bool name(long nr, volatile unsigned long *addr)          \
	{                                                                       \
		bool old;                                                       \
		__asm__ volatile(lock insn " %2, %0" : BITOP_ADDR(addr), "=@ccc"(old) \
				 : "r"(nr) : "memory");                         \
		return old;                                                     \
	}

BITOP(set_bit, "btsl", "lock; ")
BITOP(clear_bit, "btrl", "lock; ")
BITOP(change_bit, "btcl", "lock; ")
BITOP(__set_bit, "btsl", "")
BITOP(__clear_bit, "btrl", "")
BITOP(__change_bit, "btcl", "")
TEST_AND_BITOP(test_and_set_bit, "btsl", "lock; ")
TEST_AND_BITOP(test_and_clear_bit, "btrl", "lock; ")
TEST_AND_BITOP(test_and_change_bit, "btcl", "lock; ")
TEST_AND_BITOP(__test_and_set_bit, "btsl", "")
TEST_AND_BITOP(__test_and_clear_bit, "btrl", "")

static inline bool test_bit(long nr, const volatile unsigned long *addr)
{
	return (addr[BIT_WORD(nr)] >> (nr % BITS_PER_LONG)) & 1;
}

/* The lowest set bit's index; word must not be 0. */
static inline unsigned long __ffs(unsigned long word)
{
	return (unsigned long)__builtin_ctzl(word);
}

/* The first set (or clear) bit at or after offset, or size when there is none. */
unsigned long find_next_bit(const unsigned long *addr, unsigned long size, unsigned long offset);
unsigned long find_next_zero_bit(const unsigned long *addr, unsigned long size, unsigned long offset);
#define find_first_bit(addr, size) find_next_bit((addr), (size), 0)
#define find_first_zero_bit(addr, size) find_next_zero_bit((addr), (size), 0)

#define for_each_set_bit(bit, addr, size)                                       \
	for ((bit) = find_first_bit((addr), (size)); (bit) < (size);            \
	     (bit) = find_next_bit((addr), (size), (bit) + 1))

#endif
