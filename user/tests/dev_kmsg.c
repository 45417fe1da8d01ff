/* dev_kmsg: /dev/kmsg, through which init marks each test in the kernel log for the harness.
 * It is the character device 1,11 with Linux's mode 0644; each write is one log line and
 * returns the whole count, at the default level or the one a leading "<N>" gives; an empty
 * write logs nothing; a bad buffer is EFAULT. */
#include "klog.h"

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
	klog_clear();
	CHECK_EQ(write(fd, line, sizeof line - 1), sizeof line - 1, "a write returns its count");
	CHECK_EQ(write(fd, "no newline", 10), 10, "a line without its newline too");
	CHECK_EQ(write(fd, "<15>dev_kmsg: at debug\n", 23), 23, "with a priority too");
	const char *log = klog_read();
	CHECK(klog_line_has(klog_line_with(log, "a line from user space"), "<4>["),
	      "a plain line is logged at the default level");
	CHECK(klog_line_with(log, "no newline") != NULL, "the line without its newline is logged");
	CHECK(klog_line_has(klog_line_with(log, "dev_kmsg: at debug"), "<7>[") &&
	      !klog_has(log, "<15>"), "<15> is user.debug: level 7, the prefix dropped");
	CHECK_EQ(write(fd, line, 0), 0, "an empty write returns 0");
	CHECK_ERR(write(fd, unmapped_page(), 5), EFAULT, "a bad buffer EFAULT");
	close(fd);
	return done();
}
