/* dev_chardev: /dev/chardev, major 77 [seed 002]: ioctl_test's output; the
 * 0xAE ioctls by value and through pointers, EINVAL for unknown commands (the
 * seed's choice) and EFAULT for bad pointers; the 32-byte FIFO with
 * O_NONBLOCK (EAGAIN), poll, readers and writers woken by each other across
 * processes, and EINTR when a signal hits a blocked reader or writer. */
#include "dev_util.h"

#include <poll.h>
#include <sys/ioctl.h>

#include <uapi/chardev.h>

static void test_ioctl_test(void)
{
	char *argv[] = { "/bin/ioctl_test", NULL };
	expect_output(argv,
		      "Tell driver to update internal value ...\n"
		      "Query driver internal value ...\n"
		      "Internal value = 0\n"
		      "Tell driver to update internal value via pointer ...\n"
		      "Query driver internal value via pointer ...\n"
		      "Internal value = 1\n"
		      "Reset reference counter ...\n",
		      0, "ioctl_test's output");
}

static void test_ioctls(int fd)
{
	CHECK(is_chr_node(CHARDEV_PATH, CHARDEV_MAJOR, 0, 0666, 0, 0), "/dev/chardev is 77,0 0666");
	CHECK_EQ(devices_major("chardev"), CHARDEV_MAJOR, "/proc/devices lists 77 chardev");
	CHECK_OK(ioctl(fd, CHARDEV_IOCTL_TELL, 5), "TELL 5");
	CHECK_EQ(ioctl(fd, CHARDEV_IOCTL_QUERY), 5, "QUERY returns 5");
	int v = 7;
	CHECK_OK(ioctl(fd, CHARDEV_IOCTL_SET, &v), "SET 7 through a pointer");
	v = 0;
	CHECK(ioctl(fd, CHARDEV_IOCTL_GET, &v) == 0 && v == 7, "GET gives 7 through a pointer");
	CHECK_EQ(ioctl(fd, CHARDEV_IOCTL_QUERY), 7, "and QUERY agrees");
	CHECK_OK(ioctl(fd, CHARDEV_IOCTL_RESET), "RESET");
	CHECK_ERR(ioctl(fd, CHARDEV_IOCTL_GET, null_ptr()), EFAULT, "GET to NULL EFAULT");
	CHECK_ERR(ioctl(fd, CHARDEV_IOCTL_GET, unmapped_page()), EFAULT, "GET to unmapped EFAULT");
	CHECK_ERR(ioctl(fd, CHARDEV_IOCTL_SET, unmapped_page()), EFAULT, "SET from unmapped EFAULT");
	CHECK_ERR(ioctl(fd, _IOC(_IOC_NONE, CHARDEV_IOCTL_MAGIC, 5, 0)), EINVAL,
		  "number 5: EINVAL (the seed's choice)");
	CHECK_ERR(ioctl(fd, _IO('x', 0)), EINVAL, "another type: EINVAL");
	CHECK_ERR(ioctl(fd, _IOR(CHARDEV_IOCTL_MAGIC, 3, short), &v), EINVAL,
		  "GET's number with the wrong size: EINVAL");
}

static short poll_now(int fd)
{
	struct pollfd p = { fd, POLLIN | POLLOUT | POLLRDNORM | POLLWRNORM, 0 };
	return poll(&p, 1, 0) == 1 ? p.revents : 0;
}

static void test_fifo_nonblocking(int fd)
{
	char buf[64];
	while (read(fd, buf, sizeof buf) > 0)   /* whatever an earlier run left */
		;
	CHECK_ERR(read(fd, buf, 1), EAGAIN, "empty FIFO, O_NONBLOCK read EAGAIN");
	CHECK_EQ(poll_now(fd), POLLOUT | POLLWRNORM, "poll: empty is POLLOUT|POLLWRNORM");
	CHECK_EQ(write(fd, "0123456789abcdefghijklmnopqrstuvwxyzABCD", 40), CHARDEV_MAXBUF,
		 "write 40 bytes stores 32");
	CHECK_ERR(write(fd, "x", 1), EAGAIN, "full FIFO, O_NONBLOCK write EAGAIN");
	CHECK_EQ(poll_now(fd), POLLIN | POLLRDNORM, "poll: full is POLLIN|POLLRDNORM");
	CHECK(read(fd, buf, 10) == 10 && memcmp(buf, "0123456789", 10) == 0, "read the first 10");
	CHECK_EQ(poll_now(fd), POLLIN | POLLRDNORM | POLLOUT | POLLWRNORM, "poll: partly full");
	CHECK_ERR(read(fd, null_ptr(), 5), EFAULT, "read into NULL EFAULT");
	CHECK_ERR(write(fd, unmapped_page(), 5), EFAULT, "write from unmapped EFAULT");
	CHECK(read(fd, buf, sizeof buf) == 22 && memcmp(buf, "abcdefghijklmnopqrstuv", 22) == 0,
	      "failed calls lost nothing: the other 22 in order");
	CHECK_EQ(read(fd, buf, 0), 0, "a read of 0 bytes returns 0");
}

static int reader(void *arg)
{
	(void)arg;
	char b[64];
	int fd = open(CHARDEV_PATH, O_RDONLY);
	return (int)read(fd, b, sizeof b);
}

static int writer(void *arg)
{
	(void)arg;
	int fd = open(CHARDEV_PATH, O_WRONLY);
	return (int)write(fd, "0123456789", 10);
}

static int interrupted(void *arg)
{
	set_handler(SIGUSR1, ignore_signal, 0);       /* no SA_RESTART */
	int fd = open(CHARDEV_PATH, O_RDWR);
	char b[64];
	memset(b, 'z', sizeof b);
	ssize_t r = arg ? write(fd, b, sizeof b) : read(fd, b, sizeof b);
	return r == -1 && errno == EINTR ? 0 : 1;
}

static void test_fifo_blocking(int fd)
{
	char buf[64];
	pid_t pid = spawn(reader, NULL);
	sleep_ms(100);
	CHECK(still_running(pid), "a reader blocks on the empty FIFO");
	write(fd, "hello", 5);
	expect_exit(wait_status(pid), 5, "a write wakes it with 5 bytes");

	memset(buf, 'f', sizeof buf);
	write(fd, buf, CHARDEV_MAXBUF);
	pid = spawn(writer, NULL);
	sleep_ms(100);
	CHECK(still_running(pid), "a writer blocks on the full FIFO");
	CHECK_EQ(read(fd, buf, 4), 4, "read 4 bytes");
	expect_exit(wait_status(pid), 4, "the writer wakes and writes the 4 that fit");
	CHECK(read(fd, buf, sizeof buf) == CHARDEV_MAXBUF &&
	      memcmp(buf + CHARDEV_MAXBUF - 4, "0123", 4) == 0, "its bytes come last");

	expect_exit(interrupt_until_exit(spawn(interrupted, NULL), SIGUSR1), 0, "a signal ends a blocked read: EINTR");
	write(fd, buf, CHARDEV_MAXBUF);
	expect_exit(interrupt_until_exit(spawn(interrupted, "w"), SIGUSR1), 0, "a signal ends a blocked write: EINTR");
	while (read(fd, buf, sizeof buf) > 0)
		;
}

static int poller(void *arg)
{
	(void)arg;
	int fd = open(CHARDEV_PATH, O_RDONLY);
	struct pollfd p = { fd, POLLIN, 0 };
	return poll(&p, 1, 5000) == 1 && p.revents == POLLIN ? 0 : 1;
}

static void test_poll_wakes(int fd)
{
	pid_t pid = spawn(poller, NULL);
	sleep_ms(100);
	CHECK(still_running(pid), "poll for POLLIN waits on the empty FIFO");
	write(fd, "p", 1);
	expect_exit(wait_status(pid), 0, "a write wakes poll with POLLIN");
	char c;
	read(fd, &c, 1);
}

int main(void)
{
	test_ioctl_test();
	int fd = CHECK_OK(open(CHARDEV_PATH, O_RDWR | O_NONBLOCK), "open /dev/chardev");
	test_ioctls(fd);
	test_fifo_nonblocking(fd);
	test_fifo_blocking(fd);
	test_poll_wakes(fd);
	close(fd);
	return done();
}
