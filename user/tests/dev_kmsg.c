/* dev_kmsg: /dev/kmsg, through which init marks each test in the kernel log for the harness.
 * It is the character device 1,11 with Linux's mode 0644; each write is one log line and
 * returns the whole count; an empty write logs nothing; a bad buffer is EFAULT. */
#include "check.h"

#include <fcntl.h>
#include <sys/stat.h>

int main(void)
{
	struct stat st;
	static const char line[] = "dev_kmsg: a line from user space\n";

	CHECK(stat("/dev/kmsg", &st) == 0 && S_ISCHR(st.st_mode) && dev_major(st.st_rdev) == 1 &&
	      dev_minor(st.st_rdev) == 11, "/dev/kmsg is char 1,11");
	CHECK_EQ(st.st_mode & 07777, 0644, "/dev/kmsg is mode 0644");
	int fd = open("/dev/kmsg", O_WRONLY);
	CHECK(fd >= 0, "open /dev/kmsg for writing");
	CHECK_EQ(write(fd, line, sizeof line - 1), sizeof line - 1, "a write returns its count");
	CHECK_EQ(write(fd, "no newline", 10), 10, "a line without its newline too");
	CHECK_EQ(write(fd, line, 0), 0, "an empty write returns 0");
	CHECK_ERR(write(fd, unmapped_page(), 5), EFAULT, "a bad buffer EFAULT");
	close(fd);
	return done();
}
