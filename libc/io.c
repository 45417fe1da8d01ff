/* io.c: file descriptor I/O wrappers: open/close/read/write and friends, lseek (via _llseek),
 * dup family, pipes, fcntl (fcntl64), ioctl, poll and select (_newselect). */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <sys/select.h>
#include <sys/uio.h>
#include <unistd.h>
#include "sysdep.h"

/* The mode argument exists only when O_CREAT (or O_TMPFILE) asks for it. */
#define MODE_ARG(flags) \
	__va_opt_arg(flags, mode_t, ((flags) & O_CREAT) || ((flags) & O_TMPFILE) == O_TMPFILE)

/* O_LARGEFILE: our off_t is 32-bit, but _llseek and stat64 handle large files, so there is no
 * reason for the kernel to refuse them with EOVERFLOW at open. */
int openat(int dirfd, const char *path, int flags, ...)
{
	return (int)__sysret(__NR_openat, dirfd, path, flags | O_LARGEFILE, MODE_ARG(flags));
}

int open(const char *path, int flags, ...)
{
	return openat(AT_FDCWD, path, flags, MODE_ARG(flags));
}

int creat(const char *path, mode_t mode)
{
	return open(path, O_WRONLY | O_CREAT | O_TRUNC, mode);
}

int close(int fd) { return (int)__sysret(__NR_close, fd); }
ssize_t read(int fd, void *buf, size_t n) { return __sysret_cp(__NR_read, fd, buf, n); }
ssize_t write(int fd, const void *buf, size_t n) { return __sysret_cp(__NR_write, fd, buf, n); }
ssize_t readv(int fd, const struct iovec *iov, int n) { return __sysret_cp(__NR_readv, fd, iov, n); }
ssize_t writev(int fd, const struct iovec *iov, int n) { return __sysret_cp(__NR_writev, fd, iov, n); }
int fsync(int fd) { return (int)__sysret(__NR_fsync, fd); }

/* pread64/pwrite64 take the 64-bit offset as two words, low first. */
ssize_t pread(int fd, void *buf, size_t n, off_t off)
{
	return __sysret(__NR_pread64, fd, buf, n, off, off < 0 ? -1 : 0);
}

ssize_t pwrite(int fd, const void *buf, size_t n, off_t off)
{
	return __sysret(__NR_pwrite64, fd, buf, n, off, off < 0 ? -1 : 0);
}

int ftruncate(int fd, off_t len) { return (int)__sysret(__NR_ftruncate64, fd, len, len < 0 ? -1 : 0); }
int truncate(const char *path, off_t len) { return (int)__sysret(__NR_truncate64, path, len, len < 0 ? -1 : 0); }

off_t lseek(int fd, off_t off, int whence)
{
	long long result;

	if (__sysret(__NR__llseek, fd, off < 0 ? -1 : 0, off, &result, whence) < 0)
		return -1;
	if (result != (off_t)result) {
		errno = EOVERFLOW;
		return -1;
	}
	return (off_t)result;
}

int dup(int fd) { return (int)__sysret(__NR_dup, fd); }
int dup2(int fd, int newfd) { return (int)__sysret(__NR_dup2, fd, newfd); }
int dup3(int fd, int newfd, int flags) { return (int)__sysret(__NR_dup3, fd, newfd, flags); }
int pipe(int fds[2]) { return (int)__sysret(__NR_pipe, fds); }
int pipe2(int fds[2], int flags) { return (int)__sysret(__NR_pipe2, fds, flags); }

/* Every fcntl command's third argument fits in one word, pointer or int alike. */
int fcntl(int fd, int cmd, ...)
{
	return (int)__sysret(__NR_fcntl64, fd, cmd, __va_opt_arg(cmd, long, 1));
}

int ioctl(int fd, unsigned long request, ...)
{
	return (int)__sysret(__NR_ioctl, fd, request, __va_opt_arg(request, long, 1));
}

int poll(struct pollfd *fds, nfds_t n, int timeout_ms)
{
	return (int)__sysret_cp(__NR_poll, fds, n, timeout_ms);
}

int select(int nfds, fd_set *rd, fd_set *wr, fd_set *ex, struct timeval *timeout)
{
	return (int)__sysret_cp(__NR__newselect, nfds, rd, wr, ex, timeout);
}
