/* clone_tid: clone's tid pointers and set_tid_address go through the uaccess
 * layer, as Linux: CLONE_CHILD_SETTID is written in the child's memory,
 * CLONE_PARENT_SETTID in the parent's, and a bad pointer (a kernel address,
 * an unmapped or read-only page) never fails the clone nor writes anywhere:
 * clone(CLONE_CHILD_SETTID, ..., 0xC0001000) used to write the kernel's
 * memory. A process that does not share its memory never has its
 * clear_child_tid word cleared at exit (Linux clears it only for threads).
 * Also RLIMIT_NPROC: fork is EAGAIN once the real uid has that many
 * processes, zombies included; root is exempt. */
#include "check.h"

#include <stdint.h>
#include <sys/resource.h>

#define CLONE_PARENT_SETTID_  0x00100000
#define CLONE_CHILD_CLEARTID_ 0x00200000
#define CLONE_CHILD_SETTID_   0x01000000

static long do_clone(unsigned long flags, void *ptid, void *ctid)
{
	return raw_syscall6(__NR_clone, (long)(flags | SIGCHLD), 0, (long)ptid, 0, (long)ctid, 0);
}

static volatile int child_tid, parent_tid;

static void test_valid_pointers(void)
{
	long pid = do_clone(CLONE_CHILD_SETTID_, NULL, (void *)&child_tid);
	if (pid == 0)
		_exit(child_tid == getpid() ? 0 : 1);
	CHECK(pid > 0, "clone(CLONE_CHILD_SETTID)");
	expect_exit(wait_status(pid), 0, "the child finds its pid in its copy");
	CHECK_EQ(child_tid, 0, "the parent's copy is not written");

	pid = do_clone(CLONE_PARENT_SETTID_, (void *)&parent_tid, NULL);
	if (pid == 0)
		_exit(parent_tid == 0 ? 0 : 1);
	CHECK(pid > 0, "clone(CLONE_PARENT_SETTID)");
	CHECK(parent_tid == pid, "the parent finds the child's pid");
	expect_exit(wait_status(pid), 0, "the child's copy is not written");
}

static void test_bad_pointers(void)
{
	char *ro = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	void *bad[] = { (void *)0xC0001000u, (void *)0xFFFFF000u, (void *)0xC0000000u, unmapped_page(),
			(void *)1, ro };
	int ok = 0;
	for (unsigned i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		long pid = do_clone(CLONE_CHILD_SETTID_ | CLONE_PARENT_SETTID_ | CLONE_CHILD_CLEARTID_,
				    bad[i], bad[i]);
		if (pid == 0)
			_exit(7);
		int st = wait_status(pid);
		ok += pid > 0 && st != -1 && WIFEXITED(st) && WEXITSTATUS(st) == 7;
	}
	CHECK_EQ(ok, 6, "clone with bad tid pointers succeeds and the child runs");
	CHECK_EQ(*(volatile int *)ro, 0, "the read-only page is untouched");
	munmap(ro, 4096);
}

static void test_set_tid_address(void)
{
	int *shared = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	*shared = 1234;
	pid_t pid = fork();
	if (pid == 0) {
		long tid = raw_syscall(__NR_set_tid_address, (long)shared, 0, 0);
		_exit(tid == getpid() ? 3 : 4);
	}
	expect_exit(wait_status(pid), 3, "set_tid_address returns the caller's tid");
	CHECK_EQ(*shared, 1234, "an unshared address space is not cleared at exit");
	munmap(shared, 4096);

	pid = fork();
	if (pid == 0) {
		raw_syscall(__NR_set_tid_address, 0xC0001000L, 0, 0);
		_exit(5);
	}
	expect_exit(wait_status(pid), 5, "set_tid_address(kernel address), then exit");
}

/* In a child made uid 4242 with a limit of 3 processes: the number of forks
 * that succeed, then what happens with a zombie and after reaping it. */
static int nproc_child(void *unused)
{
	(void)unused;
	int hold[2];
	struct rlimit rl = { 3, 3 };
	if (pipe(hold) || setgid(4242) || setuid(4242) || setrlimit(RLIMIT_NPROC, &rl))
		return 100;
	pid_t kids[8];
	int n = 0;
	for (; n < 8; n++) {
		kids[n] = fork();
		if (kids[n] == 0) {
			char c;
			close(hold[1]);
			read(hold[0], &c, 1);
			_exit(0);
		}
		if (kids[n] < 0)
			break;
	}
	int code = n * 10;
	if (n == 8 || errno != EAGAIN)
		return code + 1;
	/* A zombie still counts until it is reaped. */
	kill(kids[0], SIGKILL);
	sleep_ms(50);
	pid_t z = fork();
	if (z == 0)
		_exit(0);
	if (!(z == -1 && errno == EAGAIN))
		code += 2;
	waitpid(kids[0], NULL, 0);
	z = fork();
	if (z == 0)
		_exit(0);
	if (z < 0)
		code += 4;
	close(hold[1]);
	while (wait(NULL) > 0)
		;
	return code;
}

static int nproc_root(void *unused)
{
	(void)unused;
	struct rlimit rl = { 1, 1 };
	if (setrlimit(RLIMIT_NPROC, &rl))
		return 100;
	pid_t pid = fork();
	if (pid == 0)
		_exit(9);
	int st = wait_status(pid);
	return st != -1 && WIFEXITED(st) && WEXITSTATUS(st) == 9 ? 0 : 1;
}

int main(void)
{
	test_valid_pointers();
	test_bad_pointers();
	test_set_tid_address();
	expect_exit(run_child(nproc_child, NULL), 20, "RLIMIT_NPROC 3: two forks, then EAGAIN until reaped");
	expect_exit(run_child(nproc_root, NULL), 0, "root is not held to RLIMIT_NPROC");
	return done();
}
