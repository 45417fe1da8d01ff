/* klog.h: what the kernel-log tests (dev_oops, dev_sysrq, dev_syslog) share:
 * reading the log through syslog(2) after clearing it, so that a check sees
 * only what its own action printed. The raw int 0x80 call behaves the same
 * under both libcs. */
#ifndef USER_TESTS_KLOG_H
#define USER_TESTS_KLOG_H

#include "check.h"
#include <fcntl.h>
#include <uapi/syslog.h>

#define KLOG_MAX 65536
static char klog_buf[KLOG_MAX + 1];

CHECK_FN long klog(int type, void *buf, long len)
{
	return raw_syscall(__NR_syslog, type, (long)buf, len);
}

CHECK_FN void klog_clear(void)
{
	klog(SYSLOG_ACTION_CLEAR, NULL, 0);
}

/* The log since the last klog_clear, NUL-terminated (empty on an error). */
CHECK_FN const char *klog_read(void)
{
	long n = klog(SYSLOG_ACTION_READ_ALL, klog_buf, KLOG_MAX);
	klog_buf[n > 0 ? n : 0] = 0;
	return klog_buf;
}

/* The first line of the log that holds s, or NULL. */
CHECK_FN const char *klog_line_with(const char *log, const char *s)
{
	const char *at = strstr(log, s);
	if (!at)
		return NULL;
	while (at > log && at[-1] != '\n')
		at--;
	return at;
}

/* Whether s is on the line that starts at line. */
CHECK_FN int klog_line_has(const char *line, const char *s)
{
	const char *at = line ? strstr(line, s) : NULL;
	const char *nl = line ? strchr(line, '\n') : NULL;
	return at && (!nl || at < nl);
}

CHECK_FN int klog_has(const char *log, const char *s)
{
	return strstr(log, s) != NULL;
}

/* Writes key to /proc/sysrq-trigger: 0 or an errno. */
CHECK_FN int sysrq(char key)
{
	int fd = open("/proc/sysrq-trigger", O_WRONLY);
	if (fd < 0)
		return errno;
	int r = write(fd, &key, 1) == 1 ? 0 : errno;
	close(fd);
	return r;
}

#endif
