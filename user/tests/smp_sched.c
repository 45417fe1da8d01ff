/* smp_sched: several CPUs as a process sees them: sched_getaffinity lists the
 * CPUs it may use, sched_setaffinity to one CPU moves it there before the call
 * returns (getcpu says so, and goes on saying so while it spins), the mask
 * is inherited by a forked child, and two threads of one process run at the
 * same time on two CPUs: they hand a token back and forth through shared
 * memory, with no system call, 5,000 times within 10 s (on one CPU each
 * hand-over waits for a time slice). With one CPU the checks that need two
 * hold trivially. Kernel-only: how a host's QEMU runs its CPUs (in parallel
 * or taking turns) decides the last check there. */
#include "check.h"
#include <pthread.h>
#include <stdint.h>

static int getcpu_(void)
{
	unsigned int cpu = ~0u;
	return raw_syscall(__NR_getcpu, (long)&cpu, 0, 0) == 0 ? (int)cpu : -1;
}

/* The raw calls, with one 32-bit word of mask: both libcs have them. */
static long getaffinity(uint32_t *mask)
{
	*mask = 0;
	return raw_syscall(__NR_sched_getaffinity, 0, sizeof(*mask), (long)mask);
}

static long setaffinity(uint32_t mask)
{
	return raw_syscall(__NR_sched_setaffinity, 0, sizeof(mask), (long)&mask);
}

static uint32_t initial;
static int ncpus;

static void test_affinity(void)
{
	CHECK_EQ(getaffinity(&initial), 4, "sched_getaffinity copies one word");
	ncpus = __builtin_popcount(initial);
	CHECK(ncpus >= 1, "at least one CPU");
	int moved = 1, stayed = 1;
	for (int cpu = 0; cpu < 32; cpu++) {
		if (!(initial >> cpu & 1))
			continue;
		if (setaffinity(1u << cpu) != 0 || getcpu_() != cpu)
			moved = 0;
		long t0 = now_ms();
		while (now_ms() - t0 < 20)
			if (getcpu_() != cpu)
				stayed = 0;
	}
	CHECK(moved, "sched_setaffinity to one CPU: getcpu says it runs there on return");
	CHECK(stayed, "and it stays there");
	CHECK_EQ(setaffinity(0), -EINVAL, "an empty mask");
}

static int child_mask(void *arg)
{
	int cpu = *(int *)arg;
	uint32_t got;
	if (getaffinity(&got) != 4)
		return 2;
	return got == 1u << cpu && getcpu_() == cpu ? 0 : 1;
}

static void test_inherit(void)
{
	int last = 31 - __builtin_clz(initial);
	CHECK_EQ(setaffinity(1u << last), 0, "pin to the last CPU");
	CHECK_EQ(wait_status(spawn(child_mask, &last)), 0, "a forked child has the mask and runs there");
	CHECK_EQ(setaffinity(initial), 0, "back to every CPU");
}

#define HANDOVERS 5000
static volatile int token;
static volatile int give_up;

static void *pong(void *arg)
{
	(void)arg;
	for (int i = 0; i < HANDOVERS && !give_up; i++) {
		while (token != 1 && !give_up)
			;
		token = 0;
	}
	return NULL;
}

static void test_parallel(void)
{
	pthread_t t;
	CHECK_EQ(pthread_create(&t, NULL, pong, NULL), 0, "pthread_create");
	long t0 = now_ms();
	int done = 0;
	if (ncpus >= 2) {
		for (; done < HANDOVERS; done++) {
			token = 1;
			while (token != 0 && now_ms() - t0 < 10000)
				;
			if (token != 0)
				break;
		}
	}
	give_up = 1;
	CHECK_EQ(pthread_join(t, NULL), 0, "pthread_join");
	CHECK(ncpus < 2 || done == HANDOVERS, "two threads spin at the same time on two CPUs");
}

int main(void)
{
	test_affinity();
	test_inherit();
	test_parallel();
	return done();
}
