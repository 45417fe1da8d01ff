/* misc.c: system information and odds and ends: uname, gethostname, sysconf/getpagesize
 * (the CPU counts from /sys/devices/system/cpu),
 * resource limits and usage, getrandom/getentropy, reboot, klogctl, sched_yield, and syscall(). */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <sched.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/klog.h>
#include <sys/random.h>
#include <sys/reboot.h>
#include <sys/resource.h>
#include <sys/utsname.h>
#include <unistd.h>
#include <uapi/param.h>		/* USER_HZ */
#include "sysdep.h"

int uname(struct utsname *u) { return (int)__sysret(__NR_uname, u); }

int gethostname(char *name, size_t len)
{
	struct utsname u;

	if (uname(&u) < 0)
		return -1;
	if (strlen(u.nodename) >= len) {
		errno = ENAMETOOLONG;
		return -1;
	}
	strcpy(name, u.nodename);
	return 0;
}

int getpagesize(void)
{
	unsigned long p = getauxval(AT_PAGESZ);

	return p ? (int)p : 4096;
}

/* How many CPUs a /sys/devices/system/cpu list names ("0-3,6"), as glibc
 * reads it; 1 if the file cannot be read. */
static long count_cpulist(const char *path)
{
	char buf[256];
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	ssize_t n = fd < 0 ? -1 : read(fd, buf, sizeof buf - 1);
	if (fd >= 0)
		close(fd);
	if (n <= 0)
		return 1;
	buf[n] = '\0';
	long count = 0;
	for (char *p = buf; *p >= '0' && *p <= '9';) {
		long first = strtol(p, &p, 10), last = first;
		if (*p == '-')
			last = strtol(p + 1, &p, 10);
		count += last >= first ? last - first + 1 : 0;
		if (*p == ',')
			p++;
	}
	return count ? count : 1;
}

long sysconf(int name)
{
	struct rlimit rl;

	switch (name) {
	case _SC_PAGESIZE:
		return getpagesize();
	case _SC_CLK_TCK:
		return USER_HZ;	/* what times() and /proc report in, whatever the kernel's tick */
	case _SC_OPEN_MAX:
		return getrlimit(RLIMIT_NOFILE, &rl) < 0 ? -1 : (long)rl.rlim_cur;
	case _SC_ARG_MAX:
		return ARG_MAX;
	case _SC_NPROCESSORS_CONF:
		return count_cpulist("/sys/devices/system/cpu/possible");
	case _SC_NPROCESSORS_ONLN:
		return count_cpulist("/sys/devices/system/cpu/online");
	}
	errno = EINVAL;
	return -1;
}

int getrlimit(int resource, struct rlimit *rl) { return (int)__sysret(__NR_ugetrlimit, resource, rl); }
int setrlimit(int resource, const struct rlimit *rl) { return (int)__sysret(__NR_setrlimit, resource, rl); }
int getrusage(int who, struct rusage *ru) { return (int)__sysret(__NR_getrusage, who, ru); }

/* The system call answers 20 - nice so that success is never negative. */
int getpriority(int which, id_t who)
{
	long r = __syscall(__NR_getpriority, which, who);
	return r < 0 ? (int)__syscall_ret(r) : 20 - (int)r;
}

int setpriority(int which, id_t who, int prio) { return (int)__sysret(__NR_setpriority, which, who, prio); }

/* As glibc: the new nice value, through setpriority (so EACCES reads EPERM). */
int nice(int inc)
{
	int saved = errno;
	errno = 0;
	int cur = getpriority(PRIO_PROCESS, 0);
	if (cur == -1 && errno)
		return -1;
	if (setpriority(PRIO_PROCESS, 0, cur + inc) < 0) {
		if (errno == EACCES)
			errno = EPERM;
		return -1;
	}
	errno = saved;
	return getpriority(PRIO_PROCESS, 0);
}

ssize_t getrandom(void *buf, size_t len, unsigned int flags)
{
	return __sysret(__NR_getrandom, buf, len, flags);
}

int getentropy(void *buf, size_t len)
{
	if (len > 256) {
		errno = EIO;
		return -1;
	}
	return getrandom(buf, len, 0) == (ssize_t)len ? 0 : -1;
}

int klogctl(int type, char *bufp, int len) { return (int)__sysret(__NR_syslog, type, bufp, len); }

int reboot(unsigned int magic1, unsigned int magic2, unsigned int cmd, void *arg)
{
	return (int)__sysret(__NR_reboot, magic1, magic2, cmd, arg);
}

int sched_yield(void) { return (int)__sysret(__NR_sched_yield); }

long syscall(long number, ...)
{
	va_list ap;
	long a[6];
	int i;

	va_start(ap, number);
	for (i = 0; i < 6; i++)
		a[i] = va_arg(ap, long);
	va_end(ap);
	return __syscall_ret(__raw_syscall(number, a[0], a[1], a[2], a[3], a[4], a[5]));
}
