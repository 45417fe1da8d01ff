/* tls: __thread variables (initialised .tdata and zeroed .tbss) across fork.
 * A child starts with a copy of the parent's values at the same addresses, and from
 * then on each process keeps its own: the per-process TLS descriptor must be reloaded
 * on every context switch, which the concurrently running children exercise. */
#include "check.h"

#include <stdint.h>

static __thread int tls_init = 1234;
static __thread char tls_name[16] = "parent";
static __thread int tls_zero;
static __thread unsigned tls_big[1024]; /* large .tbss: must be all zero */

static int big_is(unsigned v)
{
	for (int i = 0; i < 1024; i++)
		if (tls_big[i] != v)
			return 0;
	return 1;
}

static void test_initial(void)
{
	CHECK_EQ(tls_init, 1234, "initialised __thread has its initial value");
	CHECK(strcmp(tls_name, "parent") == 0, "initialised __thread array");
	CHECK_EQ(tls_zero, 0, "zero __thread starts at 0");
	CHECK(big_is(0), "large zero __thread array is all zero");
	tls_zero = 5;
	CHECK_EQ(tls_zero, 5, "__thread keeps a written value");
}

/* The child sees the parent's values at the same addresses, then diverges. */
static void test_fork_copy(void)
{
	int p[2];
	pipe(p);
	tls_init = 42;
	uintptr_t addr = (uintptr_t)&tls_init;
	pid_t pid = fork();
	if (pid == 0) {
		int ok = tls_init == 42 && tls_zero == 5 && (uintptr_t)&tls_init == addr &&
			 strcmp(tls_name, "parent") == 0;
		tls_init = 999;
		strcpy(tls_name, "child");
		for (int i = 0; i < 1024; i++)
			tls_big[i] = 0xdead;
		char r = ok ? 'y' : 'n';
		write(p[1], &r, 1);
		/* Give the parent time to look at its own copies while we are alive. */
		sleep_ms(50);
		_exit(tls_init == 999 && big_is(0xdead) ? 0 : 1);
	}
	char r = 0;
	read(p[0], &r, 1);
	CHECK_EQ(r, 'y', "child inherits __thread values at the same address");
	CHECK_EQ(tls_init, 42, "child's write does not reach the parent");
	CHECK(strcmp(tls_name, "parent") == 0, "parent's __thread array unchanged");
	CHECK(big_is(0), "parent's large __thread array unchanged");
	expect_exit(wait_status(pid), 0, "child kept its own __thread values");
	close(p[0]);
	close(p[1]);
}

/* Several children run at once, each storing its index, sleeping so that the
 * scheduler switches between them, and checking the value is still its own. */
static void test_concurrent(void)
{
	enum { KIDS = 4, ROUNDS = 20 };
	pid_t pids[KIDS];
	for (int k = 0; k < KIDS; k++) {
		pids[k] = fork();
		if (pids[k] == 0) {
			int bad = 0;
			for (int r = 0; r < ROUNDS; r++) {
				tls_init = k * 1000 + r;
				tls_big[r] = k;
				sleep_ms(2);
				if (tls_init != k * 1000 + r || tls_big[r] != (unsigned)k)
					bad = 1;
			}
			_exit(bad);
		}
	}
	int good = 0;
	for (int k = 0; k < KIDS; k++) {
		int st;
		if (waitpid(pids[k], &st, 0) == pids[k] && WIFEXITED(st) && WEXITSTATUS(st) == 0)
			good++;
	}
	CHECK_EQ(good, KIDS, "concurrent children each keep their own __thread value");
	CHECK_EQ(tls_init, 42, "parent's value survives the children");
}

int main(void)
{
	test_initial();
	test_fork_copy();
	test_concurrent();
	return done();
}
