/* mem_brk_mmap: the program break and anonymous mappings.
 * brk grows and shrinks and keeps data; memory given back and mapped again is zero;
 * mmap/munmap/mprotect change what a touch does (checked in children that must die
 * with SIGSEGV); private mappings are copy-on-write across fork, shared ones are not.
 * brk is called raw because brk/sbrk are not POSIX and the libc's malloc
 * is not used here, so moving the break under it is safe. */
#include "check.h"

#include <stdint.h>
#include <sys/mman.h>

#define PAGE 4096UL

/* Linux's brk returns the new break, or the unchanged old one on failure. */
static uintptr_t sys_brk(uintptr_t addr)
{
	return (uintptr_t)raw_syscall(__NR_brk, (long)addr, 0, 0);
}

static int touch_write(void *addr)
{
	*(volatile char *)addr = 1;
	return 0; /* reaching here means the write did not fault */
}

static int touch_read(void *addr)
{
	(void)*(volatile char *)addr;
	return 0; /* reaching here means the read did not fault */
}

/* A position-dependent pattern, so that shifted or swapped pages are noticed. */
static void fill(unsigned char *p, size_t n, unsigned seed)
{
	for (size_t i = 0; i < n; i++)
		p[i] = (unsigned char)(i * 7 + seed);
}

static int verify(const unsigned char *p, size_t n, unsigned seed)
{
	for (size_t i = 0; i < n; i++)
		if (p[i] != (unsigned char)(i * 7 + seed))
			return 0;
	return 1;
}

static int all_zero(const unsigned char *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (p[i])
			return 0;
	return 1;
}

static void test_brk(void)
{
	uintptr_t b0 = sys_brk(0);
	CHECK(b0 != 0 && b0 < 0xC0000000UL, "brk(0) returns the current break");
	uintptr_t base = (b0 + PAGE - 1) & ~(PAGE - 1);
	uintptr_t top = base + 64 * PAGE;
	CHECK_EQ(sys_brk(top), top, "brk grows by 64 pages");
	CHECK_EQ(sys_brk(0), top, "brk(0) reports the grown break");
	CHECK(all_zero((unsigned char *)b0, top - b0), "new heap memory reads zero");
	fill((unsigned char *)b0, top - b0, 3);
	CHECK(verify((unsigned char *)b0, top - b0, 3), "heap keeps written data");

	uintptr_t mid = base + 2 * PAGE;
	CHECK_EQ(sys_brk(mid), mid, "brk shrinks");
	CHECK(verify((unsigned char *)b0, mid - b0, 3), "data below the shrunk break kept");
	expect_signal(run_child(touch_write, (void *)(mid + PAGE)), SIGSEGV,
		      "touching above the shrunk break faults");
	CHECK_EQ(sys_brk(top), top, "brk grows again");
	CHECK(all_zero((unsigned char *)mid, top - mid), "re-grown heap pages are zero");
	CHECK(verify((unsigned char *)b0, mid - b0, 3), "old data still there after re-grow");

	CHECK_EQ(sys_brk(0xFFFFF000UL), top, "brk into the stack fails, break unchanged");
	CHECK_EQ(sys_brk(0xFFFFFFFFUL), top, "brk to the last byte (its page rounding wraps) fails");
	CHECK(verify((unsigned char *)b0, mid - b0, 3), "... and the heap is still there");
	CHECK_EQ(sys_brk(b0), b0, "brk back to the start");
}

static void test_mmap_rw(void)
{
	size_t len = 16 * PAGE;
	unsigned char *p = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (!CHECK(p != MAP_FAILED, "mmap 16 anonymous pages"))
		return;
	CHECK_EQ((uintptr_t)p % PAGE, 0, "mmap result is page aligned");
	CHECK(all_zero(p, len), "anonymous mapping reads zero");
	fill(p, len, 5);
	CHECK(verify(p, len, 5), "anonymous mapping keeps data");

	/* mprotect read-only: reads work, a write kills the (child) writer. */
	CHECK_OK(mprotect(p, PAGE, PROT_READ), "mprotect first page PROT_READ");
	CHECK(verify(p, PAGE, 5), "read-only page still readable");
	expect_signal(run_child(touch_write, p), SIGSEGV, "write to PROT_READ page faults");
	expect_exit(run_child(touch_write, p + PAGE), 0, "next page still writable");
	CHECK_OK(mprotect(p, PAGE, PROT_NONE), "mprotect PROT_NONE");
	expect_signal(run_child(touch_read, p), SIGSEGV, "read of PROT_NONE page faults");
	CHECK_OK(mprotect(p, PAGE, PROT_READ | PROT_WRITE), "mprotect back to read/write");
	p[0] = 42;
	CHECK_EQ(p[0], 42, "page writable again");
	CHECK_ERR(mprotect(p + 1, PAGE, PROT_READ), EINVAL, "mprotect unaligned EINVAL");

	/* Private mappings are copy-on-write: the child's write stays in the child. */
	p[100] = 1;
	pid_t pid = fork();
	if (pid == 0) {
		p[100] = 2;
		_exit(p[100] == 2 ? 0 : 1);
	}
	expect_exit(wait_status(pid), 0, "child writes its private copy");
	CHECK_EQ(p[100], 1, "parent's private page unchanged by child");

	/* Unmapping the middle leaves a hole; MAP_FIXED fills exactly that hole. */
	CHECK_OK(munmap(p + 4 * PAGE, PAGE), "munmap one page in the middle");
	expect_signal(run_child(touch_read, p + 4 * PAGE), SIGSEGV, "read of unmapped page faults");
	CHECK(verify(p + 5 * PAGE, PAGE, 5), "page after the hole intact");
	void *q = mmap(p + 4 * PAGE, PAGE, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
	CHECK(q == p + 4 * PAGE, "MAP_FIXED maps at the requested address");
	CHECK(all_zero(p + 4 * PAGE, PAGE), "MAP_FIXED page is zero");
	CHECK_OK(munmap(p, len), "munmap the whole range");
	expect_signal(run_child(touch_write, p), SIGSEGV, "write after munmap faults");
}

static void test_mmap_shared(void)
{
	volatile int *s = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (!CHECK(s != MAP_FAILED, "mmap shared anonymous page"))
		return;
	*s = 1;
	pid_t pid = fork();
	if (pid == 0) {
		*s = 77;
		_exit(0);
	}
	int st;
	waitpid(pid, &st, 0);
	CHECK_EQ(*s, 77, "shared mapping sees the child's write");
	munmap((void *)s, PAGE);
}

static void test_mmap_errors(void)
{
	CHECK_ERR(mmap(NULL, 0, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0), EINVAL,
		  "mmap length 0 EINVAL");
	CHECK_ERR(mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE, -1, 0), EBADF,
		  "mmap fd -1 without MAP_ANONYMOUS EBADF");
	CHECK_ERR(munmap((void *)(PAGE + 1), PAGE), EINVAL, "munmap unaligned EINVAL");
}

/* Many small regions of different sizes, all live at once, each with its own data. */
static void test_many(void)
{
	enum { N = 100 };
	unsigned char *r[N];
	int mapped = 0, good = 0;
	for (int i = 0; i < N; i++) {
		size_t len = (i % 4 + 1) * PAGE;
		r[i] = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		if (r[i] == MAP_FAILED)
			break;
		mapped++;
		fill(r[i], len, i);
	}
	CHECK_EQ(mapped, N, "mmap 100 regions");
	for (int i = 0; i < mapped; i++)
		good += verify(r[i], (i % 4 + 1) * PAGE, i);
	CHECK_EQ(good, mapped, "each region keeps its own data");
	int unmapped = 0;
	for (int i = 0; i < mapped; i++)
		unmapped += munmap(r[i], (i % 4 + 1) * PAGE) == 0;
	CHECK_EQ(unmapped, mapped, "munmap all regions");
}

int main(void)
{
	test_brk();
	test_mmap_rw();
	test_mmap_shared();
	test_mmap_errors();
	test_many();
	return done();
}
