/* dev_fd_test: /dev/fd_test [seed 000]: the fd_test program's output; the
 * misc node 10,243; an ioctl that returns a close-on-exec anonymous fd
 * holding the id; EINVAL for unknown commands on /dev/fd_test and EPERM (the
 * seed's -1) on the anon fd; EMFILE when no fd is free, without a leak; and
 * 10,000 create/close cycles leave the kernel heap and free memory where
 * they were. */
#include "dev_util.h"

#include <sys/ioctl.h>
#include <sys/resource.h>

#include <uapi/fd_test.h>

/* Kernel memory may move a little for reasons of its own (on Linux, whose
 * test-linux runs this too, SLUB keeps a few partly used slabs of each cache:
 * 40 kB after these cycles); a leak of even 8 bytes per cycle would be 80 kB. */
#define LEAK_SLACK_KB 64

static void test_outputs(void)
{
	char *def[] = { "/bin/fd_test", NULL };
	char *big[] = { "/bin/fd_test", "12345678", NULL };
	expect_output(def, "id is 1234\n", 0, "fd_test prints \"id is 1234\"");
	expect_output(big, "id is 12345678\n", 0, "fd_test 12345678 prints \"id is 12345678\"");
}

static void test_ioctls(int fd)
{
	CHECK(is_chr_node(FD_TEST_PATH, 10, FD_TEST_MINOR, 0600, 0, 0),
	      "/dev/fd_test is misc 10,243, root 0600");
	int lowest = dup(0);
	close(lowest);
	int anon = CHECK_OK(ioctl(fd, FD_TEST_NEW_FD, 77), "ioctl 0 returns a new fd");
	CHECK_EQ(anon, lowest, "at the lowest free number");
	CHECK_EQ(fcntl(anon, F_GETFD), FD_CLOEXEC, "the new fd is close-on-exec");
	CHECK_EQ(ioctl(anon, FD_TEST_GET_ID, 0), 77, "ioctl 0 on it returns the id");
	int second = ioctl(fd, FD_TEST_NEW_FD, 5);
	CHECK(ioctl(second, FD_TEST_GET_ID, 0) == 5 && ioctl(anon, FD_TEST_GET_ID, 0) == 77,
	      "two anon fds keep their own ids");
	CHECK_ERR(ioctl(anon, 1, 0), EPERM, "unknown command on the anon fd: EPERM (the seed's -1)");
	CHECK_ERR(ioctl(anon, _IO('x', 0)), EPERM, "another type on the anon fd: EPERM");
	CHECK_ERR(ioctl(fd, 1, 0), EINVAL, "unknown command on /dev/fd_test EINVAL");
	CHECK_ERR(ioctl(fd, _IOR('x', 0, int), &fd), EINVAL, "an _IOR command on /dev/fd_test EINVAL");
	CHECK_ERR(read(anon, &fd, 1), EINVAL, "the anon fd has no read");
	close(second);
	close(anon);
	CHECK_ERR(ioctl(anon, FD_TEST_GET_ID, 0), EBADF, "closed anon fd EBADF");
}

/* With RLIMIT_NOFILE at the fds already open, every create fails with
 * EMFILE; returns how many did. */
static int creates_without_fds(void *arg)
{
	int fd = *(int *)arg;
	struct rlimit lim = { (rlim_t)fd + 1, (rlim_t)fd + 1 };
	if (setrlimit(RLIMIT_NOFILE, &lim) != 0)
		return 200;
	int emfile = 0;
	for (int i = 0; i < 100; i++)
		emfile += ioctl(fd, FD_TEST_NEW_FD, i) == -1 && errno == EMFILE;
	return emfile;
}

static int cycles(int fd, int n)
{
	int good = 0;
	for (int i = 0; i < n; i++) {
		int anon = ioctl(fd, FD_TEST_NEW_FD, i);
		good += ioctl(anon, FD_TEST_GET_ID, 0) == i;
		close(anon);
	}
	return good;
}

static void test_no_leak(int fd)
{
	cycles(fd, 100);                /* warm-up: the heap's own bookkeeping settles */
	long slab = meminfo_kb("Slab:"), mfree = meminfo_kb("MemFree:");
	CHECK(slab >= 0 && mfree > 0, "/proc/meminfo has Slab and MemFree");
	CHECK_EQ(cycles(fd, 10000), 10000, "10,000 create/ioctl/close cycles");
	expect_exit(run_child(creates_without_fds, &fd), 100, "no free fd: EMFILE every time");
	/* Linux frees closed files after an RCU grace period (make test-linux):
	 * let the last ones go before counting. */
	sleep_ms(500);
	long slab2 = meminfo_kb("Slab:"), mfree2 = meminfo_kb("MemFree:");
	char d[96];
	snprintf(d, sizeof d, "Slab %ld -> %ld kB", slab, slab2);
	check_record(slab2 <= slab + LEAK_SLACK_KB, "the kernel heap did not grow", d);
	snprintf(d, sizeof d, "MemFree %ld -> %ld kB", mfree, mfree2);
	check_record(mfree2 + LEAK_SLACK_KB >= mfree, "free memory did not shrink", d);
}

int main(void)
{
	test_outputs();
	int fd = CHECK_OK(open(FD_TEST_PATH, O_RDWR), "open /dev/fd_test");
	test_ioctls(fd);
	test_no_leak(fd);
	close(fd);
	return done();
}
