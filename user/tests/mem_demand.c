/* mem_demand: memory is there when touched. A deep recursion grows the stack
 * by megabytes, up to RLIMIT_STACK and no further (SIGSEGV past it); memory
 * from bss, brk and mmap reads as zeros; a 1 GiB MAP_NORESERVE mapping succeeds
 * untouched and gives pages where it is touched; system calls read from and
 * write into pages nobody touched yet, and a signal frame lands on untouched
 * stack pages. (Running out of memory is mem_oom: the host's memory differs.) */
#include "check.h"

#include <stdint.h>
#include <sys/resource.h>

#define PAGE 4096u

static char bss[1 << 20];
static int data_word = 0x1234;

static long recurse(long depth)
{
	volatile char frame[1024];
	frame[0] = (char)depth;
	frame[sizeof frame - 1] = (char)depth;
	if (depth == 0)
		return frame[0];
	return recurse(depth - 1) + frame[sizeof frame - 1] - (char)depth + (depth == 1);
}

static int deep_stack(void *arg)
{
	long kib = (long)(intptr_t)arg;
	return recurse(kib) == 1 ? 0 : 1;
}

static int limited_stack(void *arg)
{
	(void)arg;
	struct rlimit rl = { 1 << 20, 1 << 20 };
	if (setrlimit(RLIMIT_STACK, &rl))
		return 2;
	return deep_stack((void *)(intptr_t)2048);
}

static volatile int handled;

static void on_usr1(int sig)
{
	volatile char big[16384];
	big[0] = (char)sig;
	big[sizeof big - 1] = (char)sig;
	handled = big[0] + big[sizeof big - 1];
}

/* Raised with 64 KiB of fresh stack below: the kernel writes the signal
 * frame, then the handler runs, into pages never touched. */
static long signal_at_depth(long depth)
{
	volatile char frame[1024];
	frame[0] = 0;
	if (depth == 0) {
		raise(SIGUSR1);
		return handled == 2 * SIGUSR1 ? 0 : 1;
	}
	return signal_at_depth(depth - 1) + frame[0];
}

static int signal_deep(void *arg)
{
	(void)arg;
	return (int)signal_at_depth(64);
}

int main(void)
{
	expect_exit(run_child(deep_stack, (void *)(intptr_t)4096), 0, "a 4 MiB deep recursion grows the stack");
	expect_signal(run_child(limited_stack, NULL), SIGSEGV, "2 MiB of stack under a 1 MiB RLIMIT_STACK is SIGSEGV");

	int zero = data_word == 0x1234;
	for (unsigned i = 0; i < sizeof bss; i += 256)
		zero &= bss[i] == 0;
	CHECK(zero, "exec: data has its value, a 1 MiB bss reads as zeros");

	unsigned char *b0 = sbrk(0);
	CHECK(sbrk(1 << 20) == b0, "sbrk 1 MiB");
	zero = 1;
	for (unsigned i = 0; i < 1u << 20; i += 512)
		zero &= b0[i] == 0;
	CHECK(zero, "new brk memory reads as zeros");
	memset(b0, 0x55, 1 << 20);
	CHECK(sbrk(-(1 << 20)) != (void *)-1 && sbrk(1 << 20) == b0, "shrink and grow the break again");
	CHECK(b0[0] == 0 && b0[(1 << 20) - 1] == 0, "memory given back and taken again is zero");

	size_t gib = 1u << 30;
	unsigned char *big = mmap(NULL, gib, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	CHECK(big != MAP_FAILED, "1 GiB MAP_NORESERVE mapping succeeds untouched");
	if (big != MAP_FAILED) {
		CHECK(big[0] == 0 && big[gib / 2] == 0 && big[gib - 1] == 0, "its pages read as zeros");
		big[gib / 2] = 7;
		CHECK_EQ(big[gib / 2], 7, "a page in the middle takes a write");
		CHECK_OK(munmap(big, gib), "munmap 1 GiB");
	}

	/* System calls into untouched pages. */
	unsigned char *fresh = mmap(NULL, 8 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	int fds[2];
	CHECK(pipe(fds) == 0, "pipe");
	CHECK_EQ(write(fds[1], fresh + 3 * PAGE, 100), 100, "write(2) from an untouched page");
	CHECK_EQ(write(fds[1], "hello", 5), 5, "and a few bytes more");
	CHECK_EQ(read(fds[0], fresh + 5 * PAGE - 50, 105), 105, "read(2) into untouched pages across a boundary");
	zero = 1;
	for (int i = 0; i < 100; i++)
		zero &= fresh[5 * PAGE - 50 + i] == 0;
	CHECK(zero && !memcmp(fresh + 5 * PAGE + 50, "hello", 5), "the bytes arrived");

	struct sigaction sa = { .sa_handler = on_usr1 };
	sigemptyset(&sa.sa_mask);
	CHECK_OK(sigaction(SIGUSR1, &sa, NULL), "a handler with a 16 KiB frame");
	expect_exit(run_child(signal_deep, NULL), 0, "its frame lands on stack pages nobody touched");

	return done();
}
