/* dev_char_dev: /dev/char_dev, major 100 [seed 003]: userspace_ioctl's
 * output; the message ioctls (set from a string, copy out, byte n), their
 * limits (80 bytes, EINVAL past the end) and EFAULT for bad pointers; read
 * from the file offset then EOF (and, as in the seed, from the start again);
 * write of up to 80 bytes. Unknown commands succeed, as the seed's switch
 * has no default. The seed's EBUSY guard from two threads: on several CPUs
 * an ioctl that comes while the other thread's is running gets EBUSY (and
 * the message is never half-written); on one CPU, where the kernel is not
 * preempted and these copies do not sleep, it never does. */
#include "dev_util.h"
#include "hammer.h"

#include <sys/ioctl.h>

#include <uapi/char_dev.h>

static void test_userspace_ioctl(void)
{
	char *argv[] = { "/bin/userspace_ioctl", NULL };
	expect_output(argv,
		      "get_nth_byte message:Message passed by ioctl\n"
		      "get_msg message:Message passed by ioctl\n",
		      0, "userspace_ioctl's output");
}

static void test_ioctls(int fd)
{
	char msg[CHAR_DEV_BUF_LEN + 1];
	CHECK(is_chr_node(DEVICE_PATH, MAJOR_NUM, 0, 0666, 0, 0), "/dev/char_dev is 100,0 0666");
	CHECK_EQ(devices_major("char_dev"), MAJOR_NUM, "/proc/devices lists 100 char_dev");
	CHECK_OK(ioctl(fd, IOCTL_SET_MSG, "abc"), "IOCTL_SET_MSG \"abc\"");
	CHECK(ioctl(fd, IOCTL_GET_NTH_BYTE, 0) == 'a' && ioctl(fd, IOCTL_GET_NTH_BYTE, 2) == 'c' &&
	      ioctl(fd, IOCTL_GET_NTH_BYTE, 3) == 0, "IOCTL_GET_NTH_BYTE 0, 2, 3: 'a', 'c', NUL");
	memset(msg, 'x', sizeof msg);
	CHECK(ioctl(fd, IOCTL_GET_MSG, msg) == 0 && strcmp(msg, "abc") == 0,
	      "IOCTL_GET_MSG copies \"abc\" and a NUL");
	CHECK_ERR(ioctl(fd, IOCTL_GET_NTH_BYTE, CHAR_DEV_BUF_LEN), EINVAL, "byte 80 EINVAL");
	CHECK_ERR(ioctl(fd, IOCTL_GET_NTH_BYTE, -1), EINVAL, "byte -1 EINVAL");
	CHECK_ERR(ioctl(fd, IOCTL_SET_MSG, null_ptr()), EFAULT, "IOCTL_SET_MSG from NULL EFAULT");
	CHECK_ERR(ioctl(fd, IOCTL_GET_MSG, unmapped_page()), EFAULT,
		  "IOCTL_GET_MSG to an unmapped page EFAULT");
	CHECK_OK(ioctl(fd, _IO(MAJOR_NUM, 9)), "an unknown command succeeds (the seed's switch)");

	char longmsg[200];
	memset(longmsg, 'L', sizeof longmsg - 1);
	longmsg[sizeof longmsg - 1] = '\0';
	CHECK_OK(ioctl(fd, IOCTL_SET_MSG, longmsg), "IOCTL_SET_MSG of 199 bytes");
	ioctl(fd, IOCTL_GET_MSG, msg);
	CHECK_EQ(strlen(msg), CHAR_DEV_BUF_LEN, "keeps 80 of them");
}

static void test_read_write(int fd)
{
	char buf[100];
	ioctl(fd, IOCTL_SET_MSG, "hello");
	CHECK(read(fd, buf, 3) == 3 && memcmp(buf, "hel", 3) == 0, "read 3: \"hel\"");
	CHECK(read(fd, buf, sizeof buf) == 2 && memcmp(buf, "lo", 2) == 0, "read on: \"lo\"");
	CHECK_EQ(read(fd, buf, sizeof buf), 0, "then 0 (EOF)");
	CHECK_EQ(read(fd, buf, sizeof buf), 5, "and then from the start again, as the seed");
	read(fd, buf, sizeof buf);       /* EOF again, which rewinds */
	CHECK_ERR(read(fd, null_ptr(), 5), EFAULT, "read into NULL EFAULT");
	CHECK_EQ(write(fd, "xyz", 3), 3, "write \"xyz\" returns 3 (always at the start)");
	int r = open(DEVICE_PATH, O_RDONLY);
	CHECK(read(r, buf, sizeof buf) == 5 && memcmp(buf, "xyzlo", 5) == 0,
	      "it overwrote the message's start: \"xyzlo\"");
	close(r);
	memset(buf, 'w', sizeof buf);
	CHECK_EQ(write(fd, buf, sizeof buf), CHAR_DEV_BUF_LEN, "a write of 100 stores 80");
	CHECK_ERR(write(fd, unmapped_page(), 5), EFAULT, "write from unmapped EFAULT");

	/* A read that faults part-way returns what it copied and moves the
	 * offset past it, so the next read goes on from there. */
	ioctl(fd, IOCTL_SET_MSG, "hello");
	int r2 = open(DEVICE_PATH, O_RDONLY);
	char *edge = before_unmapped(2);
	CHECK(read(r2, edge, 5) == 2 && memcmp(edge, "he", 2) == 0,
	      "a read that faults after 2 bytes returns 2");
	CHECK(read(r2, buf, sizeof buf) == 3 && memcmp(buf, "llo", 3) == 0,
	      "and the next read goes on with \"llo\"");
	close(r2);
}

static const char long_msg[] = "0123456789012345678901234567890123456789012345678901234567890123456789012345678";
/* ioctls per thread: on SMP at most, stopping at the first EBUSY; on one
 * CPU enough for a timer tick or two to land inside an ioctl. */
static int busy_rounds;
static int busy_fd, busy_seen, busy_wrong, busy_stop;

/* Thread 0 sets the 79-byte message, thread 1 reads its bytes back: each
 * answer is right or EBUSY. */
static int busy_hammer(int t, void *arg)
{
	(void)arg;
	for (int r = 0; r < busy_rounds && !__atomic_load_n(&busy_stop, __ATOMIC_RELAXED); r++) {
		long got = t == 0 ? ioctl(busy_fd, IOCTL_SET_MSG, long_msg)
				  : ioctl(busy_fd, IOCTL_GET_NTH_BYTE, r % 79);
		if (got == -1 && errno == EBUSY) {
			__atomic_add_fetch(&busy_seen, 1, __ATOMIC_RELAXED);
			__atomic_store_n(&busy_stop, 1, __ATOMIC_RELAXED);
		} else if (got != (t == 0 ? 0 : long_msg[r % 79])) {
			__atomic_add_fetch(&busy_wrong, 1, __ATOMIC_RELAXED);
		}
	}
	return 0;
}

static void test_busy(int fd)
{
	int cpus = online_cpus();
	busy_fd = fd;
	busy_rounds = cpus > 1 ? 200000 : 3000;
	ioctl(fd, IOCTL_SET_MSG, long_msg);
	CHECK_EQ(hammer(2, busy_hammer, NULL), 0, "two threads issue ioctls at once");
	CHECK_EQ(busy_wrong, 0, "every answer was the message's byte or EBUSY");
	if (cpus > 1)
		CHECK(busy_seen > 0, "on several CPUs, one thread's ioctl meets the other's: EBUSY");
	else
		CHECK_EQ(busy_seen, 0, "on one CPU, never EBUSY (the ioctls do not sleep)");
}

int main(void)
{
	test_userspace_ioctl();
	int fd = CHECK_OK(open(DEVICE_PATH, O_RDWR), "open /dev/char_dev");
	test_ioctls(fd);
	test_read_write(fd);
	test_busy(fd);
	close(fd);
	return done();
}
