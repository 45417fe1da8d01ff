/* mem_cow: fork shares memory copy-on-write and nobody sees another's writes:
 * parent and child each write after fork and read back only their own data
 * (static data, heap, stack and mmap); three generations sharing one page;
 * a read-only region stays read-only in the child after fork, and mprotect
 * after fork changes only the caller; MAP_SHARED memory stays shared; a
 * system call writing into a page still shared (read into it) copies it too. */
#include "check.h"

#include <stdint.h>
#include <stdlib.h>

#define PAGE 4096u

static char data_page[PAGE] = "parent data";

/* Each process writes its tag into buf, waits for the others through the
 * pipes, then checks the tag is still its own. */
static int gen_child(unsigned char *buf, int depth, int rd, int wr)
{
	memset(buf, 'a' + depth, PAGE);
	char c = 0;
	if (depth < 2) {
		pid_t pid = fork();
		if (pid == 0)
			_exit(gen_child(buf, depth + 1, rd, wr));
		int st = wait_status(pid);
		if (!WIFEXITED(st) || WEXITSTATUS(st))
			return 10 + depth;
	} else {
		if (write(wr, "x", 1) != 1 || read(rd, &c, 1) != 1)
			return 20;
	}
	for (unsigned i = 0; i < PAGE; i++)
		if (buf[i] != 'a' + depth)
			return 30 + depth;
	return 0;
}

static int write_readonly(void *p)
{
	*(volatile char *)p = 1;
	return 0;
}

int main(void)
{
	/* Parent and child each write after fork. */
	unsigned char *heap = malloc(3 * PAGE);
	unsigned char *anon = mmap(NULL, 4 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	char stack_buf[64] = "parent stack";
	CHECK(heap && anon != MAP_FAILED, "heap and mmap");
	memset(heap, 'P', 3 * PAGE);
	memset(anon, 'p', 4 * PAGE);
	int to_child[2], to_parent[2];
	CHECK(pipe(to_child) == 0 && pipe(to_parent) == 0, "pipes");
	pid_t pid = fork();
	if (pid == 0) {
		strcpy(data_page, "child data");
		strcpy(stack_buf, "child stack");
		memset(heap, 'C', 3 * PAGE);
		memset(anon + PAGE, 'c', PAGE);
		char c;
		if (write(to_parent[1], "w", 1) != 1 || read(to_child[0], &c, 1) != 1)
			_exit(1);
		int ok = !strcmp(data_page, "child data") && !strcmp(stack_buf, "child stack") &&
			 heap[0] == 'C' && heap[3 * PAGE - 1] == 'C' && anon[0] == 'p' && anon[PAGE] == 'c' &&
			 anon[2 * PAGE - 1] == 'c' && anon[2 * PAGE] == 'p';
		_exit(ok ? 0 : 2);
	}
	char c = 0;
	CHECK(read(to_parent[0], &c, 1) == 1, "the child has written");
	CHECK(!strcmp(data_page, "parent data"), "the child's write to static data is not seen");
	CHECK(!strcmp(stack_buf, "parent stack"), "the child's write to the stack is not seen");
	CHECK(heap[0] == 'P' && heap[3 * PAGE - 1] == 'P', "the child's write to the heap is not seen");
	CHECK(anon[PAGE] == 'p', "the child's write to a private mapping is not seen");
	strcpy(data_page, "parent again");
	memset(anon, 'q', 4 * PAGE);
	CHECK(write(to_child[1], "g", 1) == 1, "parent writes after the child");
	expect_exit(wait_status(pid), 0, "the child sees only its own data");
	CHECK(!strcmp(data_page, "parent again") && anon[PAGE] == 'q', "the parent sees its own data");

	/* Three generations share one page, each writes it. */
	unsigned char *gen = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	memset(gen, 'z', PAGE);
	pid = fork();
	if (pid == 0)
		_exit(gen_child(gen, 0, to_child[0], to_parent[1]));
	CHECK(read(to_parent[0], &c, 1) == 1, "the grandchild has written");
	int untouched = 1;
	for (unsigned i = 0; i < PAGE; i++)
		untouched &= gen[i] == 'z';
	CHECK(untouched, "three generations: the parent's page is its own");
	CHECK(write(to_child[1], "g", 1) == 1, "release the grandchild");
	expect_exit(wait_status(pid), 0, "three generations: each sees only its own writes");

	/* fork after mprotect: read-only stays read-only in the child. */
	unsigned char *ro = mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	memset(ro, 'r', 2 * PAGE);
	CHECK_OK(mprotect(ro, PAGE, PROT_READ), "mprotect the first page read-only");
	expect_signal(run_child(write_readonly, ro), SIGSEGV, "the child cannot write a read-only page");
	expect_exit(run_child(write_readonly, ro + PAGE), 0, "the child can write the writable page");
	CHECK(ro[PAGE] == 'r', "and the parent does not see that write");
	pid = fork();
	if (pid == 0) {
		if (read(to_child[0], &c, 1) != 1)
			_exit(1);
		_exit(ro[0] == 'r' ? 0 : 2);
	}
	CHECK_OK(mprotect(ro, PAGE, PROT_READ | PROT_WRITE), "mprotect it writable again after fork");
	ro[0] = 'W';
	CHECK(write(to_child[1], "g", 1) == 1, "tell the child");
	expect_exit(wait_status(pid), 0, "the child keeps the old contents");
	expect_exit(run_child(write_readonly, ro), 0, "a child of the writable region may write it");

	/* MAP_SHARED stays shared. */
	volatile unsigned char *sh = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	sh[0] = 1;
	pid = fork();
	if (pid == 0) {
		sh[0] = 2;
		_exit(0);
	}
	expect_exit(wait_status(pid), 0, "a child writes a shared page");
	CHECK_EQ(sh[0], 2, "the parent sees the child's write to MAP_SHARED memory");

	/* read(2) into a page shared copy-on-write copies it for the reader only. */
	unsigned char *rd = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	memset(rd, 'o', PAGE);
	pid = fork();
	if (pid == 0) {
		if (write(to_parent[1], "from the child", 14) != 14)
			_exit(1);
		if (read(to_child[0], &c, 1) != 1)
			_exit(1);
		_exit(rd[0] == 'o' ? 0 : 2);
	}
	CHECK_EQ(read(to_parent[0], rd, 14), 14, "read into a copy-on-write page");
	CHECK(!memcmp(rd, "from the child", 14) && rd[14] == 'o', "the reader sees the data");
	CHECK(write(to_child[1], "g", 1) == 1, "tell the child");
	expect_exit(wait_status(pid), 0, "the other process keeps its own page");
	return done();
}
