/* vfork_basic: vfork and clone(CLONE_VM | CLONE_VFORK) for real. The child
 * runs in the parent's memory, and the parent sleeps until the child execs or
 * exits; this is how glibc's system(), popen() and posix_spawn start their
 * commands, so they are checked here too (with each libc's own). Also the
 * clone flag combinations Linux refuses. */
#include "check.h"

#include <stdlib.h>

#define CLONE_VM_      0x00000100
#define CLONE_SIGHAND_ 0x00000800
#define CLONE_VFORK_   0x00004000
#define CLONE_THREAD_  0x00010000

static volatile int shared;

static void test_vfork_memory(void)
{
	shared = 0;
	pid_t pid = vfork();
	if (pid == 0) {
		sleep_ms(50);   /* the parent must still be waiting */
		shared = 42;
		_exit(7);
	}
	CHECK(pid > 0, "vfork");
	CHECK_EQ(shared, 42, "the parent resumes after the child exits and sees its write");
	expect_exit(wait_status(pid), 7, "the vfork child's status");
}

static void test_vfork_exec(void)
{
	char *argv[] = { "true", NULL };
	char *envp[] = { NULL };
	shared = 0;
	pid_t pid = vfork();
	if (pid == 0) {
		shared = 1;
		execve("/bin/true", argv, envp);
		_exit(127);
	}
	CHECK_EQ(shared, 1, "the parent resumes after the child's exec");
	expect_exit(wait_status(pid), 0, "the exec'ed program's status");

	pid = vfork();
	if (pid == 0) {
		execve("/nonexistent", argv, envp);
		shared = errno;
		_exit(127);
	}
	CHECK_EQ(shared, ENOENT, "a failed exec leaves the child in the shared memory");
	expect_exit(wait_status(pid), 127, "and it exits");
}

/* The system call in eax; in the child (eax 0) the stack pointer is stored
 * at edi and the child exits with status code, touching nothing else (there
 * is no C frame on its stack). */
#define CLONE_CHILD_STORES_ESP(code)                                                 \
	"int $0x80\n\t"                                                              \
	"testl %%eax, %%eax\n\t"                                                     \
	"jnz 1f\n\t"                                                                 \
	"movl %%esp, (%%edi)\n\t"                                                    \
	"movl $1, %%eax\n\t"                                                         \
	"movl $" #code ", %%ebx\n\t"                                                 \
	"int $0x80\n"                                                                 \
	"1:"

/* The child runs on its own stack and stores its stack pointer. */
static long clone_vm_vfork(volatile int *where, void *stack_top)
{
	long r;
	__asm__ volatile(CLONE_CHILD_STORES_ESP(9)
			 : "=a"(r)
			 : "0"(__NR_clone), "b"(CLONE_VM_ | CLONE_VFORK_ | SIGCHLD), "c"(stack_top), "d"(0),
			   "S"(0), "D"(where)
			 : "memory");
	return r;
}

static void test_clone_vm_vfork(void)
{
	static char stack[4096] __attribute__((aligned(16)));
	shared = 0;
	long pid = clone_vm_vfork(&shared, stack + sizeof(stack));
	CHECK(pid > 0, "clone(CLONE_VM | CLONE_VFORK | SIGCHLD) with a new stack");
	CHECK(shared == (int)(long)(stack + sizeof(stack)), "the child ran on the new stack in our memory");
	expect_exit(wait_status((pid_t)pid), 9, "its status");
}

struct clone_args_ {
	unsigned long long flags, pidfd, child_tid, parent_tid, exit_signal, stack, stack_size, tls;
};

static long clone3_vfork(struct clone_args_ *a, unsigned long size, volatile int *where)
{
	long r;
	__asm__ volatile(CLONE_CHILD_STORES_ESP(4)
			 : "=a"(r)
			 : "0"(__NR_clone3), "b"(a), "c"(size), "D"(where)
			 : "memory");
	return r;
}

static void test_clone3(void)
{
	static char stack[4096] __attribute__((aligned(16)));
	struct clone_args_ a = { .flags = CLONE_VM_ | CLONE_VFORK_, .exit_signal = SIGCHLD,
				 .stack = (unsigned long)stack, .stack_size = sizeof(stack) };
	shared = 0;
	long pid = clone3_vfork(&a, sizeof(a), &shared);
	CHECK(pid > 0, "clone3(CLONE_VM | CLONE_VFORK) with a stack");
	CHECK(shared == (int)(long)(stack + sizeof(stack)), "the child ran at the top of that stack");
	expect_exit(wait_status((pid_t)pid), 4, "its status");
	CHECK_EQ(raw_syscall(__NR_clone3, (long)&a, 63, 0), -EINVAL, "clone3 with a short struct: EINVAL");
	CHECK_EQ(raw_syscall(__NR_clone3, (long)&a, 4097, 0), -E2BIG, "clone3 with more than a page: E2BIG");
	a.exit_signal = 65;
	CHECK_EQ(raw_syscall(__NR_clone3, (long)&a, sizeof(a), 0), -EINVAL, "an invalid exit signal: EINVAL");
	a.exit_signal = SIGCHLD;
	a.stack_size = 0;
	CHECK_EQ(raw_syscall(__NR_clone3, (long)&a, sizeof(a), 0), -EINVAL, "a stack without a size: EINVAL");
}

static void test_refused_flags(void)
{
	CHECK_EQ(raw_syscall6(__NR_clone, CLONE_SIGHAND_ | SIGCHLD, 0, 0, 0, 0, 0), -EINVAL,
		 "CLONE_SIGHAND without CLONE_VM");
	CHECK_EQ(raw_syscall6(__NR_clone, CLONE_THREAD_ | CLONE_VM_ | SIGCHLD, 0, 0, 0, 0, 0), -EINVAL,
		 "CLONE_THREAD without CLONE_SIGHAND");
}

static void test_system_popen(void)
{
	CHECK(system(NULL) != 0, "system(NULL): there is a shell");
	CHECK_EQ(system("exit 3"), 3 << 8, "system(\"exit 3\")");
	CHECK_EQ(system("true"), 0, "system(\"true\")");

	char buf[16] = { 0 };
	FILE *f = popen("echo hi", "r");
	CHECK(f != NULL, "popen(\"echo hi\", \"r\")");
	if (!f)
		return;
	size_t n = fread(buf, 1, sizeof(buf) - 1, f);
	CHECK(n == 3 && strcmp(buf, "hi\n") == 0, "reads \"hi\\n\"");
	CHECK_EQ(pclose(f), 0, "pclose gives the command's status");
	f = popen("exit 4", "r");
	CHECK(f != NULL && pclose(f) == 4 << 8, "pclose of \"exit 4\"");
}

int main(void)
{
	test_vfork_memory();
	test_vfork_exec();
	test_clone_vm_vfork();
	test_clone3();
	test_refused_flags();
	test_system_popen();
	return done();
}
