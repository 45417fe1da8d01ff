/* smp_tlb: a mapping that one thread removes or write-protects is gone for
 * the other threads at once, even one that is spinning on it on another CPU
 * (whose TLB still holds the old entry unless the kernel shoots it down):
 * munmap under a reader makes it fault, mprotect read-only under a writer
 * makes it fault, and fork under a writer leaves the child a copy that the
 * parent's writer no longer changes. Each spinning thread gives up after 5 s. */
#include "check.h"
#include <pthread.h>
#include <stdint.h>

/* Accesses between two looks at the clock, which may be a system call (and
 * a trip through the kernel can push the entry out of an emulated TLB). */
#define SPINS 1000000
static volatile int *page;
static volatile int started, faulted;
static int restore_prot;                /* what the SIGSEGV handler puts back */

/* The faulting thread's SIGSEGV: put a page back so the access can finish. */
static void on_segv(int sig)
{
	(void)sig;
	faulted = 1;
	if (restore_prot == PROT_NONE)
		mmap((void *)page, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
	else
		mprotect((void *)page, 4096, restore_prot);
}

static void *reader(void *arg)
{
	(void)arg;
	long t0 = now_ms();
	started = 1;
	while (!faulted && now_ms() - t0 < 5000)
		for (int i = 0; i < SPINS && !faulted; i++)
			(void)page[0];
	return NULL;
}

static void *writer(void *arg)
{
	(void)arg;
	long t0 = now_ms();
	started = 1;
	while (!faulted && now_ms() - t0 < 5000)
		for (int i = 0; i < SPINS && !faulted; i++)
			page[0]++;
	return NULL;
}

static void run(void *(*fn)(void *), void (*change)(void))
{
	pthread_t t;
	started = faulted = 0;
	page = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	page[0] = 1;
	pthread_create(&t, NULL, fn, NULL);
	while (!started)
		sleep_ms(1);
	sleep_ms(50);                   /* it spins, on another CPU if there is one */
	change();
	pthread_join(t, NULL);
	munmap((void *)page, 4096);
}

static void unmap(void)
{
	restore_prot = PROT_NONE;
	munmap((void *)page, 4096);
}

static void protect(void)
{
	restore_prot = PROT_READ | PROT_WRITE;
	mprotect((void *)page, 4096, PROT_READ);
}

static void test_munmap(void)
{
	run(reader, unmap);
	CHECK(faulted, "munmap: the spinning reader faults");
}

static void test_mprotect(void)
{
	run(writer, protect);
	CHECK(faulted, "mprotect read-only: the spinning writer faults");
}

static int stable(void *arg)
{
	(void)arg;
	int v = page[0];
	long t0 = now_ms();
	while (now_ms() - t0 < 100)
		if (page[0] != v)
			return 1;
	return 0;
}

static int child_status;

static void fork_stable(void)
{
	child_status = wait_status(spawn(stable, NULL));
	faulted = 1;                    /* the writer may stop */
}

static void test_fork(void)
{
	run(writer, fork_stable);
	CHECK_EQ(child_status, 0, "fork: the parent's spinning writer does not change the child's copy");
}

int main(void)
{
	struct sigaction sa = { .sa_handler = on_segv };
	sigaction(SIGSEGV, &sa, NULL);
	test_munmap();
	test_mprotect();
	test_fork();
	return done();
}
