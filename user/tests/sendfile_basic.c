/* sendfile_basic: sendfile and sendfile64 copy from a regular file to a
 * pipe, a file or /dev/null; with an offset pointer the offset moves and the
 * file position does not, without one the position moves; short counts at
 * the end of the file; EBADF (bad fds, wrong access modes, O_PATH), EINVAL
 * (a pipe as input, O_APPEND output, a negative offset), ESPIPE (an offset
 * with a pipe input), EFAULT (a bad offset pointer), EOVERFLOW for an offset
 * sendfile's 32 bits cannot pass. */
#define _GNU_SOURCE
#include "check.h"

#include <stdint.h>
#include <sys/stat.h>

#define F "/tmp/sendfile_basic.in"
#define G "/tmp/sendfile_basic.out"

static long sf(int out, int in, int32_t *off, size_t count)
{
	return sys_call6(__NR_sendfile, out, in, (long)off, (long)count, 0, 0);
}

static long sf64(int out, int in, int64_t *off, size_t count)
{
	return sys_call6(__NR_sendfile64, out, in, (long)off, (long)count, 0, 0);
}

int main(void)
{
	int in = open(F, O_CREAT | O_TRUNC | O_RDWR, 0644);
	char data[10000];
	for (size_t i = 0; i < sizeof data; i++)
		data[i] = (char)('a' + i % 26);
	CHECK(in >= 0 && write(in, data, sizeof data) == (ssize_t)sizeof data, "make a 10000-byte file");
	lseek(in, 0, SEEK_SET);

	int p[2];
	CHECK_OK(pipe(p), "pipe");
	char buf[10000];
	int32_t off = 100;
	CHECK_EQ(sf(p[1], in, &off, 50), 50, "sendfile to a pipe at an offset: 50");
	CHECK_EQ(off, 150, "offset moved to 150");
	CHECK_EQ(lseek(in, 0, SEEK_CUR), 0, "file position unchanged");
	CHECK(read(p[0], buf, sizeof buf) == 50 && memcmp(buf, data + 100, 50) == 0, "the bytes at 100");

	CHECK_EQ(sf(p[1], in, NULL, 30), 30, "sendfile without offset: 30");
	CHECK_EQ(lseek(in, 0, SEEK_CUR), 30, "file position moved to 30");
	CHECK(read(p[0], buf, sizeof buf) == 30 && memcmp(buf, data, 30) == 0, "the bytes from 0");

	int64_t off64 = 9990;
	CHECK_EQ(sf64(p[1], in, &off64, 100), 10, "sendfile64 at the end: short count 10");
	CHECK_EQ(off64, 10000, "offset at the end");
	CHECK(read(p[0], buf, sizeof buf) == 10 && memcmp(buf, data + 9990, 10) == 0, "the last 10 bytes");
	CHECK_EQ(sf64(p[1], in, &off64, 100), 0, "at EOF: 0");
	CHECK_EQ(sf(p[1], in, &off, 0), 0, "count 0: 0");

	int out = open(G, O_CREAT | O_TRUNC | O_WRONLY, 0644);
	off64 = 0;
	CHECK_EQ(sf64(out, in, &off64, sizeof data), (long)sizeof data, "sendfile64 file to file, whole");
	CHECK_EQ(lseek(out, 0, SEEK_CUR), (long)sizeof data, "output position moved");
	close(out);
	int chk = open(G, O_RDONLY);
	CHECK(chk >= 0 && read(chk, buf, sizeof buf) == (ssize_t)sizeof data && memcmp(buf, data, sizeof data) == 0,
	      "the copy is identical");
	close(chk);
	int null = open("/dev/null", O_WRONLY);
	CHECK_EQ(sf(null, in, NULL, 5000), 5000, "to /dev/null: 5000");
	CHECK_EQ(lseek(in, 0, SEEK_CUR), 5030, "position 5030");
	close(null);

	CHECK_ERR(sf(p[1], 999, NULL, 10), EBADF, "bad in fd EBADF");
	CHECK_ERR(sf(999, in, NULL, 10), EBADF, "bad out fd EBADF");
	CHECK_ERR(sf(p[0], in, NULL, 10), EBADF, "read end as output EBADF");
	int wo = open(F, O_WRONLY);
	CHECK_ERR(sf(p[1], wo, NULL, 10), EBADF, "write-only input EBADF");
	close(wo);
	int op = open(F, O_PATH);
	CHECK_ERR(sf(p[1], op, NULL, 10), EBADF, "O_PATH input EBADF");
	close(op);
	int q[2];
	CHECK_OK(pipe(q), "second pipe");
	CHECK(write(q[1], "xyz", 3) == 3, "fill it");
	CHECK_ERR(sf(p[1], q[0], NULL, 3), EINVAL, "a pipe as input EINVAL");
	CHECK_ERR(sf(p[1], q[0], &off, 3), ESPIPE, "a pipe as input with an offset ESPIPE");
	int app = open(G, O_WRONLY | O_APPEND);
	CHECK_ERR(sf(app, in, NULL, 3), EINVAL, "O_APPEND output EINVAL");
	close(app);
	off = -1;
	CHECK_ERR(sf(p[1], in, &off, 3), EINVAL, "negative offset EINVAL");
	CHECK_ERR(sf(p[1], in, (int32_t *)unmapped_page(), 3), EFAULT, "bad offset pointer EFAULT");
	CHECK_ERR(sf64(p[1], in, (int64_t *)unmapped_page(), 3), EFAULT, "sendfile64 bad offset pointer EFAULT");
	off = 0x7fffffff;
	CHECK_ERR(sf(p[1], in, &off, 3), EOVERFLOW, "offset at 2^31-1 EOVERFLOW");
	off = 0x7ffffff0;
	CHECK_EQ(sf(p[1], in, &off, 100), 0, "offset near 2^31 past EOF: 0 (count cut)");
	off64 = 0x7fffffff;
	CHECK_EQ(sf64(p[1], in, &off64, 3), 0, "sendfile64 takes the same offset: 0 past EOF");
	close(q[0]);
	close(q[1]);
	close(p[0]);
	close(p[1]);
	close(in);
	unlink(F);
	unlink(G);
	return done();
}
