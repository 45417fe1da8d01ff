/* dev_syslog: syslog(2) (glibc's klogctl) with Linux's semantics and errnos
 * (checked against Linux 6.1 by hand: the host's log differs, so this test is
 * kernel-only): the log's lines carry "<level>[seconds.micros] ", READ_ALL
 * returns the newest whole lines that fit, CLEAR and READ_CLEAR forget,
 * READ consumes and blocks until there is something, the console level
 * stays within 1..8, and with dmesg_restrict (Debian's default) an
 * unprivileged caller may do nothing. */
#include "check.h"
#include <fcntl.h>
#include <stdlib.h>
#include "dev_util.h"
#include "klog.h"

static int console_level(void)
{
	char buf[64] = "";
	read_file("/proc/sys/kernel/printk", buf, sizeof buf);
	return atoi(buf);
}

static int well_formed(const char *line)
{
	/* <6>[    0.123456] text */
	if (line[0] != '<' || line[1] < '0' || line[1] > '7' || line[2] != '>' || line[3] != '[')
		return 0;
	const char *p = line + 4;
	while (*p == ' ')
		p++;
	while (*p >= '0' && *p <= '9')
		p++;
	if (p - (line + 4) < 5 || *p++ != '.')
		return 0;
	for (int i = 0; i < 6; i++)
		if (*p < '0' || *p++ > '9')
			return 0;
	return p[0] == ']' && p[1] == ' ';
}

static int blocked_read(void *arg)
{
	(void)arg;
	char buf[256];
	alarm(10);
	long n = klog(SYSLOG_ACTION_READ, buf, sizeof buf);
	return n > 0 ? 0 : 1;
}

static int unprivileged(void *arg)
{
	(void)arg;
	char buf[64];
	if (klog(SYSLOG_ACTION_READ_ALL, buf, sizeof buf) != -EPERM || klog(SYSLOG_ACTION_SIZE_BUFFER, NULL, 0) != -EPERM)
		return 1;
	if (klog(SYSLOG_ACTION_CLEAR, NULL, 0) != -EPERM || klog(SYSLOG_ACTION_READ, buf, 8) != -EPERM)
		return 2;
	if (klog(SYSLOG_ACTION_OPEN, NULL, 0) != -EPERM || klog(99, NULL, 0) != -EPERM)
		return 3;
	return 0;
}

int main(void)
{
	long size = klog(SYSLOG_ACTION_SIZE_BUFFER, NULL, 0);
	CHECK(size > 0, "SIZE_BUFFER gives the size");
	CHECK_EQ(klog(SYSLOG_ACTION_OPEN, NULL, 0), 0, "OPEN does nothing");
	CHECK_EQ(klog(SYSLOG_ACTION_CLOSE, NULL, 0), 0, "CLOSE does nothing");
	CHECK_EQ(klog(99, NULL, 0), -EINVAL, "an unknown action is EINVAL");
	CHECK_EQ(klog(SYSLOG_ACTION_READ_ALL, NULL, 10), -EINVAL, "READ_ALL into NULL is EINVAL");
	CHECK_EQ(klog(SYSLOG_ACTION_READ_ALL, klog_buf, -1), -EINVAL, "READ_ALL with len < 0 is EINVAL");
	CHECK_EQ(klog(SYSLOG_ACTION_READ_ALL, klog_buf, 0), 0, "READ_ALL with len 0 is 0");
	CHECK_EQ(klog(SYSLOG_ACTION_READ, NULL, 10), -EINVAL, "READ into NULL is EINVAL");
	CHECK_EQ(klog(SYSLOG_ACTION_CONSOLE_LEVEL, NULL, 0), -EINVAL, "console level 0 is EINVAL");
	CHECK_EQ(klog(SYSLOG_ACTION_CONSOLE_LEVEL, NULL, 9), -EINVAL, "console level 9 is EINVAL");

	sysrq('h');                         /* other tests may have cleared the log */
	const char *log = klog_read();
	CHECK(klog_has(log, "<6>[") && klog_has(log, "] sysrq: HELP : "), "the log holds the newest line, with its level");
	int lines = 0, good = 0;
	for (const char *l = log; *l; l = strchr(l, '\n') ? strchr(l, '\n') + 1 : l + strlen(l)) {
		lines++;
		good += well_formed(l);
	}
	CHECK(lines > 0 && good == lines, "each line starts <level>[seconds.micros]");
	CHECK_EQ(klog(SYSLOG_ACTION_READ_ALL, unmapped_page(), 4096), -EFAULT, "READ_ALL to a bad buffer is EFAULT");
	long n = klog(SYSLOG_ACTION_READ_ALL, klog_buf, 80);
	CHECK(n >= 0 && n <= 80 && (n == 0 || klog_buf[n - 1] == '\n'), "READ_ALL gives whole lines that fit");

	klog_clear();
	CHECK_EQ(klog(SYSLOG_ACTION_READ_ALL, klog_buf, KLOG_MAX), 0, "after CLEAR, READ_ALL has nothing");
	sysrq('h');
	log = klog_read();
	CHECK(well_formed(log) && klog_has(log, "sysrq: HELP : ") && strchr(log, '\n') == log + strlen(log) - 1,
	      "a new message is one line");
	n = klog(SYSLOG_ACTION_READ_CLEAR, klog_buf, KLOG_MAX);
	CHECK_EQ(n, (long)strlen(log), "READ_CLEAR reads it");
	CHECK_EQ(klog(SYSLOG_ACTION_READ_ALL, klog_buf, KLOG_MAX), 0, "and clears it");

	char small[8];
	while (klog(SYSLOG_ACTION_SIZE_UNREAD, NULL, 0) > 0)
		klog(SYSLOG_ACTION_READ, klog_buf, KLOG_MAX);
	CHECK_EQ(klog(SYSLOG_ACTION_SIZE_UNREAD, NULL, 0), 0, "READ consumes what it returns");
	sysrq('h');
	long unread = klog(SYSLOG_ACTION_SIZE_UNREAD, NULL, 0);
	CHECK(unread > (long)sizeof small, "a new line is unread");
	CHECK_EQ(klog(SYSLOG_ACTION_READ, small, sizeof small), (long)sizeof small, "READ returns up to len");
	CHECK_EQ(klog(SYSLOG_ACTION_SIZE_UNREAD, NULL, 0), unread - (long)sizeof small, "and consumes that much");
	CHECK(memcmp(small, "<6>[", 4) == 0, "from the oldest unread byte");
	klog(SYSLOG_ACTION_READ, klog_buf, KLOG_MAX);

	pid_t pid = spawn(blocked_read, NULL);
	sleep_ms(200);
	CHECK(still_running(pid), "READ blocks while nothing is unread");
	sysrq('h');
	expect_exit(wait_status(pid), 0, "and returns when a line arrives");

	int level = console_level();
	CHECK_EQ(klog(SYSLOG_ACTION_CONSOLE_LEVEL, NULL, 8), 0, "CONSOLE_LEVEL 8");
	CHECK_EQ(console_level(), 8, "shows in /proc/sys/kernel/printk");
	CHECK_EQ(klog(SYSLOG_ACTION_CONSOLE_OFF, NULL, 0), 0, "CONSOLE_OFF");
	CHECK_EQ(console_level(), 1, "leaves only emergencies");
	CHECK_EQ(klog(SYSLOG_ACTION_CONSOLE_ON, NULL, 0), 0, "CONSOLE_ON");
	CHECK_EQ(console_level(), 8, "restores the level");
	klog(SYSLOG_ACTION_CONSOLE_LEVEL, NULL, level);

	char restrict_[8] = "";
	read_file("/proc/sys/kernel/dmesg_restrict", restrict_, sizeof restrict_);
	CHECK_EQ(atoi(restrict_), 1, "dmesg_restrict is on");
	expect_exit(run_as_user(unprivileged, NULL), 0, "an unprivileged caller gets EPERM for everything");
	return done();
}
