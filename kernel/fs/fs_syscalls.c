/* fs_syscalls.c: the system calls that work on names: open, openat and creat;
 * mknod, mkdir, symlink and their *at forms; unlink, rmdir, unlinkat;
 * readlink; chdir, fchdir, getcwd; umask. Paths are copied in with getname
 * and every user buffer goes through uaccess. */
#include "kernel.h"
#include "fs/fdtable.h"
#include "mm/kmalloc.h"
#include "fs/namei.h"
#include "proc.h"
#include "fs/ramfs.h"
#include "syscall.h"
#include "uapi/errno.h"
#include "uapi/fcntl.h"
#include "uapi/stat.h"

SYSCALL_DEFINE1(umask, int, mask)
{
	umode_t old = current->fs->umask;
	current->fs->umask = (umode_t)mask & 0777;
	return old;
}

static long do_open(int dirfd, const char __user *upath, int flags, umode_t mode)
{
	char *path;
	int err = getname(upath, &path);
	if (err < 0)
		return err;
	/* As Linux: the descriptor first, so a full table is EMFILE before
	 * anything is looked up, created or waited for. */
	int fd = get_unused_fd_flags((unsigned int)flags);
	if (fd < 0) {
		putname(path);
		return fd;
	}
	struct file *f;
	err = vfs_open_at(dirfd, path, flags, mode & ~current->fs->umask, &f);
	putname(path);
	if (err) {
		put_unused_fd(fd);
		return err;
	}
	fd_install(fd, f);
	return fd;
}

SYSCALL_DEFINE3(open, const char __user *, path, int, flags, umode_t, mode)
{
	return do_open(AT_FDCWD, path, flags, mode);
}

SYSCALL_DEFINE4(openat, int, dirfd, const char __user *, path, int, flags, umode_t, mode)
{
	return do_open(dirfd, path, flags, mode);
}

SYSCALL_DEFINE2(creat, const char __user *, path, umode_t, mode)
{
	return do_open(AT_FDCWD, path, O_CREAT | O_WRONLY | O_TRUNC, mode);
}

/* Makes a node of the given mode (type and permissions, umask applied) at a user path. */
static long make_at(int dirfd, const char __user *upath, umode_t mode, dev_t rdev, struct inode **res)
{
	char *path;
	int err = getname(upath, &path);
	if (err < 0)
		return err;
	err = vfs_create_at(dirfd, path, mode, rdev, true, res);
	putname(path);
	return err;
}

static long do_mknod(int dirfd, const char __user *path, umode_t mode, unsigned int dev)
{
	umode_t perm = mode & 07777 & ~current->fs->umask;
	switch (mode & S_IFMT) {
	case 0:
		return make_at(dirfd, path, S_IFREG | perm, 0, NULL);
	case S_IFREG:
	case S_IFIFO:
	case S_IFSOCK:
		return make_at(dirfd, path, (mode & S_IFMT) | perm, 0, NULL);
	case S_IFCHR:
	case S_IFBLK:
		if (current->euid != 0)
			return -EPERM;
		return make_at(dirfd, path, (mode & S_IFMT) | perm, new_decode_dev(dev), NULL);
	case S_IFDIR:
		return -EPERM;
	default:
		return -EINVAL;
	}
}

SYSCALL_DEFINE3(mknod, const char __user *, path, umode_t, mode, unsigned int, dev)
{
	return do_mknod(AT_FDCWD, path, mode, dev);
}

SYSCALL_DEFINE4(mknodat, int, dirfd, const char __user *, path, umode_t, mode, unsigned int, dev)
{
	return do_mknod(dirfd, path, mode, dev);
}

static long do_mkdir(int dirfd, const char __user *path, umode_t mode)
{
	return make_at(dirfd, path, S_IFDIR | (mode & 01777 & ~current->fs->umask), 0, NULL);
}

SYSCALL_DEFINE2(mkdir, const char __user *, path, umode_t, mode)
{
	return do_mkdir(AT_FDCWD, path, mode);
}

SYSCALL_DEFINE3(mkdirat, int, dirfd, const char __user *, path, umode_t, mode)
{
	return do_mkdir(dirfd, path, mode);
}

static long do_symlink(const char __user *utarget, int dirfd, const char __user *path)
{
	char *target;
	int len = getname(utarget, &target);
	if (len < 0)
		return len;
	struct inode *inode;
	long err = len == 0 ? -ENOENT : make_at(dirfd, path, S_IFLNK | 0777, 0, &inode);
	if (!err) {
		err = ramfs_write_data(inode, 0, target, (size_t)len);
		iput(inode);
	}
	putname(target);
	return err;
}

SYSCALL_DEFINE2(symlink, const char __user *, target, const char __user *, path)
{
	return do_symlink(target, AT_FDCWD, path);
}

SYSCALL_DEFINE3(symlinkat, const char __user *, target, int, dirfd, const char __user *, path)
{
	return do_symlink(target, dirfd, path);
}

static long remove_at(int dirfd, const char __user *upath, bool dir)
{
	char *path;
	int err = getname(upath, &path);
	if (err < 0)
		return err;
	err = vfs_remove_at(dirfd, path, dir, true);
	putname(path);
	return err;
}

SYSCALL_DEFINE1(unlink, const char __user *, path)
{
	return remove_at(AT_FDCWD, path, false);
}

SYSCALL_DEFINE1(rmdir, const char __user *, path)
{
	return remove_at(AT_FDCWD, path, true);
}

SYSCALL_DEFINE3(unlinkat, int, dirfd, const char __user *, path, int, flags)
{
	if (flags & ~AT_REMOVEDIR)
		return -EINVAL;
	return remove_at(dirfd, path, flags & AT_REMOVEDIR);
}

static long do_readlink(int dirfd, const char __user *path, char __user *ubuf, int size)
{
	if (size <= 0)
		return -EINVAL;
	char first;
	long err = get_user(first, path);
	if (err)
		return err;
	struct inode *inode;
	err = user_path_at(dirfd, path, AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH, &inode);
	if (err)
		return err;
	char *buf = kmalloc(PATH_MAX);
	if (!inode->i_op || !inode->i_op->readlink) {
		/* An empty path names dirfd's file, and Linux says ENOENT when it is no link. */
		err = first ? -EINVAL : -ENOENT;
	} else if (!buf) {
		err = -ENOMEM;
	} else {
		err = inode->i_op->readlink(inode, buf, MIN((size_t)size, (size_t)PATH_MAX));
		if (err > 0 && copyout(buf, ubuf, (size_t)err))
			err = -EFAULT;
	}
	kfree(buf);
	iput(inode);
	return err;
}

SYSCALL_DEFINE3(readlink, const char __user *, path, char __user *, buf, int, size)
{
	return do_readlink(AT_FDCWD, path, buf, size);
}

SYSCALL_DEFINE4(readlinkat, int, dirfd, const char __user *, path, char __user *, buf, int, size)
{
	return do_readlink(dirfd, path, buf, size);
}

/* Makes inode (whose reference it takes over) the current directory. */
static long set_cwd(struct inode *inode)
{
	long err = !S_ISDIR(inode->i_mode) ? -ENOTDIR : vfs_permission(inode, MAY_EXEC);
	if (err) {
		iput(inode);
		return err;
	}
	struct inode *old = current->fs->cwd;
	current->fs->cwd = inode;
	if (old)
		iput(old);
	return 0;
}

SYSCALL_DEFINE1(chdir, const char __user *, path)
{
	struct inode *inode;
	long err = user_path_at(AT_FDCWD, path, 0, &inode);
	return err ? err : set_cwd(inode);
}

SYSCALL_DEFINE1(fchdir, int, fd)
{
	struct file *f = fget_raw(fd);
	if (!f)
		return -EBADF;
	long r = f->f_inode ? set_cwd(iget(f->f_inode)) : -ENOTDIR;
	fput(f);
	return r;
}

SYSCALL_DEFINE2(getcwd, char __user *, ubuf, unsigned long, size)
{
	char *buf = kmalloc(PATH_MAX);
	if (!buf)
		return -ENOMEM;
	long n = vfs_getcwd(buf, MIN(size, (unsigned long)PATH_MAX));
	if (n > 0 && copyout(buf, ubuf, (size_t)n))
		n = -EFAULT;
	kfree(buf);
	return n;
}
