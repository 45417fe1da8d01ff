/* futex_basic: futex(2) between processes and alone: EAGAIN when the word
 * moved, ETIMEDOUT on relative (FUTEX_WAIT) and absolute (WAIT_BITSET,
 * monotonic or FUTEX_CLOCK_REALTIME) timeouts, futex_time64, EINVAL, EFAULT,
 * ENOSYS; shared futexes in a MAP_SHARED page woken from another process,
 * private ones that do not meet across processes; WAKE_BITSET, REQUEUE,
 * CMP_REQUEUE and WAKE_OP. Every wait has a timeout. */
#include "check.h"

#include <stdint.h>

#define FUTEX_WAIT_          0
#define FUTEX_WAKE_          1
#define FUTEX_REQUEUE_       3
#define FUTEX_CMP_REQUEUE_   4
#define FUTEX_WAKE_OP_       5
#define FUTEX_WAIT_BITSET_   9
#define FUTEX_WAKE_BITSET_   10
#define FUTEX_PRIVATE_       128
#define FUTEX_CLOCK_RT_      256
#define OP(op, oparg, cmp, cmparg) \
	((unsigned)(op) << 28 | (unsigned)(cmp) << 24 | ((oparg) & 0xfff) << 12 | ((cmparg) & 0xfff))

struct ts32 { int32_t sec, nsec; };
struct ts64 { int64_t sec, nsec; };

static long futex(volatile uint32_t *uaddr, int op, uint32_t val, const void *ts, volatile uint32_t *uaddr2,
		  uint32_t val3)
{
	return raw_syscall6(__NR_futex, (long)uaddr, op, (long)val, (long)ts, (long)uaddr2, (long)val3);
}

static struct ts32 rel(long ms)
{
	return (struct ts32){ (int32_t)(ms / 1000), (int32_t)(ms % 1000 * 1000000) };
}

static struct ts32 abs_after(clockid_t clk, long ms)
{
	struct timespec now;
	clock_gettime(clk, &now);
	long long ns = (long long)now.tv_sec * 1000000000 + now.tv_nsec + (long long)ms * 1000000;
	return (struct ts32){ (int32_t)(ns / 1000000000), (int32_t)(ns % 1000000000) };
}

static volatile uint32_t word = 1, word2;

static void test_alone(void)
{
	struct ts32 t = rel(20);
	CHECK_EQ(futex(&word, FUTEX_WAIT_, 0, &t, NULL, 0), -EAGAIN, "WAIT on a word that moved: EAGAIN");
	long t0 = now_ms();
	CHECK_EQ(futex(&word, FUTEX_WAIT_ | FUTEX_PRIVATE_, 1, &t, NULL, 0), -ETIMEDOUT,
		 "WAIT with a relative timeout: ETIMEDOUT");
	CHECK(now_ms() - t0 >= 19, "after the timeout");
	t = abs_after(CLOCK_MONOTONIC, 20);
	CHECK_EQ(futex(&word, FUTEX_WAIT_BITSET_ | FUTEX_PRIVATE_, 1, &t, NULL, ~0u), -ETIMEDOUT,
		 "WAIT_BITSET with an absolute CLOCK_MONOTONIC time");
	t = abs_after(CLOCK_REALTIME, 20);
	CHECK_EQ(futex(&word, FUTEX_WAIT_BITSET_ | FUTEX_CLOCK_RT_, 1, &t, NULL, ~0u), -ETIMEDOUT,
		 "WAIT_BITSET | FUTEX_CLOCK_REALTIME with an absolute CLOCK_REALTIME time");
	t = (struct ts32){ 0, 1 };
	CHECK_EQ(futex(&word, FUTEX_WAIT_BITSET_, 1, &t, NULL, ~0u), -ETIMEDOUT, "an absolute time passed");
	struct ts64 t64 = { 0, 20000000 };
	CHECK_EQ(raw_syscall6(__NR_futex_time64, (long)&word, FUTEX_WAIT_, 1, (long)&t64, 0, 0), -ETIMEDOUT,
		 "futex_time64 WAIT with a 64-bit timespec");

	t = (struct ts32){ 0, 1000000000 };
	CHECK_EQ(futex(&word, FUTEX_WAIT_, 1, &t, NULL, 0), -EINVAL, "tv_nsec out of range: EINVAL");
	t = (struct ts32){ -1, 0 };
	CHECK_EQ(futex(&word, FUTEX_WAIT_, 1, &t, NULL, 0), -EINVAL, "a negative timeout: EINVAL");
	CHECK_EQ(futex((volatile uint32_t *)((char *)&word + 1), FUTEX_WAKE_, 1, NULL, NULL, 0), -EINVAL,
		 "an unaligned word: EINVAL");
	CHECK_EQ(futex(&word, FUTEX_WAIT_BITSET_, 1, NULL, NULL, 0), -EINVAL, "WAIT_BITSET with bitset 0");
	CHECK_EQ(futex(&word, FUTEX_WAKE_BITSET_, 1, NULL, NULL, 0), -EINVAL, "WAKE_BITSET with bitset 0");
	CHECK_EQ(futex(unmapped_page(), FUTEX_WAIT_, 0, NULL, NULL, 0), -EFAULT, "WAIT on an unmapped word");
	CHECK_EQ(futex(unmapped_page(), FUTEX_WAKE_, 1, NULL, NULL, 0), -EFAULT, "shared WAKE on an unmapped word");
	CHECK_EQ(futex(&word, FUTEX_WAIT_, 1, unmapped_page(), NULL, 0), -EFAULT, "a bad timeout pointer");
	CHECK_EQ(futex(&word, 99, 1, NULL, NULL, 0), -ENOSYS, "an unknown operation: ENOSYS");
	CHECK_EQ(futex(&word, FUTEX_WAKE_ | FUTEX_CLOCK_RT_, 1, NULL, NULL, 0), -ENOSYS,
		 "FUTEX_CLOCK_REALTIME on WAKE: ENOSYS");
	CHECK_EQ(futex(&word, FUTEX_WAKE_, 1, NULL, NULL, 0), 0, "WAKE with nobody waiting: 0");
	CHECK_EQ(futex(&word, FUTEX_REQUEUE_, 1, (void *)-1, &word2, 0), -EINVAL,
		 "REQUEUE with a negative count: EINVAL");
	CHECK_EQ(futex(&word, FUTEX_CMP_REQUEUE_, 1, (void *)1, &word2, 7), -EAGAIN,
		 "CMP_REQUEUE when the word differs: EAGAIN");
	word2 = 5;
	CHECK_EQ(futex(&word, FUTEX_WAKE_OP_, 1, (void *)1, &word2, OP(1, 3, 0, 5)), 0, "WAKE_OP, nobody waiting");
	CHECK_EQ(word2, 8, "WAKE_OP added 3");
	CHECK_EQ(futex(&word, FUTEX_WAKE_OP_, 1, (void *)1, &word2, OP(8 | 0, 4, 0, 0)), 0,
		 "WAKE_OP with FUTEX_OP_OPARG_SHIFT");
	CHECK_EQ(word2, 16, "it set 1 << 4");
	CHECK_EQ(futex(&word, FUTEX_WAKE_OP_, 1, (void *)1, &word2, OP(7, 1, 0, 0)), -ENOSYS,
		 "WAKE_OP with an unknown operation: ENOSYS");
	CHECK_EQ(futex(&word, FUTEX_WAKE_OP_, 1, (void *)1, &word2, OP(0, 9, 9, 0)), -ENOSYS,
		 "an unknown comparison: ENOSYS");
	CHECK_EQ(word2, 9, "after the operation was done");
}

/* A child that waits on w (shared) for up to 5 s: exit 0 if woken. */
static pid_t waiter(volatile uint32_t *w, uint32_t val, int op, uint32_t bitset)
{
	pid_t pid = fork();
	if (pid == 0) {
		struct ts32 t = rel(5000);
		long r = op == FUTEX_WAIT_ ? futex(w, op, val, &t, NULL, 0)
					  : futex(w, op, val, NULL, NULL, bitset);
		_exit(r == 0 ? 0 : r == -ETIMEDOUT ? 2 : 3);
	}
	return pid;
}

/* Waiters on w, counted by requeueing them onto w itself. */
static long waiting(volatile uint32_t *w, int want)
{
	long n = 0;
	for (long t0 = now_ms(); now_ms() - t0 < 5000; sleep_ms(5))
		if ((n = futex(w, FUTEX_REQUEUE_, 0, (void *)0x7fffffff, w, 0)) >= want)
			break;
	return n;
}

static void test_shared(void)
{
	volatile uint32_t *m = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	volatile uint32_t *a = m, *b = m + 1;
	*a = 0;
	*b = 0;
	pid_t p1 = waiter(a, 0, FUTEX_WAIT_, 0);
	CHECK_EQ(waiting(a, 1), 1, "a child waits on the shared word");
	CHECK_EQ(futex(a, FUTEX_WAKE_ | FUTEX_PRIVATE_, 1, NULL, NULL, 0), 0,
		 "a private WAKE does not reach another process");
	CHECK_EQ(futex(a, FUTEX_WAKE_, 5, NULL, NULL, 0), 1, "a shared WAKE wakes it");
	expect_exit(wait_status(p1), 0, "the child's WAIT returned 0");

	p1 = waiter(a, 0, FUTEX_WAIT_BITSET_, 0x1);
	pid_t p2 = waiter(a, 0, FUTEX_WAIT_BITSET_, 0x2);
	CHECK_EQ(waiting(a, 2), 2, "two children wait with bitsets 1 and 2");
	CHECK_EQ(futex(a, FUTEX_WAKE_BITSET_, 5, NULL, NULL, 0x2), 1, "WAKE_BITSET 2 wakes one");
	expect_exit(wait_status(p2), 0, "the one with bitset 2");
	CHECK_EQ(futex(a, FUTEX_WAKE_, 5, NULL, NULL, 0), 1, "WAKE wakes the other");
	expect_exit(wait_status(p1), 0, "the one with bitset 1");

	p1 = waiter(a, 0, FUTEX_WAIT_, 0);
	p2 = waiter(a, 0, FUTEX_WAIT_, 0);
	pid_t p3 = waiter(a, 0, FUTEX_WAIT_, 0);
	CHECK_EQ(waiting(a, 3), 3, "three children wait on a");
	CHECK_EQ(futex(a, FUTEX_CMP_REQUEUE_, 1, (void *)1, b, 0), 2, "CMP_REQUEUE: one woken, one moved");
	CHECK_EQ(waiting(a, 1), 1, "one is left on a");
	CHECK_EQ(futex(b, FUTEX_WAKE_, 5, NULL, NULL, 0), 1, "one was moved to b");
	*b = 0;
	CHECK_EQ(futex(a, FUTEX_WAKE_OP_, 0, (void *)1, b, OP(0, 1, 0, 0)), 1,
		 "WAKE_OP wakes the last waiter on a");
	CHECK_EQ(*b, 1, "and set b");
	int ok = 0;
	pid_t kids[] = { p1, p2, p3 };
	for (int i = 0; i < 3; i++) {
		int st = wait_status(kids[i]);
		ok += st != -1 && WIFEXITED(st) && WEXITSTATUS(st) == 0;
	}
	CHECK_EQ(ok, 3, "the three children were woken");
	munmap((void *)m, 4096);
}

int main(void)
{
	test_alone();
	test_shared();
	return done();
}
