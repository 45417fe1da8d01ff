/* pty_util.h: what the pty tests share: devpts at /dev/pts (the kernel
 * mounts it; the Linux the tests are compared with boots with devtmpfs only,
 * so the first test to need it mounts it there, with glibc's options), a
 * pty pair opened the POSIX way, and reads from a pty that never wait
 * longer than a bound. */
#ifndef USER_TESTS_PTY_UTIL_H
#define USER_TESTS_PTY_UTIL_H

#ifndef _GNU_SOURCE
#define _GNU_SOURCE             /* glibc: posix_openpt, ptsname_r */
#endif

#include "check.h"

#include <poll.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <termios.h>

CHECK_FN void pty_mount_devpts(void)
{
	if (access("/dev/pts/ptmx", F_OK) == 0)
		return;
	mkdir("/dev/pts", 0755);
	raw_syscall6(__NR_mount, (long)"devpts", (long)"/dev/pts", (long)"devpts", 0,
		     (long)"gid=5,mode=620,ptmxmode=000", 0);
}

/* A master and its unlocked slave, both O_NOCTTY: 0, or -1 with the step that failed in *what. */
CHECK_FN int pty_open_pair(int *master, int *slave, const char **what)
{
	pty_mount_devpts();
	*master = posix_openpt(O_RDWR | O_NOCTTY);
	char *name = *master < 0 ? NULL : ptsname(*master);
	*what = *master < 0 ? "posix_openpt" : grantpt(*master) ? "grantpt" : unlockpt(*master) ? "unlockpt" :
		!name ? "ptsname" : NULL;
	if (*what)
		return -1;
	*slave = open(name, O_RDWR | O_NOCTTY);
	*what = *slave < 0 ? "open slave" : NULL;
	return *slave < 0 ? -1 : 0;
}

/* Whether fd has something to read (or a hang-up) within ms. */
CHECK_FN int pty_ready(int fd, int ms)
{
	struct pollfd p = { .fd = fd, .events = POLLIN };
	return poll(&p, 1, ms) == 1;
}

/* Reads what arrives on fd within ms of the last byte into buf (NUL-ended),
 * stopping early once it holds want (if not NULL): the bytes read. */
CHECK_FN size_t pty_collect(int fd, char *buf, size_t size, const char *want, int ms)
{
	size_t n = 0;
	buf[0] = '\0';
	while (n + 1 < size && (!want || !strstr(buf, want)) && pty_ready(fd, ms)) {
		ssize_t r = read(fd, buf + n, size - 1 - n);
		if (r <= 0)
			break;
		n += (size_t)r;
		buf[n] = '\0';
	}
	return n;
}

#endif
