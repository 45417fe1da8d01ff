/* proc_system: uname reports a Linux version that version checks accept and
 * the system-wide /proc files exist in Linux's formats: version, cpuinfo,
 * stat, loadavg, filesystems, /proc/sys/kernel's identity files and
 * /proc/sys/fs's limits. Only shapes are checked, never values that differ
 * between machines. uname is the raw call, for the domain name glibc hides. */
#include "check.h"

#include <fcntl.h>
#include <stdlib.h>

#include <uapi/utsname.h>

static char buf[8192];

static const char *slurp(const char *path)
{
	int fd = open(path, O_RDONLY);
	size_t n = 0;
	ssize_t r = 0;
	while (fd >= 0 && n < sizeof buf - 1 && (r = read(fd, buf + n, sizeof buf - 1 - n)) > 0)
		n += (size_t)r;
	if (fd >= 0)
		close(fd);
	buf[n] = '\0';
	return fd < 0 ? NULL : buf;
}

static int is_line(const char *path, const char *want)
{
	const char *s = slurp(path);
	return s && strncmp(s, want, strlen(want)) == 0 && strcmp(s + strlen(want), "\n") == 0;
}

/* Parses count numbers from s, each after skipping what is in seps: how many it found. */
static int numbers(const char *s, const char *seps, unsigned long long *out, int count)
{
	int n = 0;
	while (s && n < count) {
		s += strspn(s, seps);
		char *end;
		unsigned long long v = strtoull(s, &end, 10);
		if (end == s)
			break;
		out[n++] = v;
		s = end;
	}
	return n;
}

static long number_in(const char *path)
{
	const char *s = slurp(path);
	char *end;
	long v = s ? strtol(s, &end, 10) : -1;
	return s && end != s && strcmp(end, "\n") == 0 ? v : -1;
}

int main(void)
{
	struct new_utsname u;
	unsigned long long v[6];
	CHECK_EQ(raw_syscall(__NR_uname, (long)&u, 0, 0), 0, "uname");
	CHECK(strcmp(u.sysname, "Linux") == 0, "sysname Linux");
	CHECK(numbers(u.release, ".", v, 2) == 2 && v[0] >= 4, "release is a Linux version of 4 or later");

	CHECK(is_line("/proc/sys/kernel/ostype", "Linux"), "/proc/sys/kernel/ostype");
	CHECK(is_line("/proc/sys/kernel/osrelease", u.release), "/proc/sys/kernel/osrelease is uname's release");
	CHECK(is_line("/proc/sys/kernel/hostname", u.nodename), "/proc/sys/kernel/hostname is uname's nodename");
	CHECK(is_line("/proc/sys/kernel/domainname", u.domainname), "/proc/sys/kernel/domainname");
	CHECK(number_in("/proc/sys/kernel/pid_max") >= 301, "/proc/sys/kernel/pid_max is a number");
	CHECK(number_in("/proc/sys/fs/pipe-max-size") >= 4096, "/proc/sys/fs/pipe-max-size");
	CHECK(number_in("/proc/sys/fs/file-max") > 0, "/proc/sys/fs/file-max");
	CHECK(number_in("/proc/sys/fs/nr_open") >= 1024, "/proc/sys/fs/nr_open");

	char want[160];
	snprintf(want, sizeof want, "Linux version %s ", u.release);
	const char *s = slurp("/proc/version");
	CHECK(s && strncmp(s, want, strlen(want)) == 0 && s[strlen(s) - 1] == '\n', "/proc/version names the release");
	s = slurp("/proc/cpuinfo");
	CHECK(s && strncmp(s, "processor\t: 0\n", 14) == 0 && strstr(s, "\nvendor_id\t: ") && strstr(s, "\nflags\t\t:"),
	      "/proc/cpuinfo: processor 0, its vendor and flags");
	s = slurp("/proc/stat");
	CHECK(s && strncmp(s, "cpu  ", 5) == 0 && numbers(s + 5, " ", v, 4) == 4, "/proc/stat: the cpu line");
	CHECK(s && strstr(s, "\ncpu0 ") && strstr(s, "\nbtime ") && strstr(s, "\nprocesses ") &&
	      strstr(s, "\nprocs_running "), "/proc/stat: cpu0, btime, processes, procs_running");
	s = slurp("/proc/loadavg");
	/* "0.00 0.00 0.00 1/2 3": the averages' digits, then running/total and the last pid. */
	unsigned long long l[9];
	CHECK(numbers(s, " ./", l, 9) == 9 && l[6] >= 1 && l[7] >= l[6], "/proc/loadavg: three averages, running/total, last pid");
	s = slurp("/proc/filesystems");
	CHECK(s && strstr(s, "nodev\tproc\n") && strstr(s, "nodev\tsysfs\n") && strstr(s, "nodev\ttmpfs\n"),
	      "/proc/filesystems lists proc, sysfs and tmpfs");
	return done();
}
