/* sync.c: sync, syncfs, fsync, fdatasync and sync_file_range. Every file
 * system here lives in memory, so there is nothing to write back: the calls
 * check their arguments as Linux does and succeed where Linux has a method
 * (tmpfs files and directories: noop_fsync); pipes, devices, proc and sysfs
 * files have none, so fsync there is EINVAL as on Linux. */
#include "kernel.h"
#include "fs/fdtable.h"
#include "fs/file.h"
#include "fs/mounts.h"
#include "syscall.h"
#include "uapi/errno.h"
#include "uapi/stat.h"
#include "uapi/statfs.h"

#define SYNC_FILE_RANGE_VALID_FLAGS 7u  /* WAIT_BEFORE | WRITE | WAIT_AFTER */

/* 0 if the fd is open, then what check says of its inode. */
static long with_fd(int fd, long (*check)(const struct inode *inode))
{
	struct file *f = fget(fd);
	if (!f)
		return -EBADF;
	long r = check ? check(f->f_inode) : 0;
	fput(f);
	return r;
}

static long can_fsync(const struct inode *inode)
{
	bool tmpfs_node = (S_ISREG(inode->i_mode) || S_ISDIR(inode->i_mode)) &&
			  vfs_fs_magic(inode) == TMPFS_MAGIC;
	return tmpfs_node ? 0 : -EINVAL;
}

static long can_sync_range(const struct inode *inode)
{
	umode_t m = inode->i_mode;
	return S_ISREG(m) || S_ISBLK(m) || S_ISDIR(m) || S_ISLNK(m) ? 0 : -ESPIPE;
}

SYSCALL_DEFINE0(sync) { return 0; }
SYSCALL_DEFINE1(syncfs, int, fd) { return with_fd(fd, NULL); }
SYSCALL_DEFINE1(fsync, int, fd) { return with_fd(fd, can_fsync); }
SYSCALL_DEFINE1(fdatasync, int, fd) { return with_fd(fd, can_fsync); }

/* i386 passes the two 64-bit values as register pairs, low word first. */
SYSCALL_DEFINE6(sync_file_range, int, fd, uint32_t, off_lo, uint32_t, off_hi, uint32_t, n_lo, uint32_t, n_hi,
		unsigned int, flags)
{
	int64_t offset = (int64_t)((uint64_t)off_hi << 32 | off_lo);
	int64_t nbytes = (int64_t)((uint64_t)n_hi << 32 | n_lo);
	if (flags & ~SYNC_FILE_RANGE_VALID_FLAGS)
		return -EINVAL;
	if (offset < 0 || nbytes < 0 || offset + nbytes < offset)
		return -EINVAL;
	return with_fd(fd, can_sync_range);
}
