/* hammer_futex: a futex-based lock (Drepper's three-state mutex: 0 free,
 * 1 taken, 2 taken with sleepers) that 4 threads take ROUNDS times each to
 * increment a plain counter: the total is exact, so no two threads were
 * ever inside at once and no FUTEX_WAKE was lost (a lost one would leave a
 * thread asleep: the waits are bounded by a timeout, counted as a failure).
 * Then 4 threads wait on one futex word that a fifth thread moves and
 * wakes: every waiter comes back. */
#include "hammer.h"

#include <stdbool.h>
#include <stdint.h>

#include <uapi/futex.h>

#define THREADS 4
#define ROUNDS 20000

static int word;                /* the lock: 0, 1 or 2 */
static long counter;            /* under word */
static int timeouts;

/* The i386 futex call's own 32-bit timespec, the same under both libcs;
 * futex() gives the raw result (-errno on failure). */
struct ts32 {
	int32_t sec, nsec;
};
static const struct ts32 limit = { 5, 0 };

static long futex(int *addr, int op, int val, const struct ts32 *ts)
{
	return raw_syscall6(__NR_futex, (long)addr, op | FUTEX_PRIVATE_FLAG, val, (long)ts, 0, 0);
}

static int cmpxchg(int *p, int old, int new)
{
	__atomic_compare_exchange_n(p, &old, new, false, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED);
	return old;
}

static void lock(void)
{
	int c = cmpxchg(&word, 0, 1);
	if (c == 0)
		return;
	if (c != 2)
		c = __atomic_exchange_n(&word, 2, __ATOMIC_ACQUIRE);
	while (c != 0) {
		if (futex(&word, FUTEX_WAIT, 2, &limit) == -ETIMEDOUT)
			__atomic_add_fetch(&timeouts, 1, __ATOMIC_RELAXED);
		c = __atomic_exchange_n(&word, 2, __ATOMIC_ACQUIRE);
	}
}

static void unlock(void)
{
	if (__atomic_fetch_sub(&word, 1, __ATOMIC_RELEASE) != 1) {
		__atomic_store_n(&word, 0, __ATOMIC_RELEASE);
		futex(&word, FUTEX_WAKE, 1, NULL);
	}
}

static int incrementer(int i, void *arg)
{
	(void)i, (void)arg;
	for (int r = 0; r < ROUNDS; r++) {
		lock();
		long v = counter;
		__asm__ volatile("" ::: "memory");
		counter = v + 1;
		unlock();
	}
	return 0;
}

static int gate;                /* 0 closed, 1 open */
static int waiting;

/* Threads 0..3 wait for the gate, thread 4 opens it once all are waiting
 * (or after a second, since one may be between its check and its wait). */
static int gatekeeper(int i, void *arg)
{
	(void)arg;
	if (i < THREADS) {
		__atomic_add_fetch(&waiting, 1, __ATOMIC_RELAXED);
		while (!__atomic_load_n(&gate, __ATOMIC_ACQUIRE))
			if (futex(&gate, FUTEX_WAIT, 0, &limit) == -ETIMEDOUT)
				return 1;
		return 0;
	}
	for (int t = 0; t < 100 && __atomic_load_n(&waiting, __ATOMIC_RELAXED) < THREADS; t++)
		usleep(10000);
	__atomic_store_n(&gate, 1, __ATOMIC_RELEASE);
	return futex(&gate, FUTEX_WAKE, INT32_MAX, NULL) < 0;
}

int main(void)
{
	alarm(60);
	CHECK_EQ(hammer(THREADS, incrementer, NULL), 0, "4 threads take the futex lock 20000 times each");
	CHECK_EQ(counter, (long)THREADS * ROUNDS, "the counter under it is exact");
	CHECK_EQ(timeouts, 0, "no FUTEX_WAIT waited out its 5 s (no wake-up lost)");
	CHECK_EQ(word, 0, "the lock is free at the end");
	CHECK_EQ(hammer(THREADS + 1, gatekeeper, NULL), 0, "4 waiters on one futex all come back after one FUTEX_WAKE");
	return done();
}
