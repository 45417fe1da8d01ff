/* pipe_size: F_GETPIPE_SZ and F_SETPIPE_SZ: 64 KiB by default, a new size
 * rounded up to a power of two pages that a non-blocking write then fills
 * exactly, the bytes kept across a resize, EBUSY below what the pipe holds,
 * EINVAL past 2 GiB, EPERM past pipe-max-size for a non-root process, EBADF
 * for a file that is not a pipe. */
#define _GNU_SOURCE     /* glibc's F_GETPIPE_SZ */
#include "check.h"

#include <fcntl.h>

static char big[100000];

static long fc(int fd, int cmd, long arg)
{
	return raw_syscall(__NR_fcntl64, fd, cmd, arg);
}

static int unprivileged(void *arg)
{
	int fd = *(int *)arg;
	if (setuid(1000) != 0)
		return 1;
	return fc(fd, F_SETPIPE_SZ, 2 << 20) == -EPERM ? 0 : 2;
}

int main(void)
{
	int p[2];
	CHECK_OK(pipe(p), "a pipe");
	CHECK_EQ(fc(p[0], F_GETPIPE_SZ, 0), 65536, "64 KiB by default");
	CHECK_EQ(fc(p[1], F_SETPIPE_SZ, 5000), 8192, "5000 rounds up to two pages");
	CHECK_EQ(fc(p[0], F_GETPIPE_SZ, 0), 8192, "both ends see it");
	CHECK_OK(fcntl(p[1], F_SETFL, O_NONBLOCK), "non-blocking writes");
	memset(big, 'x', sizeof big);
	CHECK_EQ(write(p[1], big, sizeof big), 8192, "a write fills exactly the new size");
	CHECK_ERR(write(p[1], big, 1), EAGAIN, "then the pipe is full");
	CHECK_EQ(fc(p[1], F_SETPIPE_SZ, 4096), -EBUSY, "shrinking below what it holds: EBUSY");
	char buf[8192];
	CHECK_EQ(read(p[0], buf, 5000), 5000, "read some out");
	CHECK_EQ(fc(p[1], F_SETPIPE_SZ, 1), 4096, "then shrink to one page");
	CHECK(read(p[0], buf, sizeof buf) == 3192 && buf[0] == 'x' && buf[3191] == 'x', "the rest survives the resize");
	CHECK_EQ(fc(p[1], F_SETPIPE_SZ, 0), 4096, "size 0 means one page");
	CHECK_EQ(fc(p[1], F_SETPIPE_SZ, (long)((1ul << 31) + 1)), -EINVAL, "past 2 GiB: EINVAL");
	expect_exit(run_child(unprivileged, &p[1]), 0, "past pipe-max-size without privilege: EPERM");
	int fd = open("/proc/self/status", O_RDONLY);
	CHECK_EQ(fc(fd, F_GETPIPE_SZ, 0), -EBADF, "F_GETPIPE_SZ of a file: EBADF");
	CHECK_EQ(fc(fd, F_SETPIPE_SZ, 4096), -EBADF, "F_SETPIPE_SZ of a file: EBADF");
	return done();
}
