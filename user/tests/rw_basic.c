/* rw_basic: read, write, open flags and lseek on regular files in /tmp.
 * O_CREAT|O_EXCL, O_TRUNC and O_APPEND, data read back byte for byte (also across
 * many blocks and across a hole), EOF and zero counts, EFAULT for unmapped buffers,
 * EBADF for the wrong access mode, EISDIR for directories, lseek whences and its
 * EINVAL/ESPIPE errors.  After LTP's read*, write*, open* and lseek* tests. */
#include "check.h"

#include <fcntl.h>
#include <sys/stat.h>

#define BADFD_RW 999 /* never opened */

static char path[64];
static unsigned char big[100000], back[100000];

static long file_size(int fd)
{
	struct stat st;
	return fstat(fd, &st) == 0 ? (long)st.st_size : -1;
}

static void test_create(void)
{
	unlink(path);
	CHECK_ERR(open(path, O_RDONLY), ENOENT, "open missing file without O_CREAT ENOENT");
	int fd = CHECK_OK(open(path, O_RDWR | O_CREAT | O_EXCL, 0644), "O_CREAT|O_EXCL creates");
	CHECK_ERR(open(path, O_RDWR | O_CREAT | O_EXCL, 0644), EEXIST, "O_EXCL on existing EEXIST");
	CHECK_EQ(write(fd, "hello world", 11), 11, "write 11 bytes");
	CHECK_EQ(file_size(fd), 11, "size is 11");
	CHECK_EQ(lseek(fd, 0, SEEK_SET), 0, "lseek to start");
	char buf[32] = { 0 };
	CHECK_EQ(read(fd, buf, sizeof buf), 11, "read returns the 11 bytes");
	CHECK(memcmp(buf, "hello world", 11) == 0, "bytes read back match");
	CHECK_EQ(read(fd, buf, sizeof buf), 0, "read at EOF returns 0");
	CHECK_EQ(read(fd, buf, 0), 0, "read count 0 returns 0");
	CHECK_EQ(write(fd, buf, 0), 0, "write count 0 returns 0");
	CHECK_EQ(file_size(fd), 11, "write count 0 changes nothing");
	close(fd);

	/* O_CREAT without O_EXCL on an existing file just opens it. */
	fd = open(path, O_RDWR | O_CREAT, 0644);
	CHECK_EQ(file_size(fd), 11, "O_CREAT alone keeps an existing file");
	close(fd);
	fd = open(path, O_RDWR | O_TRUNC);
	CHECK_EQ(file_size(fd), 0, "O_TRUNC empties the file");
	CHECK_EQ(read(fd, buf, sizeof buf), 0, "truncated file reads EOF");
	close(fd);
}

static void test_append(void)
{
	int fd = open(path, O_WRONLY | O_TRUNC);
	write(fd, "12345", 5);
	close(fd);
	fd = open(path, O_WRONLY | O_APPEND);
	CHECK_EQ(lseek(fd, 0, SEEK_SET), 0, "lseek on O_APPEND fd");
	CHECK_EQ(write(fd, "abc", 3), 3, "O_APPEND write");
	CHECK_EQ(lseek(fd, 0, SEEK_CUR), 8, "O_APPEND write moved to the end");
	close(fd);
	fd = open(path, O_RDONLY);
	char buf[16] = { 0 };
	CHECK_EQ(read(fd, buf, sizeof buf), 8, "file has both writes");
	CHECK(memcmp(buf, "12345abc", 8) == 0, "O_APPEND data went after the old data");
	close(fd);
}

static void test_big_and_hole(void)
{
	for (size_t i = 0; i < sizeof big; i++)
		big[i] = (unsigned char)(i * 131 + (i >> 9));
	int fd = open(path, O_RDWR | O_TRUNC);
	CHECK_EQ(write(fd, big, sizeof big), sizeof big, "write 100000 bytes");
	lseek(fd, 0, SEEK_SET);
	long got = 0, r;
	while (got < (long)sizeof back && (r = read(fd, back + got, sizeof back - got)) > 0)
		got += r;
	CHECK_EQ(got, sizeof big, "read 100000 bytes back");
	CHECK(memcmp(big, back, sizeof big) == 0, "100000 bytes match");

	/* Seeking past the end and writing leaves a hole that reads as zeros. */
	CHECK_EQ(lseek(fd, 200000, SEEK_SET), 200000, "lseek past EOF");
	CHECK_EQ(file_size(fd), 100000, "lseek alone does not grow the file");
	CHECK_EQ(write(fd, "Z", 1), 1, "write past EOF");
	CHECK_EQ(file_size(fd), 200001, "file grew to cover the write");
	lseek(fd, 100000, SEEK_SET);
	memset(back, 0xff, sizeof back);
	got = 0;
	while (got < (long)sizeof back && (r = read(fd, back + got, sizeof back - got)) > 0)
		got += r;
	int zeros = 1;
	for (size_t i = 0; i < sizeof back; i++)
		zeros &= back[i] == 0;
	CHECK(got == 100000 && zeros, "hole reads as zeros");
	char z = 0;
	CHECK_EQ(read(fd, &z, 1), 1, "byte after the hole");
	CHECK_EQ(z, 'Z', "byte after the hole is the one written");
	close(fd);
}

static void test_lseek(void)
{
	int fd = open(path, O_RDWR | O_TRUNC);
	write(fd, "0123456789", 10);
	CHECK_EQ(lseek(fd, 4, SEEK_SET), 4, "SEEK_SET 4");
	CHECK_EQ(lseek(fd, 2, SEEK_CUR), 6, "SEEK_CUR +2");
	CHECK_EQ(lseek(fd, -3, SEEK_CUR), 3, "SEEK_CUR -3");
	CHECK_EQ(lseek(fd, -1, SEEK_END), 9, "SEEK_END -1");
	char c = 0;
	read(fd, &c, 1);
	CHECK_EQ(c, '9', "read at SEEK_END -1");
	CHECK_ERR(lseek(fd, -1, SEEK_SET), EINVAL, "negative SEEK_SET EINVAL");
	CHECK_ERR(lseek(fd, -20, SEEK_END), EINVAL, "SEEK_END before start EINVAL");
	CHECK_ERR(lseek(fd, 0, 77), EINVAL, "bad whence EINVAL");
	CHECK_EQ(lseek(fd, 0, SEEK_CUR), 10, "failed lseeks kept the offset");
	CHECK_ERR(lseek(BADFD_RW, 0, SEEK_SET), EBADF, "lseek bad fd EBADF");
	int p[2];
	pipe(p);
	CHECK_ERR(lseek(p[0], 0, SEEK_SET), ESPIPE, "lseek on pipe read end ESPIPE");
	CHECK_ERR(lseek(p[1], 0, SEEK_CUR), ESPIPE, "lseek on pipe write end ESPIPE");
	close(p[0]);
	close(p[1]);
	close(fd);
}

static void test_errors(void)
{
	int fd = open(path, O_RDWR | O_TRUNC);
	write(fd, "some data", 9);
	lseek(fd, 0, SEEK_SET);
	void *gone = unmapped_page();
	CHECK_ERR(read(fd, null_ptr(), 5), EFAULT, "read into NULL EFAULT");
	CHECK_ERR(read(fd, gone, 5), EFAULT, "read into unmapped page EFAULT");
	CHECK_ERR(write(fd, null_ptr(), 5), EFAULT, "write from NULL EFAULT");
	CHECK_ERR(write(fd, gone, 5), EFAULT, "write from unmapped page EFAULT");
	CHECK_EQ(file_size(fd), 9, "failed writes did not change the file");
	close(fd);

	int wo = open(path, O_WRONLY), ro = open(path, O_RDONLY);
	char buf[4];
	CHECK_ERR(read(wo, buf, 1), EBADF, "read on write-only fd EBADF");
	CHECK_ERR(write(ro, "x", 1), EBADF, "write on read-only fd EBADF");
	close(wo);
	close(ro);
	CHECK_ERR(read(BADFD_RW, buf, 1), EBADF, "read on never-opened fd EBADF");
	CHECK_ERR(write(BADFD_RW, "x", 1), EBADF, "write on never-opened fd EBADF");

	int dir = open("/tmp", O_RDONLY);
	CHECK(dir >= 0, "open a directory read-only");
	CHECK_ERR(read(dir, buf, sizeof buf), EISDIR, "read a directory EISDIR");
	close(dir);
	CHECK_ERR(open("/tmp", O_WRONLY), EISDIR, "open a directory for writing EISDIR");
	CHECK_ERR(open("/tmp", O_RDWR), EISDIR, "open a directory read-write EISDIR");
	CHECK_ERR(open("", O_RDONLY), ENOENT, "open empty path ENOENT");
	CHECK_ERR(open(null_ptr(), O_RDONLY), EFAULT, "open NULL path EFAULT");
}

int main(void)
{
	snprintf(path, sizeof path, "/tmp/rw_basic.%d", (int)getpid());
	test_create();
	test_append();
	test_big_and_hole();
	test_lseek();
	test_errors();
	CHECK_OK(unlink(path), "unlink the test file");
	return done();
}
