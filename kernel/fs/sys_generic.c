/* sys_generic.c: the system calls every open file answers, whatever is
 * behind it: read, write (and their vector and positioned forms), lseek,
 * close, dup, dup2, dup3, fcntl, and ioctl's dispatch (as FreeBSD's
 * sys_generic.c and Linux's fs/ioctl.c): EBADF, then the generic FIO*
 * commands, then the driver with the raw argument, ENOTTY when it has no
 * method or says the command is not its own. */
#include "kernel.h"
#include "locking/kernel_lock.h"
#include "dev/uio.h"
#include "fs/fasync.h"
#include "fs/fdtable.h"
#include "fs/leases.h"
#include "fs/fsize.h"
#include "fs/locks.h"
#include "fs/pipe.h"
#include "mm/kmalloc.h"
#include "proc.h"
#include "syscall.h"
#include "errno.h"
#include "uapi/fcntl.h"
#include "uapi/fs.h"
#include "uapi/ioctl.h"
#include "uapi/poll.h"
#include "uapi/stat.h"

/* FASYNC is not among them: only a driver's fasync (fasync_helper) sets it, as on Linux. */
#define SETFL_MASK (O_APPEND | O_NONBLOCK | O_DIRECT | O_NOATIME)

/* As Linux, the count is capped before the buffer is checked, and the file
 * moves the bytes up to the first bad one: write(fd, p, 0xFFFFFFFF) writes
 * what is valid. A buffer running into the kernel half is still EFAULT. */
static long rw_count(const void __user *buf, size_t count)
{
	count = MIN(count, MAX_RW_COUNT);
	return access_ok(buf, count) ? (long)count : -EFAULT;
}

static ssize_t do_read(struct file *f, char *buf, size_t count, loff_t *pos)
{
	if (!file_readable(f))
		return -EBADF;
	if (!f->f_op->read)
		return -EINVAL;
	long n = rw_count(buf, count);
	return n < 0 ? n : call_unlocked(f, f->f_op->read(f, buf, n, pos));
}

static ssize_t do_write(struct file *f, const char *buf, size_t count, loff_t *pos)
{
	if (!file_writable(f))
		return -EBADF;
	if (!f->f_op->write)
		return -EINVAL;
	long n = rw_count(buf, count);
	if (n < 0)
		return n;
	if ((f->f_flags & O_APPEND) && f->f_inode && S_ISREG(f->f_inode->i_mode))
		*pos = f->f_inode->i_size;
	size_t len = (size_t)n;
	int err = generic_write_check_limits(f->f_inode, *pos, &len);
	return err ? err : call_unlocked(f, f->f_op->write(f, buf, len, pos));
}

static ssize_t do_rw(struct file *f, char *buf, size_t count, loff_t *pos, bool is_write)
{
	return is_write ? do_write(f, buf, count, pos) : do_read(f, buf, count, pos);
}

static bool seekable(const struct file *f)
{
	return f->f_op->llseek && f->f_op->llseek != no_llseek;
}

/* read and write (at == NULL: at f_pos, which moves), pread64 and pwrite64
 * (at *at, a seekable file only; f_pos stays). */
static long ksys_rw(int fd, char *buf, size_t count, const loff_t *at, bool is_write)
{
	struct file *f = fget(fd);
	if (!f)
		return -EBADF;
	loff_t pos = at ? *at : 0;
	long r = at && !seekable(f) ? -ESPIPE : pos < 0 ? -EINVAL :
		 do_rw(f, buf, count, at ? &pos : &f->f_pos, is_write);
	fput(f);
	return r;
}

SYSCALL_DEFINE3(read, int, fd, char *, buf, size_t, count)
{
	return ksys_rw(fd, buf, count, NULL, false);
}

SYSCALL_DEFINE3(write, int, fd, const char *, buf, size_t, count)
{
	return ksys_rw(fd, (char *)buf, count, NULL, true);
}

SYSCALL_DEFINE5(pread64, int, fd, char *, buf, size_t, count, uint32_t, lo, uint32_t, hi)
{
	loff_t pos = ((loff_t)hi << 32) | lo;
	return ksys_rw(fd, buf, count, &pos, false);
}

SYSCALL_DEFINE5(pwrite64, int, fd, const char *, buf, size_t, count, uint32_t, lo, uint32_t, hi)
{
	loff_t pos = ((loff_t)hi << 32) | lo;
	return ksys_rw(fd, (char *)buf, count, &pos, true);
}

/* Linux's import_iovec: the user's vector copied in once, into fast when it
 * fits, else into *iovp (kmalloc'ed, for the caller to kfree), and described
 * by uio. As Linux: more than UIO_MAXIOV entries or a length over SSIZE_MAX
 * is EINVAL, an unreadable vector or a buffer outside user space EFAULT; the
 * total is capped at MAX_RW_COUNT by shortening the entries. */
static int import_iovec(enum uio_rw rw, const struct iovec __user *uvec, int nr_segs,
			struct iovec *fast, int nr_fast, struct iovec **iovp, struct uio *uio)
{
	*iovp = NULL;
	if (nr_segs < 0 || nr_segs > UIO_MAXIOV)
		return -EINVAL;
	struct iovec *iov = nr_segs <= nr_fast ? fast : kmalloc((size_t)nr_segs * sizeof(*iov));
	if (!iov)
		return -ENOMEM;
	if (iov != fast)
		*iovp = iov;
	/* Entry by entry, as Linux's copy_iovec_from_user: the first bad entry
	 * decides between EFAULT and EINVAL. */
	for (int i = 0; i < nr_segs; i++) {
		if (copyin(&uvec[i], &iov[i], sizeof(*iov)))
			return -EFAULT;
		if ((ssize_t)iov[i].iov_len < 0)
			return -EINVAL;
	}
	uint32_t total = 0;
	for (int i = 0; i < nr_segs; i++) {
		if (!access_ok(iov[i].iov_base, iov[i].iov_len))
			return -EFAULT;
		iov[i].iov_len = MIN(iov[i].iov_len, MAX_RW_COUNT - total);
		total += iov[i].iov_len;
	}
	*uio = (struct uio){
		.uio_iov = iov, .uio_iovcnt = nr_segs, .uio_resid = (ssize_t)total,
		.uio_segflg = UIO_USERSPACE, .uio_rw = rw,
	};
	return 0;
}

/* After a first read that returned data, a later one must not block: a
 * readv of a pipe returns what is there, as one read() would. */
static bool would_block(struct file *f)
{
	return f->f_op->poll && !(call_unlocked(f, f->f_op->poll(f, NULL)) & (POLLIN | POLLHUP | POLLERR));
}

/* readv/writev: one transfer per vector entry, stopping at the first short one. */
static long vector_rw(struct file *f, struct uio *uio)
{
	bool is_write = uio->uio_rw == UIO_WRITE;
	long total = 0;
	for (int i = 0; i < uio->uio_iovcnt; i++) {
		struct iovec *v = &uio->uio_iov[i];
		if (v->iov_len == 0)
			continue;
		if (!is_write && total && would_block(f))
			break;
		ssize_t r = do_rw(f, v->iov_base, v->iov_len, &f->f_pos, is_write);
		if (r < 0)
			return total ? total : r;
		total += r;
		if ((size_t)r < v->iov_len)
			break;
	}
	return total;
}

static long do_vector(int fd, const struct iovec __user *uvec, int cnt, enum uio_rw rw)
{
	struct file *f = fget(fd);
	if (!f)
		return -EBADF;
	struct iovec fast[UIO_FASTIOV], *iov;
	struct uio uio;
	long r = import_iovec(rw, uvec, cnt, fast, UIO_FASTIOV, &iov, &uio);
	if (!r)
		r = vector_rw(f, &uio);
	kfree(iov);
	fput(f);
	return r;
}

SYSCALL_DEFINE3(readv, int, fd, const struct iovec __user *, iov, int, cnt)
{
	return do_vector(fd, iov, cnt, UIO_READ);
}

SYSCALL_DEFINE3(writev, int, fd, const struct iovec __user *, iov, int, cnt)
{
	return do_vector(fd, iov, cnt, UIO_WRITE);
}

static loff_t do_lseek(int fd, loff_t off, int whence)
{
	struct file *f = fget(fd);
	if (!f)
		return -EBADF;
	loff_t r = whence < SEEK_SET || whence > SEEK_END ? -EINVAL : f->f_op->llseek ? call_unlocked(f, f->f_op->llseek(f, off, whence)) : -ESPIPE;
	fput(f);
	return r;
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
	return close_fd((unsigned int)fd);
}

SYSCALL_DEFINE1(dup, int, fd)
{
	struct file *f = fget_raw(fd);
	if (!f)
		return -EBADF;
	int newfd = get_unused_fd_flags(0);
	if (newfd >= 0)
		fd_install(newfd, f);
	else
		fput(f);
	return newfd;
}

static long do_dup3(int oldfd, int newfd, int flags)
{
	struct file *f = fget_raw(oldfd);
	if (!f)
		return -EBADF;
	long r = replace_fd((unsigned int)newfd, f, flags & O_CLOEXEC);
	fput(f);
	return r;
}

SYSCALL_DEFINE2(dup2, int, oldfd, int, newfd)
{
	if (oldfd == newfd)
		return files_lookup_fd_raw(current->files, oldfd) ? newfd : -EBADF;
	return do_dup3(oldfd, newfd, 0);
}

SYSCALL_DEFINE3(dup3, int, oldfd, int, newfd, int, flags)
{
	if ((flags & ~O_CLOEXEC) || oldfd == newfd)
		return -EINVAL;
	return do_dup3(oldfd, newfd, flags);
}

/* Runs one fcntl or ioctl on fd's file f (fget's reference, dropped after; NULL: EBADF). */
static long with_file(struct file *f, int fd, long (*fn)(struct file *, int, unsigned int, unsigned long),
		      unsigned int cmd, unsigned long arg)
{
	if (!f)
		return -EBADF;
	long r = fn(f, fd, cmd, arg);
	fput(f);
	return r;
}

static long do_fcntl(struct file *f, int fd, unsigned int cmd, unsigned long arg)
{
	switch (cmd) {
	case F_DUPFD:
	case F_DUPFD_CLOEXEC:
		if ((long)arg < 0)
			return -EINVAL;
		return f_dupfd((unsigned int)arg, f, cmd == F_DUPFD_CLOEXEC ? O_CLOEXEC : 0);
	case F_GETFD:
		return get_close_on_exec(fd) ? FD_CLOEXEC : 0;
	case F_SETFD:
		set_close_on_exec(fd, arg & FD_CLOEXEC);
		return 0;
	case F_GETFL:
		return f->f_flags;
	case F_SETFL: {
		int err = set_fasync(f, fd, arg & FASYNC, false);
		if (err)
			return err;
		f->f_flags = (f->f_flags & ~SETFL_MASK) | (arg & SETFL_MASK);
		return 0;
	}
	case F_GETOWN: case F_SETOWN: case F_GETOWN_EX: case F_SETOWN_EX: case F_GETSIG: case F_SETSIG:
		return fcntl_owner(f, cmd, arg);
	case F_GETPIPE_SZ:
	case F_SETPIPE_SZ:
		return pipe_fcntl(f, cmd, arg);
	case F_SETLEASE:
	case F_GETLEASE:
		return fcntl_lease(f, fd, cmd, arg);
	}
	return -EINVAL;
}

/* An O_PATH file allows only the commands on the descriptor (Linux's check_fcntl_cmd). */
static struct file *fcntl_file(int fd, int cmd)
{
	bool fd_only = cmd == F_DUPFD || cmd == F_DUPFD_CLOEXEC || cmd == F_GETFD || cmd == F_SETFD ||
		       cmd == F_GETFL;
	return fd_only ? fget_raw(fd) : fget(fd);
}

static long do_fcntl64(struct file *f, int fd, unsigned int cmd, unsigned long arg)
{
	long r = fcntl_lock(f, cmd, arg, true);
	return r == -ENOIOCTLCMD ? do_fcntl(f, fd, cmd, arg) : r;
}

static long do_fcntl32(struct file *f, int fd, unsigned int cmd, unsigned long arg)
{
	long r = fcntl_lock(f, cmd, arg, false);
	return r == -ENOIOCTLCMD ? do_fcntl(f, fd, cmd, arg) : r;
}

SYSCALL_DEFINE3(fcntl64, int, fd, int, cmd, unsigned long, arg)
{
	return with_file(fcntl_file(fd, cmd), fd, do_fcntl64, (unsigned int)cmd, arg);
}

SYSCALL_DEFINE3(fcntl, int, fd, int, cmd, unsigned long, arg)
{
	return with_file(fcntl_file(fd, cmd), fd, do_fcntl32, (unsigned int)cmd, arg);
}

/* FIONBIO takes an int through the pointer and sets a file flag. */
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

static long do_ioctl(struct file *f, int fd, unsigned int cmd, unsigned long arg)
{
	switch (cmd) {
	case FIOCLEX:
		set_close_on_exec(fd, true);
		return 0;
	case FIONCLEX:
		set_close_on_exec(fd, false);
		return 0;
	case FIONBIO:
		return set_flag_from_user(f, (const int *)arg, O_NONBLOCK);
	case FIOASYNC: {
		int on;
		return get_user(on, (const int *)arg) ? -EFAULT : set_fasync(f, fd, on != 0, true);
	}
	case FIONREAD:
		/* Regular files answer here, as in Linux's file_ioctl; pipes and ttys in their drivers. */
		if (f->f_inode && S_ISREG(f->f_inode->i_mode)) {
			int n = f->f_inode->i_size > f->f_pos ? (int)(f->f_inode->i_size - f->f_pos) : 0;
			return put_user(n, (int *)arg);
		}
		break;
	}
	/* f_op was bound at open: by the inode's i_fop, for a device node by the
	 * switch table (chrdev_open replaces def_chr_fops with the driver's). */
	if (!f->f_op->unlocked_ioctl)
		return -ENOTTY;
	long r = call_unlocked(f, f->f_op->unlocked_ioctl(f, cmd, arg));
	return r == -ENOIOCTLCMD ? -ENOTTY : r;
}

SYSCALL_DEFINE3(ioctl, int, fd, unsigned int, cmd, unsigned long, arg)
{
	return with_file(fget(fd), fd, do_ioctl, cmd, arg);
}
