/* sys_generic.c: the system calls every open file answers, whatever is
 * behind it: read, write (and their vector and positioned forms), lseek,
 * close, dup, dup2, dup3, fcntl, and ioctl's dispatch (as FreeBSD's
 * sys_generic.c and Linux's fs/ioctl.c): EBADF, then the generic FIO*
 * commands, then the driver with the raw argument, ENOTTY when it has no
 * method or says the command is not its own. */
#include "kernel.h"
#include "fs/fdtable.h"
#include "proc.h"
#include "syscall.h"
#include "uapi/errno.h"
#include "uapi/fcntl.h"
#include "uapi/ioctl.h"
#include "uapi/poll.h"
#include "uapi/stat.h"

#define SETFL_MASK (O_APPEND | O_NONBLOCK | FASYNC | O_DIRECT | O_NOATIME)
#define MAX_RW_COUNT 0x7ffff000u        /* Linux caps one transfer at this */

static bool readable(const struct file *f)
{
	return (f->f_flags & O_ACCMODE) != O_WRONLY;
}

static bool writable(const struct file *f)
{
	return (f->f_flags & O_ACCMODE) != O_RDONLY;
}

static ssize_t do_read(struct file *f, char *buf, size_t count, loff_t *pos)
{
	if (!readable(f))
		return -EBADF;
	if (!f->f_op->read)
		return -EINVAL;
	if (!access_ok(buf, count))
		return -EFAULT;
	return f->f_op->read(f, buf, MIN(count, MAX_RW_COUNT), pos);
}

static ssize_t do_write(struct file *f, const char *buf, size_t count, loff_t *pos)
{
	if (!writable(f))
		return -EBADF;
	if (!f->f_op->write)
		return -EINVAL;
	if (!access_ok(buf, count))
		return -EFAULT;
	if ((f->f_flags & O_APPEND) && f->f_inode && S_ISREG(f->f_inode->i_mode))
		*pos = f->f_inode->i_size;
	return f->f_op->write(f, buf, MIN(count, MAX_RW_COUNT), pos);
}

SYSCALL_DEFINE3(read, int, fd, char *, buf, size_t, count)
{
	struct file *f = fget(fd);
	return f ? do_read(f, buf, count, &f->f_pos) : -EBADF;
}

SYSCALL_DEFINE3(write, int, fd, const char *, buf, size_t, count)
{
	struct file *f = fget(fd);
	return f ? do_write(f, buf, count, &f->f_pos) : -EBADF;
}

static bool seekable(const struct file *f)
{
	return f->f_op->llseek && f->f_op->llseek != no_llseek;
}

static struct file *fget_positioned(int fd, loff_t pos, long *err)
{
	struct file *f = fget(fd);
	*err = !f ? -EBADF : !seekable(f) ? -ESPIPE : pos < 0 ? -EINVAL : 0;
	return *err ? NULL : f;
}

SYSCALL_DEFINE5(pread64, int, fd, char *, buf, size_t, count, uint32_t, lo, uint32_t, hi)
{
	loff_t pos = ((loff_t)hi << 32) | lo;
	long err;
	struct file *f = fget_positioned(fd, pos, &err);
	return f ? do_read(f, buf, count, &pos) : err;
}

SYSCALL_DEFINE5(pwrite64, int, fd, const char *, buf, size_t, count, uint32_t, lo, uint32_t, hi)
{
	loff_t pos = ((loff_t)hi << 32) | lo;
	long err;
	struct file *f = fget_positioned(fd, pos, &err);
	return f ? do_write(f, buf, count, &pos) : err;
}

struct k_iovec {
	char *base;
	uint32_t len;
};

/* After a first read that returned data, a later one must not block: a
 * readv of a pipe returns what is there, as one read() would. */
static bool would_block(struct file *f)
{
	return f->f_op->poll && !(f->f_op->poll(f, NULL) & (POLLIN | POLLHUP | POLLERR));
}

/* readv/writev: one transfer per vector entry, stopping at the first short
 * one. As Linux, the whole vector is checked first (EFAULT; EINVAL for a
 * length over SSIZE_MAX) and the total is capped at MAX_RW_COUNT. */
static long do_vector(int fd, const struct k_iovec *uiov, int cnt, bool is_write)
{
	struct file *f = fget(fd);
	if (!f)
		return -EBADF;
	if (cnt < 0 || cnt > 1024)
		return -EINVAL;
	for (int i = 0; i < cnt; i++) {
		struct k_iovec v;
		if (copyin(&uiov[i], &v, sizeof(v)))
			return -EFAULT;
		if ((int32_t)v.len < 0)
			return -EINVAL;
	}
	uint32_t total = 0;
	for (int i = 0; i < cnt && total < MAX_RW_COUNT; i++) {
		struct k_iovec v;
		if (copyin(&uiov[i], &v, sizeof(v)))
			return total ? (long)total : -EFAULT;
		uint32_t len = MIN(v.len, MAX_RW_COUNT - total);
		if (len == 0)
			continue;
		if (!is_write && total && would_block(f))
			break;
		ssize_t r = is_write ? do_write(f, v.base, len, &f->f_pos) : do_read(f, v.base, len, &f->f_pos);
		if (r < 0)
			return total ? (long)total : r;
		total += r;
		if ((uint32_t)r < len)
			break;
	}
	return total;
}

SYSCALL_DEFINE3(readv, int, fd, const struct k_iovec *, iov, int, cnt)
{
	return do_vector(fd, iov, cnt, false);
}

SYSCALL_DEFINE3(writev, int, fd, const struct k_iovec *, iov, int, cnt)
{
	return do_vector(fd, iov, cnt, true);
}

static loff_t do_lseek(int fd, loff_t off, int whence)
{
	struct file *f = fget(fd);
	if (!f)
		return -EBADF;
	if (whence < 0 || whence > 2)
		return -EINVAL;
	return f->f_op->llseek ? f->f_op->llseek(f, off, whence) : -ESPIPE;
}

SYSCALL_DEFINE3(lseek, int, fd, int32_t, off, int, whence)
{
	loff_t r = do_lseek(fd, off, whence);
	return r > 0x7fffffff ? -EOVERFLOW : (long)r;
}

SYSCALL_DEFINE5(_llseek, int, fd, uint32_t, hi, uint32_t, lo, loff_t *, uresult, int, whence)
{
	loff_t r = do_lseek(fd, (loff_t)(((uint64_t)hi << 32) | lo), whence);
	if (r < 0)
		return (long)r;
	return copyout(&r, uresult, sizeof(r)) ? -EFAULT : 0;
}

SYSCALL_DEFINE1(close, int, fd)
{
	return fd_close(fd);
}

SYSCALL_DEFINE1(dup, int, fd)
{
	struct file *f = fget(fd);
	return f ? fd_install(fget_ref(f), 0, false) : -EBADF;
}

static long do_dup3(int oldfd, int newfd, int flags)
{
	struct file *f = fget(oldfd);
	if (!f)
		return -EBADF;
	return fd_install_at(fget_ref(f), newfd, flags & O_CLOEXEC);
}

SYSCALL_DEFINE2(dup2, int, oldfd, int, newfd)
{
	if (oldfd == newfd)
		return fget(oldfd) ? newfd : -EBADF;
	return do_dup3(oldfd, newfd, 0);
}

SYSCALL_DEFINE3(dup3, int, oldfd, int, newfd, int, flags)
{
	if ((flags & ~O_CLOEXEC) || oldfd == newfd)
		return -EINVAL;
	return do_dup3(oldfd, newfd, flags);
}

SYSCALL_DEFINE3(fcntl64, int, fd, int, cmd, unsigned long, arg)
{
	struct file *f = fget(fd);
	if (!f)
		return -EBADF;
	switch (cmd) {
	case F_DUPFD:
	case F_DUPFD_CLOEXEC:
		if ((long)arg < 0)
			return -EINVAL;
		return fd_install(fget_ref(f), (int)arg, cmd == F_DUPFD_CLOEXEC);
	case F_GETFD:
		return fd_get_cloexec(fd) ? FD_CLOEXEC : 0;
	case F_SETFD:
		fd_set_cloexec(fd, arg & FD_CLOEXEC);
		return 0;
	case F_GETFL:
		return f->f_flags;
	case F_SETFL:
		f->f_flags = (f->f_flags & ~SETFL_MASK) | (arg & SETFL_MASK);
		return 0;
	case F_GETOWN:
	case F_SETOWN:
		return 0;
	}
	return -EINVAL;
}
SYSCALL_ALIAS(fcntl, fcntl64)

/* FIONBIO and FIOASYNC take an int through the pointer and set a file flag. */
static long set_flag_from_user(struct file *f, const int *uarg, unsigned int flag)
{
	int on;
	if (get_user(on, uarg))
		return -EFAULT;
	if (on)
		f->f_flags |= flag;
	else
		f->f_flags &= ~flag;
	return 0;
}

SYSCALL_DEFINE3(ioctl, int, fd, unsigned int, cmd, unsigned long, arg)
{
	struct file *f = fget(fd);
	if (!f)
		return -EBADF;
	switch (cmd) {
	case FIOCLEX:
		fd_set_cloexec(fd, true);
		return 0;
	case FIONCLEX:
		fd_set_cloexec(fd, false);
		return 0;
	case FIONBIO:
		return set_flag_from_user(f, (const int *)arg, O_NONBLOCK);
	case FIOASYNC:
		return set_flag_from_user(f, (const int *)arg, FASYNC);
	case FIONREAD:
		/* Regular files answer here, as in Linux's file_ioctl; pipes and ttys in their drivers. */
		if (f->f_inode && S_ISREG(f->f_inode->i_mode)) {
			int n = f->f_inode->i_size > f->f_pos ? (int)(f->f_inode->i_size - f->f_pos) : 0;
			return put_user(n, (int *)arg);
		}
		break;
	}
	if (!f->f_op->unlocked_ioctl)
		return -ENOTTY;
	long r = f->f_op->unlocked_ioctl(f, cmd, arg);
	return r == -ENOIOCTLCMD ? -ENOTTY : r;
}
