/* faults: CPU exceptions in user mode become signals for the faulting process only.
 * Children write through NULL, write to read-only text and data, overflow the stack,
 * execute ud2, divide by zero and hit int3, and must die with SIGSEGV, SIGILL, SIGFPE
 * and SIGTRAP while the parent carries on.  With a handler installed the siginfo must
 * describe the fault (si_signo, si_code, si_addr for memory faults). */
#include "check.h"

#include <stdint.h>

static int write_null(void *unused)
{
	(void)unused;
	*(volatile int *)0 = 1;
	return 0;
}

static int write_addr(void *addr)
{
	*(volatile char *)addr = 1;
	return 0;
}

static int illegal_insn(void *unused)
{
	(void)unused;
	__asm__ volatile("ud2");
	return 0;
}

static int divide_by_zero(void *unused)
{
	(void)unused;
	volatile int a = 1, b = 0;
	return a / b;
}

static int breakpoint(void *unused)
{
	(void)unused;
	__asm__ volatile("int3");
	return 0;
}

/* Never reached (4 GiB of stack), but the compiler cannot know: keeps the recursion
 * from being rejected as infinite. */
static volatile int recurse_limit = 1 << 22;

/* Not a tail call and a live frame on every level, so it cannot be turned into a loop. */
static int recurse(int depth)
{
	volatile char frame[1024];
	if (depth == recurse_limit)
		return 0;
	frame[0] = (char)depth;
	return recurse(depth + 1) + frame[0];
}

static int overflow_stack(void *unused)
{
	(void)unused;
	return recurse(0);
}

static void code_marker(void)
{
}

static void test_default_kills(void)
{
	expect_signal(run_child(write_null, NULL), SIGSEGV, "NULL write kills with SIGSEGV");
	expect_signal(run_child(write_addr, (void *)(uintptr_t)code_marker), SIGSEGV,
		      "write to program text kills with SIGSEGV");
	expect_signal(run_child(write_addr, (void *)"literal"), SIGSEGV,
		      "write to a string literal kills with SIGSEGV");
	expect_signal(run_child(illegal_insn, NULL), SIGILL, "ud2 kills with SIGILL");
	expect_signal(run_child(divide_by_zero, NULL), SIGFPE, "division by zero kills with SIGFPE");
	expect_signal(run_child(breakpoint, NULL), SIGTRAP, "int3 kills with SIGTRAP");
	expect_signal(run_child(overflow_stack, NULL), SIGSEGV, "stack overflow kills with SIGSEGV");
	CHECK(1, "parent still running after its children faulted");
}

/* Set by the child before the fault; the handler compares what the kernel reports. */
static volatile uintptr_t want_addr;
static volatile int want_code;

static void on_fault(int sig, siginfo_t *si, void *uc)
{
	(void)uc;
	int ok = si->si_signo == sig;
	if (sig == SIGSEGV)
		ok = ok && (uintptr_t)si->si_addr == want_addr;
	if (want_code)
		ok = ok && si->si_code == want_code;
	/* Returning would restart the faulting instruction: leave from here. */
	_exit(ok ? 40 + sig : 1);
}

struct caught {
	int sig;
	int code;
	uintptr_t addr;
	int (*fn)(void *);
	void *arg;
};

static int run_with_handler(void *arg)
{
	struct caught *c = arg;
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_sigaction = on_fault;
	sa.sa_flags = SA_SIGINFO;
	sigemptyset(&sa.sa_mask);
	sigaction(c->sig, &sa, NULL);
	want_addr = c->addr;
	want_code = c->code;
	c->fn(c->arg);
	return 2;
}

static void test_siginfo(void)
{
	struct caught segv_null = { SIGSEGV, SEGV_MAPERR, 0, write_null, NULL };
	expect_exit(run_child(run_with_handler, &segv_null), 40 + SIGSEGV,
		    "SIGSEGV handler: si_addr 0, SEGV_MAPERR");
	struct caught segv_addr = { SIGSEGV, SEGV_MAPERR, 0x1234, write_addr, (void *)0x1234 };
	expect_exit(run_child(run_with_handler, &segv_addr), 40 + SIGSEGV,
		    "SIGSEGV handler: si_addr is the faulting address");
	struct caught segv_ro = { SIGSEGV, SEGV_ACCERR, (uintptr_t)code_marker, write_addr,
				  (void *)(uintptr_t)code_marker };
	expect_exit(run_child(run_with_handler, &segv_ro), 40 + SIGSEGV,
		    "SIGSEGV handler: write to text is SEGV_ACCERR");
	struct caught ill = { SIGILL, ILL_ILLOPN, 0, illegal_insn, NULL };
	expect_exit(run_child(run_with_handler, &ill), 40 + SIGILL, "SIGILL handler: ILL_ILLOPN");
	struct caught fpe = { SIGFPE, FPE_INTDIV, 0, divide_by_zero, NULL };
	expect_exit(run_child(run_with_handler, &fpe), 40 + SIGFPE, "SIGFPE handler: FPE_INTDIV");
}

int main(void)
{
	test_default_kills();
	test_siginfo();
	return done();
}
