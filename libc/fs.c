/* fs.c: file system calls: the stat family (stat64 converted to struct stat), directories,
 * links, permissions, cwd, mknod, rename/remove. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include "sysdep.h"

static int from_stat64(const struct stat64 *k, struct stat *st)
{
	st->st_dev = k->st_dev;
	st->st_ino = (ino_t)k->st_ino;
	st->st_mode = k->st_mode;
	st->st_nlink = k->st_nlink;
	st->st_uid = k->st_uid;
	st->st_gid = k->st_gid;
	st->st_rdev = k->st_rdev;
	st->st_size = (off_t)k->st_size;
	st->st_blksize = (blksize_t)k->st_blksize;
	st->st_blocks = (blkcnt_t)k->st_blocks;
	st->st_atim.tv_sec = (time_t)k->st_atime_sec;
	st->st_atim.tv_nsec = (long)k->st_atime_nsec;
	st->st_mtim.tv_sec = (time_t)k->st_mtime_sec;
	st->st_mtim.tv_nsec = (long)k->st_mtime_nsec;
	st->st_ctim.tv_sec = (time_t)k->st_ctime_sec;
	st->st_ctim.tv_nsec = (long)k->st_ctime_nsec;
	/* As glibc does: a size or inode our 32-bit types cannot hold is an error, not a lie. */
	if (st->st_size != k->st_size || st->st_ino != k->st_ino) {
		errno = EOVERFLOW;
		return -1;
	}
	return 0;
}

#define STAT_VIA(call, st)						\
	do {								\
		struct stat64 k;					\
		if (__sysret call < 0)					\
			return -1;					\
		return from_stat64(&k, (st));				\
	} while (0)

int stat(const char *path, struct stat *st) { STAT_VIA((__NR_stat64, path, &k), st); }
int lstat(const char *path, struct stat *st) { STAT_VIA((__NR_lstat64, path, &k), st); }
int fstat(int fd, struct stat *st) { STAT_VIA((__NR_fstat64, fd, &k), st); }
int fstatat(int dirfd, const char *path, struct stat *st, int flags)
{
	STAT_VIA((__NR_fstatat64, dirfd, path, &k, flags), st);
}

int mkdir(const char *path, mode_t mode) { return (int)__sysret(__NR_mkdir, path, mode); }
int mkdirat(int dirfd, const char *path, mode_t mode) { return (int)__sysret(__NR_mkdirat, dirfd, path, mode); }
int rmdir(const char *path) { return (int)__sysret(__NR_rmdir, path); }
int unlink(const char *path) { return (int)__sysret(__NR_unlink, path); }
int unlinkat(int dirfd, const char *path, int flags) { return (int)__sysret(__NR_unlinkat, dirfd, path, flags); }
int link(const char *from, const char *to) { return (int)__sysret(__NR_link, from, to); }
int linkat(int olddirfd, const char *from, int newdirfd, const char *to, int flags)
{
	return (int)__sysret(__NR_linkat, olddirfd, from, newdirfd, to, flags);
}
int symlink(const char *target, const char *path) { return (int)__sysret(__NR_symlink, target, path); }
ssize_t readlink(const char *path, char *buf, size_t size) { return __sysret(__NR_readlink, path, buf, size); }
int rename(const char *from, const char *to) { return (int)__sysret(__NR_rename, from, to); }
int chdir(const char *path) { return (int)__sysret(__NR_chdir, path); }
int fchdir(int fd) { return (int)__sysret(__NR_fchdir, fd); }
int access(const char *path, int mode) { return (int)__sysret(__NR_access, path, mode); }
int faccessat(int dirfd, const char *path, int mode, int flags)
{
	/* faccessat2 is the only form that takes flags; the older call is more widely implemented. */
	return (int)__sysret(flags ? __NR_faccessat2 : __NR_faccessat, dirfd, path, mode, flags);
}
int chmod(const char *path, mode_t mode) { return (int)__sysret(__NR_chmod, path, mode); }
int fchmod(int fd, mode_t mode) { return (int)__sysret(__NR_fchmod, fd, mode); }
int chown(const char *path, uid_t uid, gid_t gid) { return (int)__sysret(__NR_chown32, path, uid, gid); }
int fchown(int fd, uid_t uid, gid_t gid) { return (int)__sysret(__NR_fchown32, fd, uid, gid); }
int lchown(const char *path, uid_t uid, gid_t gid) { return (int)__sysret(__NR_lchown32, path, uid, gid); }
mode_t umask(mode_t mask) { return (mode_t)__syscall(__NR_umask, mask); }

/* mknod's dev argument is the kernel's 32-bit encoding, which is what makedev() produces. */
int mknod(const char *path, mode_t mode, dev_t dev)
{
	return (int)__sysret(__NR_mknod, path, mode, (unsigned int)dev);
}

int mkfifo(const char *path, mode_t mode)
{
	return mknod(path, (mode & ~S_IFMT) | S_IFIFO, 0);
}

/* The kernel returns the length including the NUL; POSIX wants buf back. */
char *getcwd(char *buf, size_t size)
{
	return __sysret(__NR_getcwd, buf, size) < 0 ? NULL : buf;
}

int remove(const char *path)
{
	if (unlink(path) == 0)
		return 0;
	if (errno != EISDIR)
		return -1;
	return rmdir(path);
}
int flock(int fd, int operation) { return (int)__sysret(__NR_flock, fd, operation); }
