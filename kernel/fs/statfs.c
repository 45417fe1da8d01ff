/* statfs.c: statfs, fstatfs, statfs64 and fstatfs64. The tree has no
 * superblocks: the file system of an inode is its mount's (mounts.c),
 * each reported with Linux's magic number and shape
 * (tmpfs sized at half of RAM by default, proc and sysfs with no blocks). */
#include "kernel.h"
#include "fs/fdtable.h"
#include "fs/file.h"
#include "fs/namei.h"
#include "fs/mounts.h"
#include "fs/vfs.h"
#include "mm/pmm.h"
#include "syscall.h"
#include "uaccess.h"
#include "uapi/errno.h"
#include "uapi/fcntl.h"
#include "uapi/stat.h"
#include "uapi/statfs.h"

#define FS_BLOCK_SIZE 4096u
#define FS_NAME_MAX 255u

static void fill_statfs(const struct inode *inode, struct statfs64 *st)
{
	memset(st, 0, sizeof *st);
	st->f_type = vfs_fs_magic(inode);
	st->f_bsize = st->f_frsize = FS_BLOCK_SIZE;
	st->f_namelen = FS_NAME_MAX;
	st->f_flags = ST_VALID | ST_RELATIME | vfs_mount_flags(inode);     /* the MS_ bits are the ST_ ones */
	if (st->f_type == TMPFS_MAGIC) {
		uint64_t size = vfs_mount_size(inode) ? vfs_mount_size(inode) / FS_BLOCK_SIZE :
				pmm_total_pages() * PGSIZE / 2 / FS_BLOCK_SIZE;
		uint64_t avail = pmm_free_pages() * PGSIZE / FS_BLOCK_SIZE;
		uint64_t used = vfs_mount_used(inode) / FS_BLOCK_SIZE;
		st->f_blocks = st->f_files = size;
		st->f_bfree = st->f_bavail = st->f_ffree = MIN(avail, size > used ? size - used : 0);
	}
}

static long copy_statfs(const struct statfs64 *st, struct statfs __user *ubuf)
{
	struct statfs s = {
		.f_type = st->f_type, .f_bsize = st->f_bsize,
		.f_blocks = (uint32_t)st->f_blocks, .f_bfree = (uint32_t)st->f_bfree,
		.f_bavail = (uint32_t)st->f_bavail, .f_files = (uint32_t)st->f_files,
		.f_ffree = (uint32_t)st->f_ffree, .f_namelen = st->f_namelen,
		.f_frsize = st->f_frsize, .f_flags = st->f_flags,
	};
	if ((st->f_blocks | st->f_bfree | st->f_bavail | st->f_files | st->f_ffree) >> 32)
		return -EOVERFLOW;
	return copyout(&s, ubuf, sizeof s) ? -EFAULT : 0;
}

static long statfs_path(const char __user *path, struct statfs64 *st)
{
	struct inode *inode;
	long err = user_path_at(AT_FDCWD, path, 0, &inode);
	if (err)
		return err;
	fill_statfs(inode, st);
	iput(inode);
	return 0;
}

static long statfs_fd(int fd, struct statfs64 *st)
{
	struct file *f = fget_raw(fd);
	if (!f)
		return -EBADF;
	fill_statfs(f->f_inode, st);
	fput(f);
	return 0;
}

SYSCALL_DEFINE2(statfs, const char __user *, path, struct statfs __user *, buf)
{
	struct statfs64 st;
	long err = statfs_path(path, &st);
	return err ? err : copy_statfs(&st, buf);
}

SYSCALL_DEFINE2(fstatfs, int, fd, struct statfs __user *, buf)
{
	struct statfs64 st;
	long err = statfs_fd(fd, &st);
	return err ? err : copy_statfs(&st, buf);
}

SYSCALL_DEFINE3(statfs64, const char __user *, path, size_t, size, struct statfs64 __user *, buf)
{
	struct statfs64 st;
	if (size != sizeof st)
		return -EINVAL;
	long err = statfs_path(path, &st);
	return err ? err : copyout(&st, buf, sizeof st) ? -EFAULT : 0;
}

SYSCALL_DEFINE3(fstatfs64, int, fd, size_t, size, struct statfs64 __user *, buf)
{
	struct statfs64 st;
	if (size != sizeof st)
		return -EINVAL;
	long err = statfs_fd(fd, &st);
	return err ? err : copyout(&st, buf, sizeof st) ? -EFAULT : 0;
}
