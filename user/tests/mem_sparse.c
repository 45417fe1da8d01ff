/* mem_sparse: a file made of pages. A write far past the end leaves a hole
 * that read(2) and mmap show as zeros and that takes no blocks (st_blocks
 * counts pages, as tmpfs); a file larger than 64 MiB is stored and read back;
 * truncating leaves it no blocks (mem_return and the fs_enospc KTEST check
 * the memory comes back); past RLIMIT_FSIZE a write is cut short,
 * then EFBIG with SIGXFSZ (which kills by default). */
#include "check.h"

#include <sys/stat.h>

#define PAGE 4096u
#define MIB (1024u * 1024u)
#define PATH "/tmp/mem_sparse.dat"
#define BIG_MIB 72u

static int all_zero(const char *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (p[i])
			return 0;
	return 1;
}

static void holes(void)
{
	int fd = open(PATH, O_RDWR | O_CREAT | O_TRUNC, 0600);
	CHECK(fd >= 0, "a new file");
	CHECK(pwrite(fd, "x", 1, 10 * MIB) == 1, "a byte written at 10 MiB");
	struct stat st;
	CHECK(fstat(fd, &st) == 0 && st.st_size == 10 * MIB + 1, "the size counts the hole");
	CHECK_EQ(st.st_blocks, 8, "st_blocks: one page");
	static char buf[3 * PAGE];
	memset(buf, 1, sizeof buf);
	CHECK(pread(fd, buf, sizeof buf, 5 * MIB - 100) == (ssize_t)sizeof buf && all_zero(buf, sizeof buf),
	      "the hole reads as zeros");
	CHECK(pwrite(fd, "y", 1, 100) == 1 && fstat(fd, &st) == 0 && st.st_blocks == 16, "filling a page of the hole");
	/* (Linux maps a hole without giving it a page, here it gets one: st_blocks differs after.) */
	char *p = mmap(NULL, 10 * MIB + PAGE, PROT_READ, MAP_SHARED, fd, 0);
	CHECK(p != MAP_FAILED && all_zero(p + 3 * MIB, PAGE) && p[10 * MIB] == 'x' && p[100] == 'y',
	      "the hole reads as zeros through a mapping");
	munmap(p, 10 * MIB + PAGE);
	CHECK(ftruncate(fd, 200) == 0 && fstat(fd, &st) == 0 && st.st_size == 200,
	      "truncate to 200 bytes");
	char c = 1;
	CHECK(ftruncate(fd, 2 * PAGE) == 0 && pread(fd, &c, 1, 150) == 1 && c == 0 && pread(fd, &c, 1, 100) == 1 &&
	      c == 'y', "truncated bytes read as zeros when the file grows again");
	close(fd);
}

static void big(void)
{
	int fd = open(PATH, O_RDWR | O_CREAT | O_TRUNC, 0600);
	static char buf[64 * 1024];
	int ok = fd >= 0;
	for (unsigned off = 0; ok && off < BIG_MIB * MIB; off += sizeof buf) {
		memset(buf, 'A' + (off / MIB) % 26, sizeof buf);
		ok = write(fd, buf, sizeof buf) == (ssize_t)sizeof buf;
	}
	CHECK(ok, "a 72 MiB file written");
	struct stat st;
	CHECK(fstat(fd, &st) == 0 && st.st_size == (off_t)(BIG_MIB * MIB), "its size");
	ok = 1;
	for (unsigned mib = 0; ok && mib < BIG_MIB; mib += 7)
		ok = pread(fd, buf, 16, mib * MIB + 1000) == 16 && buf[0] == (char)('A' + mib % 26) && buf[15] == buf[0];
	CHECK(ok, "every part of it reads back");
	char *p = mmap(NULL, BIG_MIB * MIB, PROT_READ, MAP_PRIVATE, fd, 0);
	CHECK(p != MAP_FAILED && p[70 * MIB + 5] == (char)('A' + 70 % 26), "mapped whole, past 64 MiB");
	munmap(p, BIG_MIB * MIB);
	CHECK(fstat(fd, &st) == 0 && st.st_blocks >= (blkcnt_t)(BIG_MIB * MIB / 512), "every page counts in st_blocks");
	CHECK(ftruncate(fd, 0) == 0 && fstat(fd, &st) == 0 && st.st_size == 0 && st.st_blocks == 0,
	      "truncated to nothing: no blocks left");
	close(fd);
}

struct k_rlimit_ { unsigned long cur, max; };

static int over_limit(void *arg)
{
	int ignore = arg != NULL;
	if (ignore)
		signal(SIGXFSZ, SIG_IGN);
	struct k_rlimit_ rl = { 3 * PAGE, 3 * PAGE };
	if (raw_syscall(__NR_setrlimit, 1 /* RLIMIT_FSIZE */, (long)&rl, 0))
		return 10;
	int fd = open(PATH, O_RDWR | O_CREAT | O_TRUNC, 0600);
	static char buf[2 * PAGE];
	if (write(fd, buf, sizeof buf) != (ssize_t)sizeof buf)
		return 11;
	if (write(fd, buf, sizeof buf) != PAGE)
		return 12;              /* cut at the limit */
	errno = 0;
	if (write(fd, buf, 1) != -1 || errno != EFBIG)
		return 13;
	return 0;
}

int main(void)
{
	holes();
	big();
	expect_exit(run_child(over_limit, (void *)1), 0, "RLIMIT_FSIZE: a short write, then EFBIG");
	expect_signal(run_child(over_limit, NULL), SIGXFSZ, "SIGXFSZ kills by default");
	unlink(PATH);
	return done();
}
