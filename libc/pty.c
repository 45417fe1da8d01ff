/* pty.c: the POSIX pseudo-terminal calls over /dev/ptmx and its ioctls
 * (posix_openpt, grantpt, unlockpt, ptsname, ptsname_r) and ttyname, which
 * names a terminal from /proc/self/fd or, failing that, by looking for its
 * device number in /dev/pts and /dev, as glibc does. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>

int posix_openpt(int flags)
{
	return open("/dev/ptmx", flags);
}

/* devpts already made the slave the caller's, in the tty group, mode 0620:
 * only check that fd is a master (POSIX's EINVAL, where the kernel says ENOTTY). */
int grantpt(int fd)
{
	unsigned int n;
	if (ioctl(fd, TIOCGPTN, &n) == 0)
		return 0;
	if (errno == ENOTTY)
		errno = EINVAL;
	return -1;
}

int unlockpt(int fd)
{
	int unlock = 0;
	return ioctl(fd, TIOCSPTLCK, &unlock);
}

int ptsname_r(int fd, char *buf, size_t size)
{
	unsigned int n;
	if (!buf)
		return errno = EINVAL;
	if (ioctl(fd, TIOCGPTN, &n) != 0)
		return errno;
	if ((size_t)snprintf(buf, size, "/dev/pts/%u", n) >= size)
		return errno = ERANGE;
	return 0;
}

char *ptsname(int fd)
{
	static char name[32];
	return ptsname_r(fd, name, sizeof(name)) ? NULL : name;
}

/* The character device in dir whose number is rdev, into buf. */
static int find_in_dir(const char *dir, dev_t rdev, char *buf, size_t size)
{
	DIR *d = opendir(dir);
	if (!d)
		return ENOENT;
	int err = ENOENT;
	struct dirent *e;
	while (err == ENOENT && (e = readdir(d))) {
		char path[300];
		struct stat st;
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		if (stat(path, &st) == 0 && S_ISCHR(st.st_mode) && st.st_rdev == rdev)
			err = strlen(path) < size ? (strcpy(buf, path), 0) : ERANGE;
	}
	closedir(d);
	return err;
}

int ttyname_r(int fd, char *buf, size_t size)
{
	struct termios t;
	struct stat st, named;
	if (tcgetattr(fd, &t) != 0 || fstat(fd, &st) != 0)
		return errno;
	char link[32];
	snprintf(link, sizeof(link), "/proc/self/fd/%d", fd);
	ssize_t n = readlink(link, buf, size);
	if (n > 0 && (size_t)n < size) {
		buf[n] = '\0';
		if (stat(buf, &named) == 0 && S_ISCHR(named.st_mode) && named.st_rdev == st.st_rdev)
			return 0;
	}
	int err = find_in_dir("/dev/pts", st.st_rdev, buf, size);
	if (err == ENOENT)
		err = find_in_dir("/dev", st.st_rdev, buf, size);
	return errno = err;
}

char *ttyname(int fd)
{
	static char name[64];
	return ttyname_r(fd, name, sizeof(name)) ? NULL : name;
}
