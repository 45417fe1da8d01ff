/* devs_std: the memory devices /dev/null, /dev/zero, /dev/full, /dev/random, /dev/urandom.
 * Each node is a character device with Linux's numbers (major 1, minors 3, 5, 7, 8, 9);
 * null swallows writes without touching the buffer (a bad pointer still succeeds) and
 * reads EOF; zero fills whole buffers with zeros (EFAULT for a bad one); full refuses
 * writes with ENOSPC and reads zeros; the random devices give varied bytes. */
#include "check.h"

#include <fcntl.h>
#include <sys/stat.h>

static unsigned char buf[100000];

static void test_nodes(void)
{
	static const struct {
		const char *path;
		unsigned minor;
	} nodes[] = {
		{ "/dev/null", 3 }, { "/dev/zero", 5 }, { "/dev/full", 7 },
		{ "/dev/random", 8 }, { "/dev/urandom", 9 },
	};
	int good = 0;
	for (unsigned i = 0; i < sizeof nodes / sizeof nodes[0]; i++) {
		struct stat st;
		if (stat(nodes[i].path, &st) == 0 && S_ISCHR(st.st_mode) &&
		    dev_major(st.st_rdev) == 1 && dev_minor(st.st_rdev) == nodes[i].minor)
			good++;
	}
	CHECK_EQ(good, 5, "memory devices are char nodes 1,3 1,5 1,7 1,8 1,9");
}

static int all_bytes(const unsigned char *p, size_t n, unsigned char v)
{
	for (size_t i = 0; i < n; i++)
		if (p[i] != v)
			return 0;
	return 1;
}

static void test_null(void)
{
	int fd = CHECK_OK(open("/dev/null", O_RDWR), "open /dev/null");
	CHECK_EQ(read(fd, buf, 100), 0, "/dev/null read returns 0");
	CHECK_EQ(write(fd, buf, 100), 100, "/dev/null write returns the count");
	CHECK_EQ(write(fd, buf, sizeof buf), sizeof buf, "/dev/null swallows 100000 bytes");
	CHECK_EQ(write(fd, null_ptr(), 10), 10, "/dev/null write from NULL still succeeds");
	CHECK_EQ(write(fd, unmapped_page(), 10), 10, "/dev/null write from unmapped page succeeds");
	CHECK_EQ(read(fd, null_ptr(), 10), 0, "/dev/null read into NULL returns 0");
	close(fd);
}

static void test_zero(void)
{
	int fd = CHECK_OK(open("/dev/zero", O_RDWR), "open /dev/zero");
	memset(buf, 0xff, sizeof buf);
	CHECK_EQ(read(fd, buf, 4096), 4096, "/dev/zero read 4096");
	CHECK(all_bytes(buf, 4096, 0), "/dev/zero gives zeros");
	CHECK(all_bytes(buf + 4096, 100, 0xff), "/dev/zero wrote no more than asked");
	memset(buf, 0xff, sizeof buf);
	CHECK_EQ(read(fd, buf + 1, sizeof buf - 1), sizeof buf - 1, "/dev/zero large unaligned read");
	CHECK(buf[0] == 0xff && all_bytes(buf + 1, sizeof buf - 1, 0), "large read is all zeros");
	CHECK_ERR(read(fd, null_ptr(), 10), EFAULT, "/dev/zero read into NULL EFAULT");
	CHECK_ERR(read(fd, unmapped_page(), 10), EFAULT, "/dev/zero read into unmapped page EFAULT");
	CHECK_EQ(write(fd, buf, 123), 123, "/dev/zero write returns the count");
	close(fd);
}

static void test_full(void)
{
	int fd = CHECK_OK(open("/dev/full", O_RDWR), "open /dev/full");
	CHECK_ERR(write(fd, "x", 1), ENOSPC, "/dev/full write ENOSPC");
	CHECK_ERR(write(fd, buf, 4096), ENOSPC, "/dev/full large write ENOSPC");
	memset(buf, 0xff, 4096);
	CHECK_EQ(read(fd, buf, 4096), 4096, "/dev/full read 4096");
	CHECK(all_bytes(buf, 4096, 0), "/dev/full reads zeros");
	close(fd);
}

/* Not a randomness test: it catches a device that returns constant or repeated data. */
static void test_random(const char *path, const char *what_distinct, const char *what_differ)
{
	static unsigned char a[4096], b[4096];
	int fd = open(path, O_RDONLY);
	long ra = read(fd, a, sizeof a), rb = read(fd, b, sizeof b);
	CHECK(ra == (long)sizeof a && rb == (long)sizeof b && !all_bytes(a, sizeof a, a[0]),
	      what_distinct);
	CHECK(memcmp(a, b, sizeof a) != 0, what_differ);
	close(fd);
}

int main(void)
{
	test_nodes();
	test_null();
	test_zero();
	test_full();
	test_random("/dev/urandom", "/dev/urandom 4096 bytes not all equal",
		    "/dev/urandom two reads differ");
	test_random("/dev/random", "/dev/random 4096 bytes not all equal",
		    "/dev/random two reads differ");
	return done();
}
