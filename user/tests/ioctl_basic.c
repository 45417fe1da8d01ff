/* ioctl_basic: the generic ioctl dispatch (docs/devices.md, "How a driver is reached").
 * EBADF comes first; FIOCLEX, FIONCLEX and FIONBIO are handled for every file and show
 * up in fcntl's F_GETFD/F_GETFL; FIONBIO reads its int through the pointer (EFAULT);
 * FIONREAD is answered by pipes; anything a file does not know is ENOTTY, and terminal
 * requests on /dev/null and pipes are ENOTTY.  After LTP's ioctl01, ioctl02 tests. */
#include "check.h"

#include <fcntl.h>
#include <sys/ioctl.h>
#include <termios.h>

/* _IO('X', 99): a command no file here implements. */
#define UNKNOWN_CMD 0x5863

static void test_ebadf(void)
{
	int fd = dup(1);
	close(fd);
	int v = 0;
	CHECK_ERR(ioctl(fd, FIONREAD, &v), EBADF, "FIONREAD on a closed fd EBADF");
	CHECK_ERR(ioctl(fd, FIOCLEX), EBADF, "FIOCLEX on a closed fd EBADF");
	CHECK_ERR(ioctl(fd, UNKNOWN_CMD, 0), EBADF, "unknown command on a closed fd EBADF");
	CHECK_ERR(ioctl(-1, FIONBIO, &v), EBADF, "FIONBIO on fd -1 EBADF");
	/* The fd is checked before the pointer. */
	CHECK_ERR(ioctl(fd, FIONBIO, null_ptr()), EBADF, "closed fd and bad pointer: EBADF");
}

static void test_enotty(void)
{
	char path[64];
	snprintf(path, sizeof path, "/tmp/ioctl_basic.%d", (int)getpid());
	int f = open(path, O_RDWR | O_CREAT | O_TRUNC, 0600);
	unlink(path);
	CHECK_ERR(ioctl(f, UNKNOWN_CMD, 0), ENOTTY, "unknown command on a regular file ENOTTY");
	int p[2];
	pipe(p);
	CHECK_ERR(ioctl(p[0], UNKNOWN_CMD, 0), ENOTTY, "unknown command on a pipe ENOTTY");
	int n = open("/dev/null", O_RDWR);
	struct termios t;
	CHECK_ERR(tcgetattr(n, &t), ENOTTY, "tcgetattr (TCGETS) on /dev/null ENOTTY");
	CHECK_ERR(tcgetattr(p[0], &t), ENOTTY, "tcgetattr (TCGETS) on a pipe ENOTTY");
	CHECK_ERR(tcgetattr(f, &t), ENOTTY, "tcgetattr (TCGETS) on a regular file ENOTTY");
	errno = 0;
	CHECK(!isatty(n) && errno == ENOTTY, "isatty(/dev/null) is 0 with ENOTTY");
	/* The generic commands still work on a file that has no ioctl of its own. */
	CHECK_OK(ioctl(n, FIOCLEX), "FIOCLEX on /dev/null");
	CHECK_EQ(fcntl(n, F_GETFD), FD_CLOEXEC, "FIOCLEX on /dev/null took effect");
	close(n);
	close(f);
	close(p[0]);
	close(p[1]);
}

static void test_generic(void)
{
	int p[2];
	pipe(p);
	int on = 1, off = 0;
	CHECK_OK(ioctl(p[0], FIONBIO, &on), "FIONBIO on");
	CHECK(fcntl(p[0], F_GETFL) & O_NONBLOCK, "FIONBIO on sets O_NONBLOCK");
	char c;
	CHECK_ERR(read(p[0], &c, 1), EAGAIN, "and the empty pipe read is non-blocking");
	CHECK_OK(ioctl(p[0], FIONBIO, &off), "FIONBIO off");
	CHECK_EQ(fcntl(p[0], F_GETFL) & O_NONBLOCK, 0, "FIONBIO off clears O_NONBLOCK");
	CHECK_ERR(ioctl(p[0], FIONBIO, null_ptr()), EFAULT, "FIONBIO with NULL EFAULT");
	CHECK_ERR(ioctl(p[0], FIONBIO, unmapped_page()), EFAULT, "FIONBIO with unmapped page EFAULT");
	CHECK_EQ(fcntl(p[0], F_GETFL) & O_NONBLOCK, 0, "failed FIONBIO changed nothing");

	CHECK_OK(ioctl(p[1], FIOCLEX), "FIOCLEX");
	CHECK_EQ(fcntl(p[1], F_GETFD), FD_CLOEXEC, "FIOCLEX sets FD_CLOEXEC");
	CHECK_EQ(fcntl(p[0], F_GETFD), 0, "FIOCLEX affects only that fd");
	CHECK_OK(ioctl(p[1], FIONCLEX), "FIONCLEX");
	CHECK_EQ(fcntl(p[1], F_GETFD), 0, "FIONCLEX clears FD_CLOEXEC");

	int avail = -1;
	CHECK_OK(ioctl(p[0], FIONREAD, &avail), "FIONREAD on an empty pipe");
	CHECK_EQ(avail, 0, "FIONREAD empty is 0");
	write(p[1], "0123456789abcdef", 16);
	ioctl(p[0], FIONREAD, &avail);
	CHECK_EQ(avail, 16, "FIONREAD counts 16 bytes");
	read(p[0], &c, 1);
	ioctl(p[0], FIONREAD, &avail);
	CHECK_EQ(avail, 15, "FIONREAD after reading one is 15");
	CHECK_ERR(ioctl(p[0], FIONREAD, null_ptr()), EFAULT, "FIONREAD with NULL EFAULT");
	close(p[0]);
	close(p[1]);
}

int main(void)
{
	test_ebadf();
	test_enotty();
	test_generic();
	return done();
}
