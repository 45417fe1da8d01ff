/* mem_return: memory comes back, as /proc/meminfo's MemFree and Slab show
 * (what the fuzzer checks after its run): a 1.5 GiB mmap fails at once with
 * ENOMEM instead of first taking and zeroing all free memory; truncating a
 * file gives its pages back (they used to stay until unlink); the kernel
 * heap's pages go back to the page allocator after a burst of small
 * allocations (they never did). Kernel-only: exact meminfo figures. */
#include "check.h"

#include <fcntl.h>
#include <stdlib.h>

/* Within 512 kB of where it started: page tables, stacks and buffers come
 * and go; what is checked is ten times that. */
#define CHECK_NEAR(now, then, what)                                             \
	({                                                                      \
		long now_ = (now), then_ = (then);                              \
		char d_[64];                                                    \
		snprintf(d_, sizeof d_, "%ld kB, expected %ld", now_, then_);   \
		check_record(labs(now_ - then_) <= 512, (what), d_);             \
	})

static void test_big_mmap(void)
{
	long free0 = meminfo_kb("MemFree:");
	long t0 = now_ms();
	void *p = mmap(NULL, 1536u << 20, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(p == MAP_FAILED && errno == ENOMEM, "a 1.5 GiB mmap is ENOMEM");
	CHECK(now_ms() - t0 < 1000, "... at once");
	CHECK_NEAR(meminfo_kb("MemFree:"), free0, "... and takes no memory");
	CHECK(sbrk(1536u << 20) == (void *)-1, "so is a 1.5 GiB brk");
}

static void test_truncate(void)
{
	static char chunk[65536];
	long free0 = meminfo_kb("MemFree:");
	int fd = open("/tmp/mem_return.data", O_RDWR | O_CREAT | O_TRUNC, 0644);
	int ok = 1;
	for (int i = 0; i < 128; i++)
		ok &= write(fd, chunk, sizeof chunk) == (ssize_t)sizeof chunk;
	CHECK(ok, "wrote 8 MiB");
	CHECK(meminfo_kb("MemFree:") <= free0 - 7680, "the file holds 8 MiB");
	CHECK_EQ(ftruncate(fd, 4096), 0, "ftruncate to one page");
	CHECK_NEAR(meminfo_kb("MemFree:"), free0 - 4, "gives all but that page back");
	CHECK_EQ(ftruncate(fd, 0), 0, "ftruncate to 0");
	CHECK_NEAR(meminfo_kb("MemFree:"), free0, "gives everything back");
	close(fd);
	unlink("/tmp/mem_return.data");
}

static void test_heap(void)
{
	long free0 = meminfo_kb("MemFree:"), slab0 = meminfo_kb("Slab:");
	static char block[1000];
	char name[64];
	int made = 0;
	for (int i = 0; i < 3000; i++) {
		snprintf(name, sizeof name, "/tmp/mem_return_%d_with_a_long_name_for_the_heap", i);
		int fd = open(name, O_WRONLY | O_CREAT, 0644);
		made += fd >= 0 && write(fd, block, sizeof block) == (ssize_t)sizeof block;
		close(fd);
	}
	CHECK_EQ(made, 3000, "3000 small files");
	/* Their bytes are page-cache pages; the heap holds the inodes and names. */
	CHECK(meminfo_kb("Slab:") > slab0 + 400, "the heap grew by 400 kB");
	CHECK(meminfo_kb("MemFree:") < free0 - 3000 * 4, "and each file took a page");
	for (int i = 0; i < 3000; i++) {
		snprintf(name, sizeof name, "/tmp/mem_return_%d_with_a_long_name_for_the_heap", i);
		unlink(name);
	}
	CHECK_NEAR(meminfo_kb("Slab:"), slab0, "unlinked: the heap is back");
	CHECK_NEAR(meminfo_kb("MemFree:"), free0, "and so are its pages");
}

int main(void)
{
	CHECK(meminfo_kb("MemTotal:") > 0 && meminfo_kb("MemFree:") > 0 && meminfo_kb("Slab:") >= 0,
	      "/proc/meminfo has MemTotal, MemFree and Slab");
	test_truncate();
	test_heap();
	test_big_mmap();
	return done();
}
