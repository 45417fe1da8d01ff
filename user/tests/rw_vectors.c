/* rw_vectors: readv and writev at their edges, as Linux. A readv of a pipe
 * returns what is there instead of blocking to fill its later entries; the
 * total of a writev is capped at 0x7ffff000 bytes (MAX_RW_COUNT) instead of
 * overflowing; an entry longer than SSIZE_MAX gives EINVAL. */
#include "check.h"

#include <fcntl.h>
#include <sys/uio.h>

static int fds[2];

/* Exit status: what readv returned, 0xff on error. */
static int readv_two(void *unused)
{
	(void)unused;
	char a[4], b[4];
	struct iovec iov[2] = { { a, sizeof a }, { b, sizeof b } };
	ssize_t r = readv(fds[0], iov, 2);
	return r < 0 ? 0xff : (int)r;
}

static void test_readv_pipe(void)
{
	CHECK_OK(pipe(fds), "pipe");
	CHECK_EQ(write(fds[1], "abcd", 4), 4, "write 4 bytes");
	pid_t pid = fork();
	if (pid == 0)
		_exit(readv_two(NULL));
	int st = -1;
	for (int i = 0; i < 40 && waitpid(pid, &st, WNOHANG) == 0; i++)
		sleep_ms(50);
	if (!WIFEXITED(st) && !WIFSIGNALED(st)) {
		kill(pid, SIGKILL);
		waitpid(pid, &st, 0);
	}
	expect_exit(st, 4, "readv of 2x4 bytes from a pipe holding 4 returns 4 at once");

	CHECK_EQ(write(fds[1], "efghijk", 7), 7, "write 7 bytes");
	expect_exit(run_child(readv_two, NULL), 7, "readv of 2x4 bytes from a pipe holding 7 returns 7");
	close(fds[0]);
	close(fds[1]);
}

static char buf[16];

static void test_writev_limits(void)
{
	int fd = open("/dev/null", O_WRONLY);
	CHECK(fd >= 0, "open /dev/null");
	struct iovec big[2] = { { buf, 0x7ffff000 }, { buf, 0x7ffff000 } };
	CHECK_EQ(writev(fd, big, 2), 0x7ffff000, "writev of 2x0x7ffff000 bytes: capped at 0x7ffff000");
	struct iovec neg[2] = { { buf, 1 }, { buf, 0x80000000u } };
	CHECK_ERR(writev(fd, neg, 2), EINVAL, "writev with a length over SSIZE_MAX: EINVAL");
	/* Counts behind a volatile: glibc's headers reject a bad constant one. */
	volatile int minus_one = -1, too_many = 1025;
	CHECK_ERR(writev(fd, big, minus_one), EINVAL, "writev with a negative count: EINVAL");
	CHECK_ERR(writev(fd, big, too_many), EINVAL, "writev with more than IOV_MAX entries: EINVAL");
	struct iovec one = { buf, 3 };
	CHECK_EQ(writev(fd, &one, 1), 3, "writev of 3 bytes");
	close(fd);
}

/* As Linux's import_iovec, every entry is checked before anything moves. */
static void test_vector_checked_first(void)
{
	int p[2];
	CHECK_OK(pipe(p), "pipe");
	struct iovec bad[2] = { { buf, 3 }, { (void *)0xC0000000u, 3 } };
	CHECK_ERR(writev(p[1], bad, 2), EFAULT, "writev with a kernel address in entry 2: EFAULT");
	CHECK_OK(fcntl(p[0], F_SETFL, O_NONBLOCK), "O_NONBLOCK on the read end");
	CHECK_ERR(read(p[0], buf, sizeof buf), EAGAIN, "and entry 1 was not written either");
	struct iovec nul = { NULL, 4 };
	volatile int one = 1;
	CHECK_EQ(write(p[1], "abcd", 4), 4, "write 4 bytes");
	CHECK_ERR(readv(p[0], &nul, one), EFAULT, "readv into NULL: EFAULT");
	CHECK_ERR(readv(p[0], (struct iovec *)NULL, one), EFAULT, "readv with the vector at NULL: EFAULT");
	close(p[0]);
	close(p[1]);
}

int main(void)
{
	test_readv_pipe();
	test_writev_limits();
	test_vector_checked_first();
	return done();
}
