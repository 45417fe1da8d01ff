/* futex.c: the futex calls every pthread object sleeps and wakes with, and __lock, the library's
 * own small lock (Drepper's three-state mutex: 0 free, 1 locked, 2 locked with sleepers). */
#include <limits.h>
#include "pthread_impl.h"

int __futex_wait(volatile int *addr, int val, int shared, clockid_t clk,
		 const struct timespec *abstime, int cp)
{
	/* WAIT_BITSET takes an absolute time, on CLOCK_MONOTONIC unless told it is realtime. */
	int op = FUTEX_WAIT_BITSET | __futex_op(shared) |
		 (abstime && clk == CLOCK_REALTIME ? FUTEX_CLOCK_REALTIME : 0);

	if (cp)
		return (int)__syscall_cp(__NR_futex, (long)addr, op, val, (long)abstime, 0,
					 (long)FUTEX_BITSET_MATCH_ANY);
	return (int)__syscall(__NR_futex, addr, op, val, abstime, 0, FUTEX_BITSET_MATCH_ANY);
}

void __futex_wake(volatile int *addr, int n, int shared)
{
	__syscall(__NR_futex, addr, FUTEX_WAKE | __futex_op(shared), n);
}

void __lock(volatile int *l)
{
	int c = __sync_val_compare_and_swap(l, 0, 1);

	if (c == 0)
		return;
	if (c != 2)
		c = __atomic_exchange_n(l, 2, __ATOMIC_ACQUIRE);
	while (c != 0) {
		__futex_wait(l, 2, 0, CLOCK_MONOTONIC, 0, 0);
		c = __atomic_exchange_n(l, 2, __ATOMIC_ACQUIRE);
	}
}

void __unlock(volatile int *l)
{
	if (__atomic_exchange_n(l, 0, __ATOMIC_RELEASE) == 2)
		__futex_wake(l, 1, 0);
}
