/* fs_opath: an O_PATH descriptor names a file without opening it. read,
 * write, ioctl, mmap, fchmod, lseek and the lock and owner fcntls say EBADF;
 * fstat, fstatfs, fchdir, dup, close and fcntl's F_GETFL/F_GETFD/F_SETFD/
 * F_DUPFD work; the *at calls take it as a directory and with AT_EMPTY_PATH
 * as the file; no read permission is needed and no device is opened;
 * O_NOFOLLOW gives the symlink itself; /proc/self/fd shows the path. */
#define _GNU_SOURCE
#include "check.h"

#include <sys/ioctl.h>
#include <sys/stat.h>
#include <uapi/statfs.h>

#define D "/tmp/fs_opath.d"

static int no_read_perm(void *arg)
{
	(void)arg;
	if (setuid(1000) != 0)
		return 1;
	int fd = open(D "/secret", O_PATH);
	struct stat st;
	int ok = fd >= 0 && fstat(fd, &st) == 0 && st.st_size == 5;
	int rd = open(D "/secret", O_RDONLY);
	return ok && rd == -1 && errno == EACCES ? 0 : 2;
}

int main(void)
{
	mkdir(D, 0755);
	int w = open(D "/f", O_CREAT | O_TRUNC | O_WRONLY, 0644);
	CHECK(w >= 0 && write(w, "hello", 5) == 5, "make a file");
	close(w);
	CHECK_OK(symlink("f", D "/lnk"), "make a symlink");

	int fd = open(D "/f", O_PATH | O_RDWR | O_CREAT | O_TRUNC, 0600);
	CHECK(fd >= 0, "open O_PATH (other flags ignored)");
	CHECK_EQ(fcntl(fd, F_GETFL), O_PATH, "F_GETFL is O_PATH alone");
	char c;
	CHECK_ERR(read(fd, &c, 1), EBADF, "read EBADF");
	CHECK_ERR(write(fd, "x", 1), EBADF, "write EBADF");
	CHECK_ERR(pread(fd, &c, 1, 0), EBADF, "pread EBADF");
	int n;
	CHECK_ERR(ioctl(fd, FIONREAD, &n), EBADF, "ioctl EBADF");
	CHECK(mmap(NULL, 4096, PROT_READ, MAP_SHARED, fd, 0) == MAP_FAILED && errno == EBADF, "mmap EBADF");
	CHECK_ERR(lseek(fd, 0, SEEK_SET), EBADF, "lseek EBADF");
	CHECK_ERR(fchmod(fd, 0600), EBADF, "fchmod EBADF");
	CHECK_ERR(fcntl(fd, F_SETFL, O_NONBLOCK), EBADF, "F_SETFL EBADF");
	CHECK_ERR(fcntl(fd, F_GETOWN), EBADF, "F_GETOWN EBADF");
	CHECK_ERR(fsync(fd), EBADF, "fsync EBADF");
	struct stat st;
	CHECK(fstat(fd, &st) == 0 && st.st_size == 5 && S_ISREG(st.st_mode), "fstat works, O_TRUNC ignored");
	struct statfs64 sf;
	CHECK_OK(raw_syscall(__NR_fstatfs64, fd, sizeof sf, (long)&sf), "fstatfs64 works");
	CHECK_EQ(fcntl(fd, F_GETFD), 0, "F_GETFD");
	CHECK_OK(fcntl(fd, F_SETFD, FD_CLOEXEC), "F_SETFD");
	CHECK_EQ(fcntl(fd, F_GETFD), FD_CLOEXEC, "F_GETFD after F_SETFD");
	int d = dup(fd);
	CHECK(d >= 0 && fcntl(d, F_GETFL) == O_PATH, "dup keeps O_PATH");
	CHECK(fcntl(fd, F_DUPFD, 50) == 50, "F_DUPFD");
	close(50);
	CHECK_OK(close(d), "close the dup");
	CHECK(fstatat(fd, "", &st, AT_EMPTY_PATH) == 0 && st.st_size == 5, "fstatat AT_EMPTY_PATH");
	CHECK_ERR(fstatat(fd, "", &st, 0), ENOENT, "fstatat empty path without AT_EMPTY_PATH");
	CHECK_ERR(fchdir(fd), ENOTDIR, "fchdir on a file ENOTDIR");

	char buf[256], want[64];
	snprintf(want, sizeof want, "/proc/self/fd/%d", fd);
	n = (int)readlink(want, buf, sizeof buf - 1);
	buf[n > 0 ? n : 0] = '\0';
	CHECK(strcmp(buf, D "/f") == 0, "/proc/self/fd shows the path");
	int re = open(want, O_RDONLY);
	CHECK(re >= 0 && read(re, buf, 5) == 5 && memcmp(buf, "hello", 5) == 0, "reopen through /proc/self/fd");
	close(re);
	CHECK_OK(close(fd), "close O_PATH fd");

	int dfd = open(D, O_PATH | O_DIRECTORY);
	CHECK(dfd >= 0 && fcntl(dfd, F_GETFL) == (O_PATH | O_DIRECTORY), "O_PATH|O_DIRECTORY on a directory");
	CHECK(fstatat(dfd, "f", &st, 0) == 0 && st.st_size == 5, "fstatat relative to an O_PATH dir");
	int at = openat(dfd, "f", O_RDONLY);
	CHECK(at >= 0, "openat relative to an O_PATH dir");
	close(at);
	CHECK_ERR(open(D "/f", O_PATH | O_DIRECTORY), ENOTDIR, "O_PATH|O_DIRECTORY on a file ENOTDIR");
	CHECK_ERR(open(D "/none", O_PATH), ENOENT, "O_PATH on a missing file ENOENT");
	int cwd = open(".", O_PATH);
	CHECK_OK(fchdir(dfd), "fchdir to an O_PATH dir");
	CHECK(stat("f", &st) == 0, "relative lookup in the new cwd");
	CHECK_OK(fchdir(cwd), "fchdir back");
	close(cwd);
	close(dfd);

	int l = open(D "/lnk", O_PATH | O_NOFOLLOW);
	CHECK(l >= 0 && fstat(l, &st) == 0 && S_ISLNK(st.st_mode), "O_PATH|O_NOFOLLOW: the link itself");
	CHECK(raw_syscall6(__NR_readlinkat, l, (long)"", (long)buf, sizeof buf, 0, 0) == 1 && buf[0] == 'f', "readlinkat(fd, \"\") reads it");
	CHECK(fcntl(l, F_GETFL) == (O_PATH | O_NOFOLLOW), "F_GETFL shows O_NOFOLLOW");
	close(l);
	l = open(D "/lnk", O_PATH);
	CHECK(l >= 0 && fstat(l, &st) == 0 && S_ISREG(st.st_mode), "O_PATH follows a link by default");
	close(l);
	CHECK_ERR(open(D "/lnk", O_RDONLY | O_NOFOLLOW), ELOOP, "O_NOFOLLOW without O_PATH ELOOP");

	/* A device is not opened: /dev/tty with no controlling terminal would say ENXIO. */
	pid_t pid = fork();
	if (pid == 0) {
		setsid();
		int t = open("/dev/tty", O_PATH);
		_exit(t >= 0 && fstat(t, &st) == 0 && S_ISCHR(st.st_mode) && open("/dev/tty", O_RDONLY) == -1 ? 0 : 1);
	}
	expect_exit(wait_status(pid), 0, "O_PATH on /dev/tty without a terminal: no open, fstat works");

	int s = open(D "/secret", O_CREAT | O_WRONLY | O_TRUNC, 0600);
	CHECK(s >= 0 && write(s, "12345", 5) == 5, "a file only root may read");
	close(s);
	expect_exit(run_child(no_read_perm, NULL), 0, "O_PATH needs no read permission");

	unlink(D "/secret");
	unlink(D "/lnk");
	unlink(D "/f");
	rmdir(D);
	return done();
}
