/* fs_rename.c: rename, renameat and renameat2 (without flags): the checks
 * Linux makes before a name moves (types of the old and the replaced file,
 * an empty directory to replace, no directory into its own subtree, write
 * permission and the sticky bit on both sides, one filesystem), then the
 * directory's rename method. */
#include "kernel.h"
#include "fs/mounts.h"
#include "fs/namei.h"
#include "syscall.h"
#include "uapi/errno.h"
#include "uapi/fcntl.h"
#include "uapi/stat.h"

static bool is_ancestor(const struct inode *a, const struct inode *d)
{
	for (; d; d = d->i_parent)
		if (d == a)
			return true;
	return false;
}

/* Whether old may take victim's place (victim NULL: the new name is free). */
static int may_replace(struct inode *old, struct inode *victim)
{
	if (!victim)
		return 0;
	if (S_ISDIR(old->i_mode) && !S_ISDIR(victim->i_mode))
		return -ENOTDIR;
	if (!S_ISDIR(old->i_mode) && S_ISDIR(victim->i_mode))
		return -EISDIR;
	if (S_ISDIR(victim->i_mode) && !list_empty(&victim->i_children))
		return -ENOTEMPTY;
	return 0;
}

static int may_rename(struct nameidata *o, struct nameidata *n, struct inode *old, struct inode *victim)
{
	bool isdir = S_ISDIR(old->i_mode);
	int err = may_replace(old, victim);
	if (err)
		return err;
	if (!o->dir->i_op->rename)
		return -EPERM;
	if (o->dir->i_op != n->dir->i_op || !vfs_same_mount(o->dir, n->dir))
		return -EXDEV;
	if (mount_is_root(old) || (victim && mount_is_root(victim)))
		return -EBUSY;
	if (isdir && is_ancestor(old, n->dir))
		return -EINVAL;
	err = vfs_may_delete(o->dir, old);
	if (err)
		return err;
	err = victim ? vfs_may_delete(n->dir, victim) : vfs_permission(n->dir, MAY_WRITE | MAY_EXEC);
	if (err)
		return err;
	/* A directory changing parent rewrites its "..". */
	return isdir && o->dir != n->dir ? vfs_permission(old, MAY_WRITE) : 0;
}

static int vfs_rename(struct nameidata *o, struct nameidata *n)
{
	if (nameidata_is_dot(o) || nameidata_is_dot(n))
		return -EBUSY;
	struct inode *old, *victim = NULL;
	int err = vfs_lookup_one(o->dir, o->name, o->len, &old);
	if (err)
		return err;
	err = vfs_lookup_one(n->dir, n->name, n->len, &victim);
	if (err == -ENOENT && !vfs_dir_removed(n->dir))
		err = 0;
	if (!err && (o->trailing_slash || n->trailing_slash) && !S_ISDIR(old->i_mode))
		err = -ENOTDIR;
	/* The same file under both names: nothing to do. */
	if (!err && victim != old) {
		err = may_rename(o, n, old, victim);
		if (!err)
			err = o->dir->i_op->rename(o->dir, o->name, o->len, n->dir, n->name, n->len);
	}
	iput(old);
	if (victim)
		iput(victim);
	return err;
}

int vfs_rename_at(int olddirfd, const char *oldpath, int newdirfd, const char *newpath)
{
	struct nameidata o, n;
	int err = vfs_lookup_parent(olddirfd, oldpath, &o);
	if (err)
		return err;
	err = vfs_lookup_parent(newdirfd, newpath, &n);
	if (!err) {
		err = vfs_rename(&o, &n);
		nameidata_put(&n);
	}
	nameidata_put(&o);
	return err;
}

static long do_rename(int olddirfd, const char __user *uold, int newdirfd, const char __user *unew)
{
	char *oldpath, *newpath;
	int err = getname(uold, &oldpath);
	if (err < 0)
		return err;
	err = getname(unew, &newpath);
	if (err >= 0) {
		err = vfs_rename_at(olddirfd, oldpath, newdirfd, newpath);
		putname(newpath);
	}
	putname(oldpath);
	return err;
}

SYSCALL_DEFINE2(rename, const char __user *, oldpath, const char __user *, newpath)
{
	return do_rename(AT_FDCWD, oldpath, AT_FDCWD, newpath);
}

SYSCALL_DEFINE4(renameat, int, olddirfd, const char __user *, oldpath, int, newdirfd,
		const char __user *, newpath)
{
	return do_rename(olddirfd, oldpath, newdirfd, newpath);
}

/* RENAME_NOREPLACE and RENAME_EXCHANGE are not supported. */
SYSCALL_DEFINE5(renameat2, int, olddirfd, const char __user *, oldpath, int, newdirfd,
		const char __user *, newpath, unsigned int, flags)
{
	return flags ? -EINVAL : do_rename(olddirfd, oldpath, newdirfd, newpath);
}
