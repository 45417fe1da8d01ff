/* dev_util.h: helpers the device tests (dev_*.c) share on top of check.h:
 * running a program with its output captured, reading small files, looking a
 * name up in /proc/devices, /proc/meminfo fields, a buffer that faults
 * part-way, and running a function as an unprivileged user. */
#ifndef USER_TESTS_DEV_UTIL_H
#define USER_TESTS_DEV_UTIL_H

#include "check.h"

#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>

/* Runs argv (argv[0] is the path) with stdout into out (NUL-terminated,
 * truncated to size - 1) and stdin from /dev/null; returns the wait status. */
CHECK_FN int run_capture(char *const argv[], char *out, size_t size)
{
	int p[2];
	if (pipe(p) != 0)
		return -1;
	pid_t pid = fork();
	if (pid < 0)
		return -1;
	if (pid == 0) {
		int null = open("/dev/null", O_RDONLY);
		dup2(null, 0);
		dup2(p[1], 1);
		close(p[0]);
		close(p[1]);
		execve(argv[0], argv, NULL);
		_exit(127);
	}
	close(p[1]);
	size_t len = 0;
	ssize_t r;
	char discard[256];
	while ((r = read(p[0], len + 1 < size ? out + len : discard,
			 len + 1 < size ? size - 1 - len : sizeof discard)) > 0)
		if (len + 1 < size)
			len += (size_t)r;
	out[len] = '\0';
	close(p[0]);
	int st;
	return waitpid(pid, &st, 0) == pid ? st : -1;
}

/* Checks a program's exact stdout and exit status. */
CHECK_FN void expect_output(char *const argv[], const char *expected, int code, const char *what)
{
	static char out[4096];
	int st = run_capture(argv, out, sizeof out);
	char d[160];
	snprintf(d, sizeof d, "status 0x%x, output \"%.100s\"", st, out);
	check_record(st != -1 && WIFEXITED(st) && WEXITSTATUS(st) == code &&
		     strcmp(out, expected) == 0, what, d);
}

/* Runs argv with the test's own stdout, so its check lines show in the log. */
CHECK_FN int run_inherit(char *const argv[])
{
	pid_t pid = fork();
	if (pid < 0)
		return -1;
	if (pid == 0) {
		execve(argv[0], argv, NULL);
		_exit(127);
	}
	int st;
	return waitpid(pid, &st, 0) == pid ? st : -1;
}

/* The whole of a small file, NUL-terminated; the byte count or -1. */
CHECK_FN long read_file(const char *path, char *buf, size_t size)
{
	int fd = open(path, O_RDONLY);
	if (fd < 0)
		return -1;
	size_t len = 0;
	ssize_t r;
	while (len + 1 < size && (r = read(fd, buf + len, size - 1 - len)) > 0)
		len += (size_t)r;
	buf[len] = '\0';
	close(fd);
	return (long)len;
}

/* How many CPUs are online, from /sys/devices/system/cpu/online (a list of
 * ranges, "0-3" or "0,2-3"); 1 on a kernel without that file. */
CHECK_FN int online_cpus(void)
{
	char buf[128];
	if (read_file("/sys/devices/system/cpu/online", buf, sizeof buf) <= 0)
		return 1;
	int n = 0;
	for (char *p = buf; *p && *p != '\n';) {
		long first = strtol(p, &p, 10), last = first;
		if (*p == '-')
			last = strtol(p + 1, &p, 10);
		n += (int)(last - first + 1);
		if (*p == ',')
			p++;
		else
			break;
	}
	return n > 0 ? n : 1;
}

/* The major /proc/devices lists for name, or -1. */
CHECK_FN int devices_major(const char *name)
{
	static char buf[4096];
	if (read_file("/proc/devices", buf, sizeof buf) < 0)
		return -1;
	for (char *line = strchr(buf, '\n'); line && line[1]; line = strchr(line + 1, '\n')) {
		char *end;
		long major = strtol(line + 1, &end, 10);
		size_t n = strlen(name);
		if (end != line + 1 && *end == ' ' && strncmp(end + 1, name, n) == 0 &&
		    (end[1 + n] == '\n' || end[1 + n] == '\0'))
			return (int)major;
	}
	return -1;
}

/* Is path a character device with these numbers, owner and permissions? */
CHECK_FN int is_chr_node(const char *path, int major, unsigned minor, unsigned mode, unsigned uid,
			 unsigned gid)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISCHR(st.st_mode) && (int)dev_major(st.st_rdev) == major &&
	       dev_minor(st.st_rdev) == minor && (st.st_mode & 07777) == mode && st.st_uid == uid &&
	       st.st_gid == gid;
}

/* The last n bytes of a mapped page whose next page is unmapped: a copy
 * through a buffer here faults part-way, after n bytes. */
CHECK_FN char *before_unmapped(size_t n)
{
	char *p = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	munmap(p + 4096, 4096);
	return p + 4096 - n;
}

/* Runs fn(arg) in a child with uid and gid 1000; the child's exit status is fn's result. */
struct as_user_call {
	int (*fn)(void *);
	void *arg;
};

CHECK_FN int as_user_trampoline(void *p)
{
	struct as_user_call *c = p;
	if (setgid(1000) != 0 || setuid(1000) != 0)
		return 126;
	return c->fn(c->arg);
}

CHECK_FN int run_as_user(int (*fn)(void *), void *arg)
{
	struct as_user_call c = { fn, arg };
	return run_child(as_user_trampoline, &c);
}

#endif
