/* dev_cd_example: /dev/cd_example, the FreeBSD cdevsw device [seed 001]:
 * cd_test's output and errors; the node (root:wheel 0600, its dynamic major
 * in /proc/devices) and EACCES for other users; open clears, write keeps the
 * string up to its NUL and consumes the count, read gives it back with the
 * NUL through uiomove, then end of file; ENAMETOOLONG, EFAULT; its _IOW,
 * _IOR and _IOWR ioctls through the FreeBSD copy-in/copy-out (values, EBADF,
 * EINVAL, ENOTTY, EFAULT); the FreeBSD default for poll, which it leaves out. */
#include "dev_util.h"

#include <poll.h>
#include <sys/ioctl.h>

#include <uapi/cd_example.h>

static char big[CD_EXAMPLE_MAXLEN + 100];

static void test_cd_test(void)
{
	char *hello[] = { "/bin/cd_test", "Hello, kernel!", NULL };
	expect_output(hello,
		      "write \"Hello, kernel!\" to /dev/cd_example succeed!\n"
		      "read \"Hello, kernel!\" from /dev/cd_example succeed!\n",
		      0, "cd_test \"Hello, kernel!\"");
	char *none[] = { "/bin/cd_test", NULL };
	expect_output(none, "Usage: cd_test <string>\n", 1, "cd_test without an argument: usage");
	memset(big, 'a', CD_EXAMPLE_MAXLEN);
	big[CD_EXAMPLE_MAXLEN] = '\0';
	char *toolong[] = { "/bin/cd_test", big, NULL };
	expect_output(toolong, "string too long\n", 1, "cd_test with 512 bytes: string too long");
	big[CD_EXAMPLE_MAXLEN - 1] = '\0';
	static char expected[2 * sizeof big + 200];
	snprintf(expected, sizeof expected,
		 "write \"%s\" to /dev/cd_example succeed!\nread \"%s\" from /dev/cd_example succeed!\n",
		 big, big);
	char *longest[] = { "/bin/cd_test", big, NULL };
	expect_output(longest, expected, 0, "cd_test with 511 bytes works");
}

static int open_errno(void *path)
{
	return open(path, O_RDONLY) < 0 ? errno : 0;
}

static void test_node(void)
{
	int major = devices_major("cd_example");
	CHECK(major >= 234 && major <= 254, "/proc/devices lists cd_example on a dynamic major");
	CHECK(is_chr_node(CD_EXAMPLE_PATH, major, 0, 0600, 0, 0),
	      "/dev/cd_example is that major, minor 0, root:wheel 0600");
	expect_exit(run_as_user(open_errno, CD_EXAMPLE_PATH), EACCES, "uid 1000 open EACCES");
}

static void test_io(void)
{
	char buf[CD_EXAMPLE_MAXLEN + 10];
	int fd = CHECK_OK(open(CD_EXAMPLE_PATH, O_RDWR), "open /dev/cd_example");
	CHECK_EQ(read(fd, buf, sizeof buf), 0, "nothing written: read gives 0");
	CHECK_EQ(write(fd, "abc", 3), 3, "write \"abc\" returns 3");
	CHECK_EQ(read(fd, buf, sizeof buf), 4, "read returns the string and its NUL");
	CHECK(memcmp(buf, "abc", 4) == 0, "\"abc\\0\"");
	CHECK_EQ(read(fd, buf, sizeof buf), 0, "then end of file");
	lseek(fd, 0, SEEK_SET);
	CHECK_EQ(read(fd, buf, 2), 2, "a read gives at most the count asked");
	CHECK(read(fd, buf, sizeof buf) == 2 && memcmp(buf, "c", 2) == 0, "and the rest after it");
	CHECK_EQ(write(fd, "hello world", 5), 5, "a write consumes its whole count");
	lseek(fd, 0, SEEK_SET);
	CHECK(read(fd, buf, sizeof buf) == 12 && strcmp(buf, "hello world") == 0,
	      "but keeps the string up to its NUL (copyinstr)");

	memset(big, 'b', sizeof big);
	CHECK_ERR(write(fd, big, sizeof big), ENAMETOOLONG, "no NUL in 512 bytes: ENAMETOOLONG");
	CHECK_ERR(write(fd, null_ptr(), 4), EFAULT, "write from NULL EFAULT");
	write(fd, "xyz", 4);
	lseek(fd, 0, SEEK_SET);
	CHECK_ERR(read(fd, unmapped_page(), 4), EFAULT, "read into an unmapped page EFAULT");

	struct pollfd p = { fd, POLLIN | POLLOUT, 0 };
	CHECK(poll(&p, 1, 0) == 1 && p.revents == (POLLIN | POLLOUT),
	      "no d_poll: readable and writable (FreeBSD's default)");
	close(fd);

	fd = open(CD_EXAMPLE_PATH, O_RDONLY);
	CHECK_EQ(read(fd, buf, sizeof buf), 0, "a new open cleared the buffer");
	CHECK_ERR(write(fd, "x", 2), EBADF, "write on a read-only open EBADF");
	close(fd);
}

static struct cd_example_msg msg;

static void test_ioctl(void)
{
	char buf[CD_EXAMPLE_MAXLEN + 10];
	int fd = CHECK_OK(open(CD_EXAMPLE_PATH, O_RDWR), "open /dev/cd_example for ioctls");
	memset(&msg, 0, sizeof msg);
	strcpy(msg.text, "hello");
	CHECK_EQ(ioctl(fd, CD_EXAMPLE_SETMSG, &msg), 0, "_IOW SETMSG \"hello\" returns 0");
	CHECK(read(fd, buf, sizeof buf) == 6 && memcmp(buf, "hello", 6) == 0,
	      "read then gives \"hello\" and its NUL");
	CHECK_EQ(write(fd, "abcab", 6), 6, "write \"abcab\"");
	memset(&msg, 'x', sizeof msg);
	CHECK_EQ(ioctl(fd, CD_EXAMPLE_GETMSG, &msg), 0, "_IOR GETMSG returns 0");
	CHECK(strcmp(msg.text, "abcab") == 0 && msg.text[sizeof msg.text - 1] == '\0',
	      "GETMSG gives the written string, NUL-padded to the whole struct");
	int c = 'b';
	CHECK(ioctl(fd, CD_EXAMPLE_COUNT, &c) == 0 && c == 2, "_IOWR COUNT 'b' in \"abcab\" gives 2");
	c = 'z';
	CHECK(ioctl(fd, CD_EXAMPLE_COUNT, &c) == 0 && c == 0, "COUNT 'z' gives 0");

	memset(&msg, 'n', sizeof msg);
	CHECK_ERR(ioctl(fd, CD_EXAMPLE_SETMSG, &msg), EINVAL, "SETMSG without a NUL: EINVAL");
	CHECK(ioctl(fd, CD_EXAMPLE_GETMSG, &msg) == 0 && strcmp(msg.text, "abcab") == 0,
	      "and the string is kept");
	CHECK_ERR(ioctl(fd, _IO('C', 9)), ENOTTY, "an unknown command: ENOTTY");
	CHECK_ERR(ioctl(fd, _IOR('C', 2, int), &c), ENOTTY,
		  "GETMSG's number with another size is another command: ENOTTY");
	CHECK_ERR(ioctl(fd, CD_EXAMPLE_SETMSG, null_ptr()), EFAULT, "SETMSG from NULL: EFAULT");
	CHECK_ERR(ioctl(fd, CD_EXAMPLE_GETMSG, unmapped_page()), EFAULT,
		  "GETMSG into an unmapped page: EFAULT");
	CHECK_ERR(ioctl(fd, CD_EXAMPLE_COUNT, null_ptr()), EFAULT, "COUNT on NULL: EFAULT");
	close(fd);

	fd = CHECK_OK(open(CD_EXAMPLE_PATH, O_RDONLY), "open read-only");
	memset(&msg, 0, sizeof msg);
	strcpy(msg.text, "no");
	CHECK_ERR(ioctl(fd, CD_EXAMPLE_SETMSG, &msg), EBADF, "SETMSG on a read-only open: EBADF");
	CHECK(ioctl(fd, CD_EXAMPLE_GETMSG, &msg) == 0 && msg.text[0] == '\0',
	      "GETMSG on it works (the open cleared the string)");
	close(fd);
}

int main(void)
{
	test_cd_test();
	test_node();
	test_io();
	test_ioctl();
	return done();
}
