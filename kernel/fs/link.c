/* link.c: link and linkat: a new name for an existing file, with Linux's
 * checks in Linux's order (do_linkat, vfs_link): the new name must be free
 * (EEXIST), on the same file system (EXDEV), in a directory the caller may
 * write (EACCES), of a file system that has hard links and not for a
 * directory (EPERM). */
#include "kernel.h"
#include "fs/namei.h"
#include "fs/mounts.h"
#include "proc.h"
#include "syscall.h"
#include "uapi/errno.h"
#include "uapi/fcntl.h"
#include "uapi/stat.h"

static int vfs_link(struct inode *inode, struct nameidata *nd)
{
	struct inode *dir = nd->dir;
	int err = vfs_name_free(nd);
	if (err)
		return err;
	if (nd->trailing_slash)
		return -ENOENT;
	if (!vfs_same_mount(inode, dir))
		return -EXDEV;
	if ((err = vfs_permission(dir, MAY_WRITE | MAY_EXEC)))
		return err;
	if (!dir->i_op->link || S_ISDIR(inode->i_mode))
		return -EPERM;
	if (inode->i_nlink == 0 && !inode->i_linkable)  /* unlinked but still open */
		return -ENOENT;
	/* An O_TMPFILE file gets its names as entries (ramfs_link) and keeps
	 * "#INO" as its own, which is what its descriptors show, as Linux. */
	err = dir->i_op->link(inode, dir, nd->name, nd->len);
	if (!err)
		inode->i_linkable = false;
	return err;
}

static long do_linkat(int olddirfd, const char __user *oldpath, int newdirfd, const char __user *newpath,
		      int flags)
{
	if (flags & ~(AT_SYMLINK_FOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	/* Linux's rule: naming a file by its descriptor alone takes CAP_DAC_READ_SEARCH. */
	if ((flags & AT_EMPTY_PATH) && current->euid != 0)
		return -ENOENT;
	struct inode *inode;
	int lookup_flags = (flags & AT_EMPTY_PATH) | (flags & AT_SYMLINK_FOLLOW ? 0 : AT_SYMLINK_NOFOLLOW);
	int err = user_path_at(olddirfd, oldpath, lookup_flags, &inode);
	if (err)
		return err;
	char *path;
	err = getname(newpath, &path);
	if (err >= 0) {
		struct nameidata nd;
		err = vfs_lookup_parent(newdirfd, path, &nd);
		if (!err) {
			err = vfs_link(inode, &nd);
			nameidata_put(&nd);
		}
		putname(path);
	}
	iput(inode);
	return err;
}

SYSCALL_DEFINE2(link, const char __user *, oldpath, const char __user *, newpath)
{
	return do_linkat(AT_FDCWD, oldpath, AT_FDCWD, newpath, 0);
}

SYSCALL_DEFINE5(linkat, int, olddirfd, const char __user *, oldpath, int, newdirfd,
		const char __user *, newpath, int, flags)
{
	return do_linkat(olddirfd, oldpath, newdirfd, newpath, flags);
}
