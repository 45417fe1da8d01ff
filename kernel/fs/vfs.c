/* vfs.c: the filesystem operations on names: creating and removing them
 * (with the sticky-bit rule), open with its flags and checks, the kernel's
 * own mknod and unlink, and building the tree at boot. Path walking is in
 * namei.c. */
#include "kernel.h"
#include "fs/leases.h"
#include "fs/mounts.h"
#include "fs/namei.h"
#include "fs/procfs.h"
#include "fs/ramfs.h"
#include "fs/sysfs.h"
#include "uapi/errno.h"
#include "uapi/fcntl.h"
#include "uapi/stat.h"

static struct inode *root;

struct inode *vfs_root(void)
{
	return root;
}

int vfs_name_free(struct nameidata *nd)
{
	struct inode *old;
	if (nameidata_is_dot(nd))
		return -EEXIST;
	int err = vfs_lookup_one(nd->dir, nd->name, nd->len, &old);
	if (!err) {
		iput(old);
		return -EEXIST;
	}
	if (err != -ENOENT)
		return err;
	return vfs_dir_removed(nd->dir) ? -ENOENT : 0;
}

int vfs_create(struct nameidata *nd, umode_t mode, dev_t rdev, bool check_perm, struct inode **res)
{
	struct inode *dir = nd->dir;
	int err = vfs_name_free(nd);
	if (err)
		return err;
	if (check_perm && (err = vfs_permission(dir, MAY_WRITE | MAY_EXEC)))
		return err;
	if (!dir->i_op->create)
		return -EPERM;
	struct inode *inode;
	err = dir->i_op->create(dir, nd->name, nd->len, mode, rdev, &inode);
	if (err)
		return err;
	inode->i_uid = current_fsuid();
	inode->i_gid = current_fsgid();
	if (res)
		*res = inode;
	else
		iput(inode);
	return 0;
}

int vfs_may_delete(struct inode *dir, struct inode *victim)
{
	int err = vfs_permission(dir, MAY_WRITE | MAY_EXEC);
	if (err)
		return err;
	/* The sticky bit (/tmp): only the owner of the file or of the directory removes it. */
	uint32_t uid = current_fsuid();
	if ((dir->i_mode & S_ISVTX) && uid != 0 && uid != dir->i_uid && uid != victim->i_uid)
		return -EPERM;
	return 0;
}

int vfs_remove(struct nameidata *nd, bool dir, bool check_perm)
{
	if (nameidata_is_dot(nd))
		return !dir ? -EISDIR : nd->is_root ? -EBUSY : nd->len == 1 ? -EINVAL : -ENOTEMPTY;
	struct inode *victim;
	int err = vfs_lookup_one(nd->dir, nd->name, nd->len, &victim);
	if (err)
		return err;
	if (!dir && (S_ISDIR(victim->i_mode) || nd->trailing_slash))
		err = S_ISDIR(victim->i_mode) ? -EISDIR : -ENOTDIR;
	else if (dir && !S_ISDIR(victim->i_mode))
		err = -ENOTDIR;
	else if (mount_is_root(victim))
		err = -EBUSY;
	else if (check_perm)
		err = vfs_may_delete(nd->dir, victim);
	iput(victim);
	if (err)
		return err;
	int (*op)(struct inode *, const char *, size_t) =
		dir ? nd->dir->i_op->rmdir : nd->dir->i_op->unlink;
	return op ? op(nd->dir, nd->name, nd->len) : -EPERM;
}

/* The O_CREAT half of open: an existing file or a new one. A link in the last
 * component is followed unless O_NOFOLLOW, and a dangling one creates its
 * target, as on Linux; depth counts the links followed so far. */
static int open_create(struct inode *base, const char *path, int flags, umode_t mode, int depth,
		       struct inode **res, bool *created)
{
	struct nameidata nd;
	int err = vfs_lookup_parent_in(base, path, &nd);
	if (err)
		return err;
	struct inode *inode;
	if (nd.trailing_slash || nameidata_is_dot(&nd))
		err = -EISDIR;
	else if ((err = vfs_lookup_one(nd.dir, nd.name, nd.len, &inode)) == 0) {
		inode = mount_follow(inode);
		if (flags & O_EXCL)
			err = -EEXIST;
		else if (vfs_is_link(inode) && !(flags & O_NOFOLLOW) && inode->i_op->get_link) {
			struct inode *link = inode;
			err = inode->i_op->get_link(link, &inode);
			iput(link);
			nameidata_put(&nd);
			if (!err)
				*res = inode;
			return err;
		} else if (vfs_is_link(inode) && !(flags & O_NOFOLLOW)) {
			char *target;
			err = vfs_link_target(inode, depth, &target);
			iput(inode);
			if (err >= 0) {
				err = open_create(nd.dir, target, flags, mode, depth + 1, res, created);
				putname(target);
			}
			nameidata_put(&nd);
			return err;
		}
		if (err)
			iput(inode);
	} else if (err == -ENOENT) {
		err = vfs_create(&nd, S_IFREG | (mode & 07777), 0, true, &inode);
		*created = !err;
	}
	nameidata_put(&nd);
	if (!err)
		*res = inode;
	return err;
}

/* The checks open does on the inode it found, then O_TRUNC. */
static int may_open(struct inode *inode, int flags, bool created)
{
	umode_t mode = inode->i_mode;
	int acc = flags & O_ACCMODE;
	int mask = (acc == O_WRONLY ? MAY_WRITE : acc == O_RDWR ? MAY_READ | MAY_WRITE :
		    acc == O_RDONLY ? MAY_READ : MAY_READ | MAY_WRITE);
	if (flags & O_TRUNC)
		mask |= MAY_WRITE;
	if (S_ISLNK(mode))
		return -ELOOP;
	if ((flags & O_DIRECTORY) && !S_ISDIR(mode))
		return -ENOTDIR;
	if (S_ISDIR(mode) && ((mask & MAY_WRITE) || (flags & O_CREAT)))
		return -EISDIR;
	if (!created) {
		int err = vfs_permission(inode, mask);
		if (err)
			return err;
	}
	/* Before O_TRUNC can cut a running program. */
	if (S_ISREG(mode) && (mask & MAY_WRITE) && inode->i_writecount < 0)
		return -ETXTBSY;
	if ((flags & O_TRUNC) && S_ISREG(mode) && inode->i_size && inode->i_op->truncate)
		return inode->i_op->truncate(inode, 0);
	return 0;
}

int vfs_open_inode(struct inode *inode, int flags, struct file **res)
{
	if (!inode->i_fop)
		return -ENXIO;
	bool writer = S_ISREG(inode->i_mode) && (flags & O_ACCMODE) != O_RDONLY;
	int err = S_ISREG(inode->i_mode) ? break_lease(inode, (unsigned)flags) : 0;
	if (err)
		return err;
	if (writer && get_write_access(inode))
		return -ETXTBSY;
	struct file *f = file_alloc(inode->i_fop, inode, (unsigned int)flags);
	if (!f) {
		if (writer)
			put_write_access(inode);
		return -ENOMEM;
	}
	f->f_writer = writer;
	f->f_reader = S_ISREG(inode->i_mode) && (flags & O_ACCMODE) == O_RDONLY;
	inode->i_readcount += f->f_reader;
	if (f->f_op->open) {
		err = f->f_op->open(inode, f);
		if (err) {
			f->f_op = NULL;         /* it never opened: no release */
			fput(f);
			return err;
		}
	}
	*res = f;
	return 0;
}

/* The file operations of an O_PATH file: none is ever reached, since fget
 * refuses the file to every call that would use them. */
static const struct file_operations path_fops;

/* O_PATH: the file at path, not opened (no permission to read it is needed,
 * no driver's open runs); with O_NOFOLLOW a link names itself. Linux keeps
 * only these flags of the rest. */
static int open_path(int dirfd, const char *path, int flags, struct file **res)
{
	flags &= O_PATH | O_DIRECTORY | O_NOFOLLOW;
	struct inode *inode;
	int err = vfs_lookup_at(dirfd, path, !(flags & O_NOFOLLOW), &inode);
	if (err)
		return err;
	if ((flags & O_DIRECTORY) && !S_ISDIR(inode->i_mode))
		err = -ENOTDIR;
	else if (!(*res = file_alloc(&path_fops, inode, (unsigned int)flags)))
		err = -ENOMEM;
	iput(inode);
	return err;
}

/* O_TMPFILE: an unnamed regular file in the directory at path, which
 * linkat can name unless O_EXCL (Linux's do_tmpfile and vfs_tmpfile). */
static int open_tmpfile(int dirfd, const char *path, int flags, umode_t mode, struct inode **res)
{
	if ((flags & (O_TMPFILE | O_CREAT)) != O_TMPFILE || (flags & O_ACCMODE) == O_RDONLY)
		return -EINVAL;
	struct inode *dir;
	int err = vfs_lookup_at(dirfd, path, true, &dir);
	if (err)
		return err;
	if (!S_ISDIR(dir->i_mode))
		err = -ENOTDIR;
	else if (!(err = vfs_permission(dir, MAY_WRITE | MAY_EXEC)))
		err = dir->i_op->tmpfile ? dir->i_op->tmpfile(dir, S_IFREG | (mode & 07777), res) : -EOPNOTSUPP;
	iput(dir);
	if (err)
		return err;
	(*res)->i_uid = current_fsuid();
	(*res)->i_gid = current_fsgid();
	(*res)->i_linkable = !(flags & O_EXCL);
	return 0;
}

int vfs_open_at(int dirfd, const char *path, int flags, umode_t mode, struct file **res)
{
	if (flags & O_PATH)
		return open_path(dirfd, path, flags, res);
	/* Linux 6.4 on: the pair once made a regular file and then failed. */
	if ((flags & (O_CREAT | O_DIRECTORY)) == (O_CREAT | O_DIRECTORY))
		return -EINVAL;
	struct inode *inode;
	bool created = false;
	int err;
	if (flags & __O_TMPFILE) {
		err = open_tmpfile(dirfd, path, flags, mode, &inode);
		created = true;
	} else if (flags & O_CREAT) {
		struct inode *base = vfs_root();
		err = *path && path[0] != '/' ? vfs_start_dir(dirfd, &base) : 0;
		if (!err)
			err = open_create(base, path, flags, mode, 0, &inode, &created);
	} else {
		err = vfs_lookup_at(dirfd, path, !(flags & O_NOFOLLOW), &inode);
	}
	if (err)
		return err;
	/* O_TMPFILE's O_DIRECTORY was for the directory; F_GETFL still shows both, as Linux. */
	err = may_open(inode, flags & __O_TMPFILE ? flags & ~O_TMPFILE : flags, created);
	if (!err)
		err = vfs_open_inode(inode, flags, res);
	iput(inode);
	return err;
}

int vfs_open(const char *path, int flags, umode_t mode, struct file **res)
{
	return vfs_open_at(AT_FDCWD, path, flags, mode, res);
}

int vfs_create_at(int dirfd, const char *path, umode_t mode, dev_t rdev, bool check_perm, struct inode **res)
{
	struct nameidata nd;
	int err = vfs_lookup_parent(dirfd, path, &nd);
	if (err)
		return err;
	struct inode *old;
	if (!nd.trailing_slash || S_ISDIR(mode))
		err = vfs_create(&nd, mode, rdev, check_perm, res);
	/* "name/" asks for a directory: a name that exists is still EEXIST. */
	else if ((err = vfs_lookup_one(nd.dir, nd.name, nd.len, &old)) == 0) {
		iput(old);
		err = -EEXIST;
	}
	nameidata_put(&nd);
	return err;
}

int vfs_remove_at(int dirfd, const char *path, bool dir, bool check_perm)
{
	struct nameidata nd;
	int err = vfs_lookup_parent(dirfd, path, &nd);
	if (err)
		return err;
	err = vfs_remove(&nd, dir, check_perm);
	nameidata_put(&nd);
	return err;
}

int vfs_mknod(const char *path, umode_t mode, dev_t dev, uint32_t uid, uint32_t gid)
{
	struct inode *inode;
	int err = vfs_create_at(AT_FDCWD, path, mode, dev, false, &inode);
	if (err)
		return err;
	inode->i_uid = uid;
	inode->i_gid = gid;
	iput(inode);
	return 0;
}

int vfs_unlink(const char *path)
{
	return vfs_remove_at(AT_FDCWD, path, false, false);
}

static void vfs_mkdir_boot(const char *name, umode_t mode)
{
	struct inode *dir = ramfs_new_inode(S_IFDIR | mode, 0, 0);
	if (!dir || ramfs_attach(root, dir, name, strlen(name)))
		panic("vfs: cannot make /%s", name);
	iput(dir);
}

void vfs_init(void)
{
	root = ramfs_new_inode(S_IFDIR | 0755, 0, 0);
	if (!root)
		panic("vfs: no memory for the root");
	root->i_nlink = 2;
	root->i_name = kstrdup("/");
	vfs_mkdir_boot("dev", 0755);
	vfs_mkdir_boot("tmp", 01777);
	procfs_init();
	sysfs_init();
}
