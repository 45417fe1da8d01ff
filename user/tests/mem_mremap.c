/* mem_mremap: mremap of anonymous memory as Linux: shrinking in place,
 * growing in place when the room above is free (new pages zero), moving the
 * pages with MREMAP_MAYMOVE or to MREMAP_FIXED's address when it is not
 * (the data goes along, the old range is gone, a child sharing the pages
 * copy-on-write keeps its own); its errors; and madvise(MADV_DONTNEED),
 * after which private pages read as zeros. */
#define _GNU_SOURCE
#include "check.h"

#include <stdint.h>
#include <sys/mman.h>

#define PAGE 4096u

#ifndef MREMAP_MAYMOVE
#define MREMAP_MAYMOVE 1
#define MREMAP_FIXED 2
#endif

static long sys_mremap(void *a, size_t old, size_t new, int flags, void *to)
{
	return raw_syscall6(__NR_mremap, (long)a, (long)old, (long)new, flags, (long)to, 0);
}

static int touch(void *p)
{
	*(volatile char *)p = 1;
	return 0;
}

static int filled(const unsigned char *p, size_t n, unsigned char c)
{
	for (size_t i = 0; i < n; i++)
		if (p[i] != c)
			return 0;
	return 1;
}

int main(void)
{
	/* A hole of 16 pages with nothing in it, for placing things. */
	unsigned char *g = mmap(NULL, 16 * PAGE, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(g != MAP_FAILED && munmap(g, 16 * PAGE) == 0, "a free range of 16 pages");
	unsigned char *a = mmap(g, 4 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
	CHECK(a == g, "4 pages at its start");
	memset(a, 'a', 4 * PAGE);

	CHECK_EQ(sys_mremap(a, 4 * PAGE, 2 * PAGE, 0, NULL), (long)a, "shrink to 2 pages in place");
	expect_signal(run_child(touch, a + 2 * PAGE), SIGSEGV, "the cut pages are gone");
	CHECK(filled(a, 2 * PAGE, 'a'), "the kept pages keep their data");

	CHECK_EQ(sys_mremap(a, 2 * PAGE, 6 * PAGE, 0, NULL), (long)a, "grow to 6 pages in place");
	CHECK(filled(a, 2 * PAGE, 'a') && filled(a + 2 * PAGE, 4 * PAGE, 0), "old data kept, new pages zero");
	memset(a + 2 * PAGE, 'b', 4 * PAGE);

	/* A neighbour right above: growing must move. */
	unsigned char *n = mmap(a + 6 * PAGE, PAGE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
	CHECK(n == a + 6 * PAGE, "a neighbour above");
	CHECK_EQ(sys_mremap(a, 6 * PAGE, 8 * PAGE, 0, NULL), -ENOMEM,
		 "growing into the neighbour without MREMAP_MAYMOVE is ENOMEM");

	pid_t pid = fork();
	if (pid == 0) {
		sleep_ms(200);
		_exit(filled(a, 2 * PAGE, 'a') && filled(a + 2 * PAGE, 4 * PAGE, 'b') ? 0 : 1);
	}
	long m = sys_mremap(a, 6 * PAGE, 8 * PAGE, MREMAP_MAYMOVE, NULL);
	unsigned char *b = (unsigned char *)m;
	CHECK((unsigned long)m < -4096UL && b != a, "MREMAP_MAYMOVE moves it");
	CHECK(filled(b, 2 * PAGE, 'a') && filled(b + 2 * PAGE, 4 * PAGE, 'b') && filled(b + 6 * PAGE, 2 * PAGE, 0),
	      "the data moved along, the new pages are zero");
	expect_signal(run_child(touch, a), SIGSEGV, "the old range is gone");
	memset(b, 'c', 8 * PAGE);
	expect_exit(wait_status(pid), 0, "a child sharing the pages before the move keeps its own");

	unsigned char *to = mmap(NULL, 4 * PAGE, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(to != MAP_FAILED && munmap(to, 4 * PAGE) == 0, "a free range of 4 pages");
	CHECK_EQ(sys_mremap(b, 8 * PAGE, 4 * PAGE, MREMAP_MAYMOVE | MREMAP_FIXED, to), (long)to,
		 "MREMAP_FIXED moves to the address given");
	CHECK(filled(to, 4 * PAGE, 'c'), "with its data");

	CHECK_EQ(sys_mremap(to + 1, PAGE, 2 * PAGE, MREMAP_MAYMOVE, NULL), -EINVAL,
		 "unaligned address EINVAL");
	CHECK_EQ(sys_mremap(to, PAGE, 2 * PAGE, MREMAP_FIXED, to + 2 * PAGE), -EINVAL,
		 "MREMAP_FIXED without MREMAP_MAYMOVE EINVAL");
	void *hole = mmap(NULL, PAGE, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(hole != MAP_FAILED && munmap(hole, PAGE) == 0, "an unmapped page");
	CHECK_EQ(sys_mremap(hole, PAGE, 2 * PAGE, MREMAP_MAYMOVE, NULL), -EFAULT,
		 "an unmapped address EFAULT");
	CHECK_EQ(sys_mremap(to, 8 * PAGE, 9 * PAGE, MREMAP_MAYMOVE, NULL), -EFAULT,
		 "an old length past the mapping EFAULT");

	CHECK_OK(madvise(to, 2 * PAGE, MADV_DONTNEED), "madvise MADV_DONTNEED");
	CHECK(filled(to, 2 * PAGE, 0) && filled(to + 2 * PAGE, 2 * PAGE, 'c'),
	      "the pages advised read as zeros, the others keep their data");
	return done();
}
