/* fs_stat.c: the system calls that read or change a file's attributes: the
 * stat64 family and statx (Linux i386 layouts), access/faccessat, chmod,
 * chown, utimensat (and utimes, futimesat, utime) and truncate in their
 * path, fd and *at forms. */
#include "kernel.h"
#include "mm/filemap.h"
#include "x86/timer.h"
#include "fs/fdtable.h"
#include "fs/fsize.h"
#include "fs/leases.h"
#include "fs/namei.h"
#include "fs/mounts.h"
#include "proc.h"
#include "fs/ramfs.h"
#include "fs/vfs.h"
#include "syscall.h"
#include "uapi/errno.h"
#include "uapi/fcntl.h"
#include "uapi/stat.h"
#include "uapi/time.h"

#define AT_STATX_SYNC_TYPE 0x6000
#define STATX__RESERVED 0x80000000U

/* 512-byte blocks in use: a page-cache file's pages, as tmpfs counts them
 * (a hole takes none); otherwise its size. */
static uint64_t inode_blocks(const struct inode *in)
{
	if (in->i_mapping)
		return (uint64_t)in->i_mapping->nrpages * (PGSIZE / 512);
	return (uint64_t)(in->i_size + 511) / 512;
}

static void fill_stat64(const struct inode *in, struct stat64 *st)
{
	memset(st, 0, sizeof(*st));
	st->st_dev = new_encode_dev(vfs_mount_dev(in));
	st->__st_ino = in->i_ino;
	st->st_ino = in->i_ino;
	st->st_mode = in->i_mode;
	st->st_nlink = in->i_nlink;
	st->st_uid = in->i_uid;
	st->st_gid = in->i_gid;
	st->st_rdev = new_encode_dev(in->i_rdev);
	st->st_size = in->i_size;
	st->st_blksize = PGSIZE;
	st->st_blocks = inode_blocks(in);
	st->st_atime_sec = (uint32_t)in->i_atime;
	st->st_mtime_sec = (uint32_t)in->i_mtime;
	st->st_ctime_sec = (uint32_t)in->i_ctime;
}

/* Takes over the reference to inode. */
static long put_stat64(struct inode *inode, struct stat64 __user *ubuf)
{
	struct stat64 st;
	fill_stat64(inode, &st);
	iput(inode);
	return copyout(&st, ubuf, sizeof(st)) ? -EFAULT : 0;
}

static long stat_at(int dirfd, const char __user *path, struct stat64 __user *buf, int flags)
{
	if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH | AT_NO_AUTOMOUNT))
		return -EINVAL;
	struct inode *inode;
	long err = user_path_at(dirfd, path, flags, &inode);
	return err ? err : put_stat64(inode, buf);
}

SYSCALL_DEFINE2(stat64, const char __user *, path, struct stat64 __user *, buf)
{
	return stat_at(AT_FDCWD, path, buf, 0);
}

SYSCALL_DEFINE2(lstat64, const char __user *, path, struct stat64 __user *, buf)
{
	return stat_at(AT_FDCWD, path, buf, AT_SYMLINK_NOFOLLOW);
}

SYSCALL_DEFINE4(fstatat64, int, dirfd, const char __user *, path, struct stat64 __user *, buf, int, flags)
{
	return stat_at(dirfd, path, buf, flags);
}

/* The inode behind an open file, referenced; files without one (pipes, anon
 * files) have none to report. */
static long fd_inode_of(struct file *f, struct inode **res)
{
	if (!f)
		return -EBADF;
	*res = iget(f->f_inode);
	fput(f);
	return *res ? 0 : -EINVAL;
}

static long fd_inode(int fd, struct inode **res)
{
	return fd_inode_of(fget(fd), res);
}

SYSCALL_DEFINE2(fstat64, int, fd, struct stat64 __user *, buf)
{
	struct inode *inode;
	long err = fd_inode_of(fget_raw(fd), &inode);
	return err ? err : put_stat64(inode, buf);
}

static struct statx_timestamp statx_time(int64_t sec)
{
	return (struct statx_timestamp){ .tv_sec = sec };
}

SYSCALL_DEFINE5(statx, int, dirfd, const char __user *, path, int, flags, unsigned int, mask,
		struct statx __user *, buf)
{
	if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH | AT_NO_AUTOMOUNT | AT_STATX_SYNC_TYPE) ||
	    (flags & AT_STATX_SYNC_TYPE) == AT_STATX_SYNC_TYPE || (mask & STATX__RESERVED))
		return -EINVAL;
	struct inode *in;
	long err = user_path_at(dirfd, path, flags, &in);
	if (err)
		return err;
	struct statx sx;
	memset(&sx, 0, sizeof(sx));
	sx.stx_mask = STATX_BASIC_STATS;
	sx.stx_blksize = PGSIZE;
	sx.stx_nlink = in->i_nlink;
	sx.stx_uid = in->i_uid;
	sx.stx_gid = in->i_gid;
	sx.stx_mode = (uint16_t)in->i_mode;
	sx.stx_ino = in->i_ino;
	sx.stx_size = (uint64_t)in->i_size;
	sx.stx_blocks = inode_blocks(in);
	sx.stx_atime = statx_time(in->i_atime);
	sx.stx_mtime = statx_time(in->i_mtime);
	sx.stx_ctime = statx_time(in->i_ctime);
	sx.stx_rdev_major = MAJOR(in->i_rdev);
	sx.stx_rdev_minor = MINOR(in->i_rdev);
	sx.stx_dev_major = MAJOR(vfs_mount_dev(in));
	sx.stx_dev_minor = MINOR(vfs_mount_dev(in));
	iput(in);
	return copyout(&sx, buf, sizeof(sx)) ? -EFAULT : 0;
}

/* access() asks with the real ids, AT_EACCESS with the effective ones. */
static long do_access(int dirfd, const char __user *path, int mode, int flags)
{
	if ((mode & ~(R_OK | W_OK | X_OK)) || (flags & ~(AT_EACCESS | AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH)))
		return -EINVAL;
	struct inode *inode;
	long err = user_path_at(dirfd, path, flags, &inode);
	if (err)
		return err;
	if (mode) {
		bool eff = flags & AT_EACCESS;
		err = vfs_permission_ids(inode, mode, eff ? current->euid : current->uid,
					 eff ? current->egid : current->gid);
	}
	iput(inode);
	return err;
}

SYSCALL_DEFINE2(access, const char __user *, path, int, mode)
{
	return do_access(AT_FDCWD, path, mode, 0);
}

SYSCALL_DEFINE3(faccessat, int, dirfd, const char __user *, path, int, mode)
{
	return do_access(dirfd, path, mode, 0);
}

SYSCALL_DEFINE4(faccessat2, int, dirfd, const char __user *, path, int, mode, int, flags)
{
	return do_access(dirfd, path, mode, flags);
}

static bool is_owner_or_root(const struct inode *inode)
{
	return current->euid == 0 || current->euid == inode->i_uid;
}

/* Takes over the reference to inode. */
static long set_mode(struct inode *inode, umode_t mode)
{
	long err = is_owner_or_root(inode) ? 0 : -EPERM;
	if (!err) {
		inode->i_mode = (inode->i_mode & S_IFMT) | (mode & 07777);
		inode->i_ctime = realtime_seconds();
	}
	iput(inode);
	return err;
}

SYSCALL_DEFINE2(chmod, const char __user *, path, umode_t, mode)
{
	struct inode *inode;
	long err = user_path_at(AT_FDCWD, path, 0, &inode);
	return err ? err : set_mode(inode, mode);
}

SYSCALL_DEFINE3(fchmodat, int, dirfd, const char __user *, path, umode_t, mode)
{
	struct inode *inode;
	long err = user_path_at(dirfd, path, 0, &inode);
	return err ? err : set_mode(inode, mode);
}

SYSCALL_DEFINE2(fchmod, int, fd, umode_t, mode)
{
	struct inode *inode;
	long err = fd_inode(fd, &inode);
	return err ? err : set_mode(inode, mode);
}

/* As Linux: root may give a file away; its owner may only "change" the
 * owner to itself and the group to its own or the current one; -1 leaves an
 * id as it is and needs no right. Takes over the reference to inode. */
static long set_owner(struct inode *inode, uint32_t uid, uint32_t gid)
{
	bool root = current->euid == 0, owner = current->euid == inode->i_uid;
	bool ok = root || ((uid == (uint32_t)-1 || (owner && uid == inode->i_uid)) &&
			   (gid == (uint32_t)-1 || (owner && (gid == inode->i_gid || gid == current->egid))));
	/* A changed owner must not inherit the old owner's set-id powers. S_ISGID
	 * without group execute is not a power (it marks mandatory locking). */
	umode_t kill = 0;
	if (!S_ISDIR(inode->i_mode))
		kill = (inode->i_mode & S_ISUID) | (inode->i_mode & S_IXGRP ? inode->i_mode & S_ISGID : 0);
	/* Clearing them is a mode change, which only the owner may make. */
	long err = ok && (!kill || root || owner) ? 0 : -EPERM;
	if (!err) {
		if (uid != (uint32_t)-1)
			inode->i_uid = uid;
		if (gid != (uint32_t)-1)
			inode->i_gid = gid;
		inode->i_mode &= ~kill;
		inode->i_ctime = realtime_seconds();
	}
	iput(inode);
	return err;
}

static long chown_at(int dirfd, const char __user *path, uint32_t uid, uint32_t gid, int flags)
{
	if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	struct inode *inode;
	long err = user_path_at(dirfd, path, flags, &inode);
	return err ? err : set_owner(inode, uid, gid);
}

SYSCALL_DEFINE3(chown32, const char __user *, path, uint32_t, uid, uint32_t, gid)
{
	return chown_at(AT_FDCWD, path, uid, gid, 0);
}

SYSCALL_DEFINE3(lchown32, const char __user *, path, uint32_t, uid, uint32_t, gid)
{
	return chown_at(AT_FDCWD, path, uid, gid, AT_SYMLINK_NOFOLLOW);
}

SYSCALL_DEFINE5(fchownat, int, dirfd, const char __user *, path, uint32_t, uid, uint32_t, gid, int, flags)
{
	return chown_at(dirfd, path, uid, gid, flags);
}

SYSCALL_DEFINE3(fchown32, int, fd, uint32_t, uid, uint32_t, gid)
{
	struct inode *inode;
	long err = fd_inode(fd, &inode);
	return err ? err : set_owner(inode, uid, gid);
}

/* One of utimensat's two times: seconds, or tv_nsec UTIME_NOW or UTIME_OMIT.
 * Files keep whole seconds, so other nanoseconds are checked, then dropped. */
struct utime_req {
	int64_t sec;
	long nsec;
};

static bool utime_sets(const struct utime_req *t)
{
	return t->nsec != UTIME_NOW && t->nsec != UTIME_OMIT;
}

static long copyin_utimes(const void __user *u, bool wide, struct utime_req t[2])
{
	for (int i = 0; i < 2; i++) {
		if (wide) {
			struct k_timespec64 ts;
			if (copyin((const struct k_timespec64 __user *)u + i, &ts, sizeof(ts)))
				return -EFAULT;
			t[i] = (struct utime_req){ ts.tv_sec, (long)ts.tv_nsec };
		} else {
			struct k_timespec32 ts;
			if (copyin((const struct k_timespec32 __user *)u + i, &ts, sizeof(ts)))
				return -EFAULT;
			t[i] = (struct utime_req){ ts.tv_sec, ts.tv_nsec };
		}
		if (utime_sets(&t[i]) && (t[i].nsec < 0 || t[i].nsec >= 1000000000l))
			return -EINVAL;
	}
	return 0;
}

/* Takes over the reference to inode; times NULL is both now. As Linux:
 * setting a time other than now needs the owner (EPERM), setting now the
 * owner or write permission (EACCES); root may do both. ctime becomes now. */
static long set_times(struct inode *inode, const struct utime_req *times)
{
	long err = 0;
	if (!is_owner_or_root(inode))
		err = times && (utime_sets(&times[0]) || utime_sets(&times[1])) ? -EPERM :
		      vfs_permission(inode, MAY_WRITE);
	if (!err) {
		int64_t now = realtime_seconds();
		int64_t *field[2] = { &inode->i_atime, &inode->i_mtime };
		for (int i = 0; i < 2; i++)
			if (!times || times[i].nsec != UTIME_OMIT)
				*field[i] = times && utime_sets(&times[i]) ? times[i].sec : now;
		inode->i_ctime = now;
	}
	iput(inode);
	return err;
}

/* Linux's do_utimes: times NULL is now; a NULL path with a dirfd is futimens on that fd. */
static long do_utimes(int dirfd, const char __user *path, const struct utime_req *t, int flags)
{
	if (t && t[0].nsec == UTIME_OMIT && t[1].nsec == UTIME_OMIT)
		return 0;                       /* nothing to do: not even the lookup */
	if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	struct inode *inode;
	long err;
	if (!path && dirfd != AT_FDCWD)
		err = flags ? -EINVAL : fd_inode(dirfd, &inode);
	else
		err = user_path_at(dirfd, path, flags, &inode);
	return err ? err : set_times(inode, t);
}

static long do_utimensat(int dirfd, const char __user *path, const void __user *utimes, int flags,
			 bool wide)
{
	struct utime_req t[2];
	long err = utimes ? copyin_utimes(utimes, wide, t) : 0;
	return err ? err : do_utimes(dirfd, path, utimes ? t : NULL, flags);
}

/* utimes and futimesat: microseconds, EINVAL out of range. */
static long do_futimesat(int dirfd, const char __user *path, const struct k_timeval __user *utimes)
{
	struct k_timeval tv[2];
	struct utime_req t[2];
	if (utimes) {
		if (copyin(utimes, tv, sizeof tv))
			return -EFAULT;
		for (int i = 0; i < 2; i++) {
			if (tv[i].tv_usec < 0 || tv[i].tv_usec >= 1000000)
				return -EINVAL;
			t[i] = (struct utime_req){ tv[i].tv_sec, tv[i].tv_usec * 1000 };
		}
	}
	return do_utimes(dirfd, path, utimes ? t : NULL, 0);
}

SYSCALL_DEFINE2(utimes, const char __user *, path, const struct k_timeval __user *, utimes)
{
	return do_futimesat(AT_FDCWD, path, utimes);
}

SYSCALL_DEFINE3(futimesat, int, dirfd, const char __user *, path, const struct k_timeval __user *, utimes)
{
	return do_futimesat(dirfd, path, utimes);
}

/* utime: struct utimbuf, two whole seconds. */
SYSCALL_DEFINE2(utime, const char __user *, path, const int32_t __user *, ubuf)
{
	int32_t b[2];
	struct utime_req t[2];
	if (ubuf) {
		if (copyin(ubuf, b, sizeof b))
			return -EFAULT;
		t[0] = (struct utime_req){ b[0], 0 };
		t[1] = (struct utime_req){ b[1], 0 };
	}
	return do_utimes(AT_FDCWD, path, ubuf ? t : NULL, 0);
}

SYSCALL_DEFINE4(utimensat, int, dirfd, const char __user *, path, const struct k_timespec32 __user *, utimes,
		int, flags)
{
	return do_utimensat(dirfd, path, utimes, flags, false);
}

SYSCALL_DEFINE4(utimensat_time64, int, dirfd, const char __user *, path,
		const struct k_timespec64 __user *, utimes, int, flags)
{
	return do_utimensat(dirfd, path, utimes, flags, true);
}

/* Takes over the reference to inode. The checks go in Linux's order: the
 * type, then (for a path) write permission. */
static long do_truncate(struct inode *inode, loff_t length, bool check_perm)
{
	long err = 0;
	if (S_ISDIR(inode->i_mode))
		err = -EISDIR;
	else if (!S_ISREG(inode->i_mode) || length < 0 || !inode->i_op->truncate)
		err = -EINVAL;
	else if (check_perm)
		err = vfs_permission(inode, MAY_WRITE);
	if (!err && inode->i_writecount < 0)
		err = -ETXTBSY;                 /* a running program's file */
	if (!err)
		err = inode_newsize_ok(inode, length);
	if (!err)
		err = break_lease(inode, O_WRONLY);
	if (!err)
		err = inode->i_op->truncate(inode, length);
	iput(inode);
	return err;
}

static long truncate_path(const char __user *path, loff_t length)
{
	struct inode *inode;
	long err = user_path_at(AT_FDCWD, path, 0, &inode);
	return err ? err : do_truncate(inode, length, true);
}

static long truncate_fd(int fd, loff_t length)
{
	struct file *f = fget(fd);
	if (!f)
		return -EBADF;
	struct inode *inode = file_writable(f) ? iget(f->f_inode) : NULL;
	fput(f);
	return inode ? do_truncate(inode, length, false) : -EINVAL;
}

static loff_t join64(uint32_t lo, uint32_t hi)
{
	return (loff_t)((uint64_t)hi << 32 | lo);
}

SYSCALL_DEFINE2(truncate, const char __user *, path, long, length)
{
	return truncate_path(path, length);
}

SYSCALL_DEFINE3(truncate64, const char __user *, path, uint32_t, lo, uint32_t, hi)
{
	return truncate_path(path, join64(lo, hi));
}

SYSCALL_DEFINE2(ftruncate, int, fd, long, length)
{
	return truncate_fd(fd, length);
}

SYSCALL_DEFINE3(ftruncate64, int, fd, uint32_t, lo, uint32_t, hi)
{
	return truncate_fd(fd, join64(lo, hi));
}
