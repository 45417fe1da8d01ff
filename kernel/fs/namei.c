/* namei.c: path names: the walk from the root or a starting directory
 * through ".", "..", and link-like entries (followed through their readlink
 * method), permission checks by uid/gid/mode with root's bypass, splitting a
 * path into its directory and last name, an inode's absolute path (getcwd,
 * /proc/PID/exe), and user path names. */
#include "kernel.h"
#include "fs/fdtable.h"
#include "mm/kmalloc.h"
#include "fs/mounts.h"
#include "fs/namei.h"
#include "proc.h"
#include "fs/ramfs.h"
#include "uapi/errno.h"
#include "uapi/fcntl.h"
#include "uapi/mount.h"
#include "uapi/stat.h"

/* As Linux: links nested at most 8 deep. */
#define MAX_NESTED_LINKS 8

/* Boot code and in-kernel tests run without a process: they act as root at "/". */
uint32_t current_fsuid(void)
{
	return current ? current->fsuid : 0;
}

uint32_t current_fsgid(void)
{
	return current ? current->fsgid : 0;
}

static struct inode *cur_cwd(void)
{
	return current && current->fs && current->fs->cwd ? current->fs->cwd : vfs_root();
}

int vfs_permission_ids(struct inode *inode, int mask, uint32_t uid, uint32_t gid)
{
	umode_t mode = inode->i_mode;
	/* The mount's word first, as Linux's sb_permission (and path_noexec for exec and access). */
	if ((mask & MAY_WRITE) && (S_ISREG(mode) || S_ISDIR(mode) || S_ISLNK(mode)) && (vfs_mount_flags(inode) & MS_RDONLY))
		return -EROFS;
	if ((mask & MAY_EXEC) && S_ISREG(mode) && (vfs_mount_flags(inode) & MS_NOEXEC))
		return -EACCES;
	if (uid == 0) {
		/* Root may execute only what someone may execute; everything else is allowed. */
		if (!(mask & MAY_EXEC) || S_ISDIR(mode) || (mode & 0111))
			return 0;
		return -EACCES;
	}
	if (uid == inode->i_uid)
		mode >>= 6;
	else if (gid == inode->i_gid || in_supplementary_groups(inode->i_gid))
		mode >>= 3;
	return ((int)mode & mask) == mask ? 0 : -EACCES;
}

int vfs_permission(struct inode *inode, int mask)
{
	return vfs_permission_ids(inode, mask, current_fsuid(), current_fsgid());
}

static bool is_dot(const char *name, size_t len)
{
	return (len == 1 && name[0] == '.') || (len == 2 && name[0] == '.' && name[1] == '.');
}

/* A removed directory has no parent and no entries. */
bool vfs_dir_removed(const struct inode *dir)
{
	return dir != vfs_root() && !dir->i_parent;
}

/* One component: a new reference to name in dir. */
int vfs_lookup_one(struct inode *dir, const char *name, size_t len, struct inode **res)
{
	if (!S_ISDIR(dir->i_mode))
		return -ENOTDIR;
	int err = vfs_permission(dir, MAY_EXEC);
	if (err)
		return err;
	if (len > NAME_MAX)
		return -ENAMETOOLONG;
	if (len == 1 && name[0] == '.') {
		*res = iget(dir);
		return 0;
	}
	if (vfs_dir_removed(dir))
		return -ENOENT;
	if (len == 2 && name[0] == '.' && name[1] == '.') {
		*res = iget(dir == vfs_root() ? vfs_root() : dir->i_parent);
		return 0;
	}
	if (!dir->i_op || !dir->i_op->lookup)
		return -ENOENT;
	return dir->i_op->lookup(dir, name, len, res);
}

/* walk's flags, Linux's names: follow a link in the last component; do not
 * cross a bind mount there (umount and mount want the mount point itself). */
#define LOOKUP_FOLLOW     1
#define LOOKUP_MOUNTPOINT 2

static int walk(struct inode *start, const char *path, size_t plen, unsigned flags, int depth,
		struct inode **res);

int vfs_link_target(struct inode *link, int depth, char **res)
{
	if (depth >= MAX_NESTED_LINKS)
		return -ELOOP;
	char *buf = kmalloc(PATH_MAX);
	if (!buf)
		return -ENOMEM;
	int n = link->i_op->readlink(link, buf, PATH_MAX - 1);
	if (n <= 0) {
		kfree(buf);
		return n < 0 ? n : -ENOENT;
	}
	buf[n] = '\0';
	*res = buf;
	return n;
}

/* Resolves the link found in dir: its target is relative to dir. */
int vfs_follow_link(struct inode *dir, struct inode *link, int depth, struct inode **res)
{
	if (link->i_op->get_link)
		return depth >= MAX_NESTED_LINKS ? -ELOOP : link->i_op->get_link(link, res);
	char *target;
	int n = vfs_link_target(link, depth, &target);
	if (n < 0)
		return n;
	int err = walk(dir, target, (size_t)n, LOOKUP_FOLLOW, depth + 1, res);
	kfree(target);
	return err;
}

bool vfs_is_link(const struct inode *inode)
{
	return S_ISLNK(inode->i_mode) && inode->i_op && inode->i_op->readlink;
}

/* Walks plen bytes of path from start (or the root for an absolute path).
 * Links are followed everywhere but in the last component unless
 * LOOKUP_FOLLOW; bind mounts everywhere but there if LOOKUP_MOUNTPOINT. */
static int walk(struct inode *start, const char *path, size_t plen, unsigned flags, int depth,
		struct inode **res)
{
	struct inode *cur = iget(plen && path[0] == '/' ? vfs_root() : start);
	size_t i = 0;
	for (;;) {
		while (i < plen && path[i] == '/')
			i++;
		if (i == plen)
			break;
		const char *name = path + i;
		size_t len = 0;
		while (i < plen && path[i] != '/')
			i++, len++;
		size_t rest = i;
		while (rest < plen && path[rest] == '/')
			rest++;
		bool last = rest == plen;
		bool must_dir = last && rest != i;
		struct inode *next;
		int err = vfs_lookup_one(cur, name, len, &next);
		if (!err && (!last || !(flags & LOOKUP_MOUNTPOINT)))
			next = mount_follow(next);
		if (!err && vfs_is_link(next) && (!last || (flags & LOOKUP_FOLLOW) || must_dir)) {
			struct inode *target = NULL;
			err = vfs_follow_link(cur, next, depth, &target);
			iput(next);
			next = target;
		}
		if (!err && must_dir && !S_ISDIR(next->i_mode)) {
			iput(next);
			err = -ENOTDIR;
		}
		iput(cur);
		if (err)
			return err;
		cur = next;
	}
	*res = cur;
	return 0;
}

int vfs_start_dir(int dirfd, struct inode **res)
{
	if (dirfd == AT_FDCWD) {
		*res = cur_cwd();
		return 0;
	}
	/* Borrowed from the open file, as cur_cwd() is from the process: no
	 * lookup of a path walk sleeps, so the raw lookup's rule holds. */
	struct file *f = files_lookup_fd_raw(current->files, dirfd);
	if (!f)
		return -EBADF;
	if (!f->f_inode || !S_ISDIR(f->f_inode->i_mode))
		return -ENOTDIR;
	*res = f->f_inode;
	return 0;
}

int vfs_lookup_at(int dirfd, const char *path, bool follow, struct inode **res)
{
	if (!*path)
		return -ENOENT;
	struct inode *start = vfs_root();
	if (path[0] != '/') {
		int err = vfs_start_dir(dirfd, &start);
		if (err)
			return err;
	}
	return walk(start, path, strlen(path), follow ? LOOKUP_FOLLOW : 0, 0, res);
}

int user_path_mountpoint(const char __user *upath, bool follow, struct inode **res)
{
	char *path;
	int err = getname(upath, &path);
	if (err < 0)
		return err;
	struct inode *start = vfs_root();
	if (!*path)
		err = -ENOENT;
	else if (path[0] == '/' || !(err = vfs_start_dir(AT_FDCWD, &start)))
		err = walk(start, path, strlen(path), LOOKUP_MOUNTPOINT | (follow ? LOOKUP_FOLLOW : 0), 0, res);
	putname(path);
	return err;
}

int vfs_lookup(const char *path, struct inode **res)
{
	return vfs_lookup_at(AT_FDCWD, path, true, res);
}

int vfs_lookup_parent(int dirfd, const char *path, struct nameidata *nd)
{
	struct inode *base = vfs_root();
	if (*path && path[0] != '/') {
		int err = vfs_start_dir(dirfd, &base);
		if (err)
			return err;
	}
	return vfs_lookup_parent_in(base, path, nd);
}

int vfs_lookup_parent_in(struct inode *base, const char *path, struct nameidata *nd)
{
	size_t end = strlen(path);
	if (end == 0)
		return -ENOENT;
	while (end > 0 && path[end - 1] == '/')
		end--;
	nd->trailing_slash = end < strlen(path);
	nd->is_root = end == 0;
	if (end == 0) {         /* "/", "//": the root itself */
		nd->dir = iget(vfs_root());
		nd->name = ".";
		nd->len = 1;
		return 0;
	}
	size_t start = end;
	while (start > 0 && path[start - 1] != '/')
		start--;
	nd->name = path + start;
	nd->len = end - start;
	if (nd->len > NAME_MAX)
		return -ENAMETOOLONG;
	int err = walk(base, path, start, LOOKUP_FOLLOW, 0, &nd->dir);
	if (err)
		return err;
	if (!S_ISDIR(nd->dir->i_mode)) {
		iput(nd->dir);
		return -ENOTDIR;
	}
	return 0;
}

void nameidata_put(struct nameidata *nd)
{
	iput(nd->dir);
}

bool nameidata_is_dot(const struct nameidata *nd)
{
	return is_dot(nd->name, nd->len);
}

int vfs_path_of(struct inode *inode, char *buf, size_t size)
{
	if (size == 0)
		return -ERANGE;
	char *p = buf + size;
	*--p = '\0';
	for (struct inode *in = inode; in != vfs_root(); in = in->i_parent) {
		if (!in->i_parent)
			return -ENOENT;
		size_t len = strlen(in->i_name);
		if ((size_t)(p - buf) < len + 1)
			return -ERANGE;
		p -= len;
		memcpy(p, in->i_name, len);
		*--p = '/';
	}
	if (!*p) {
		if (p == buf)
			return -ERANGE;
		*--p = '/';
	}
	size_t n = (size_t)(buf + size - p);
	memmove(buf, p, n);
	return (int)n;
}

int vfs_getcwd(char *buf, size_t size)
{
	return vfs_path_of(cur_cwd(), buf, size);
}

int getname(const char __user *upath, char **res)
{
	char *buf = kmalloc(PATH_MAX);
	if (!buf)
		return -ENOMEM;
	long n = strncpy_from_user(buf, upath, PATH_MAX);
	if (n < 0) {
		kfree(buf);
		return (int)n;
	}
	*res = buf;
	return (int)n;
}

void putname(char *name)
{
	kfree(name);
}

int user_path_at(int dirfd, const char __user *upath, int flags, struct inode **res)
{
	char *path;
	int err = getname(upath, &path);
	if (err < 0)
		return err;
	if (!*path && (flags & AT_EMPTY_PATH)) {
		/* The file dirfd is open on, whatever its type. */
		struct inode *inode;
		if (dirfd == AT_FDCWD) {
			inode = cur_cwd();
		} else {
			struct file *f = files_lookup_fd_raw(current->files, dirfd);
			inode = f ? f->f_inode : NULL;
			err = !f ? -EBADF : !inode ? -ENOENT : 0;
		}
		if (inode && !err)
			*res = iget(inode);
	} else {
		err = vfs_lookup_at(dirfd, path, !(flags & AT_SYMLINK_NOFOLLOW), res);
	}
	putname(path);
	return err;
}
