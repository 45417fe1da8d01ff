/* vfs.c: path names: the walk from the root or a starting directory through
 * ".", "..", and link-like entries (followed through their readlink method),
 * permission checks by uid/gid/mode with root's bypass, opening, creating and
 * removing names, getcwd, and building the tree at boot. */
#include "kernel.h"
#include "fdtable.h"
#include "kmalloc.h"
#include "namei.h"
#include "proc.h"
#include "procfs.h"
#include "ramfs.h"
#include "sysfs.h"
#include "uapi/errno.h"
#include "uapi/fcntl.h"
#include "uapi/stat.h"

/* As Linux: at most 40 links followed in one lookup, nested at most 8 deep. */
#define MAX_NESTED_LINKS 8

static struct inode *root;

struct inode *vfs_root(void)
{
	return root;
}

/* Boot code and in-kernel tests run without a process: they act as root at "/". */
static uint32_t cur_euid(void)
{
	return current ? current->euid : 0;
}

static uint32_t cur_egid(void)
{
	return current ? current->egid : 0;
}

static struct inode *cur_cwd(void)
{
	return current && current->cwd ? current->cwd : root;
}

int vfs_permission_ids(struct inode *inode, int mask, uint32_t uid, uint32_t gid)
{
	umode_t mode = inode->i_mode;
	if (uid == 0) {
		/* Root may execute only what someone may execute; everything else is allowed. */
		if (!(mask & MAY_EXEC) || S_ISDIR(mode) || (mode & 0111))
			return 0;
		return -EACCES;
	}
	if (uid == inode->i_uid)
		mode >>= 6;
	else if (gid == inode->i_gid)
		mode >>= 3;
	return ((int)mode & mask) == mask ? 0 : -EACCES;
}

int vfs_permission(struct inode *inode, int mask)
{
	return vfs_permission_ids(inode, mask, cur_euid(), cur_egid());
}

static bool is_dot(const char *name, size_t len)
{
	return (len == 1 && name[0] == '.') || (len == 2 && name[0] == '.' && name[1] == '.');
}

/* One component: a new reference to name in dir. */
static int step(struct inode *dir, const char *name, size_t len, struct inode **res)
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
	/* A removed directory has no parent and no entries. */
	if (dir != root && !dir->i_parent)
		return -ENOENT;
	if (len == 2 && name[0] == '.' && name[1] == '.') {
		*res = iget(dir == root ? root : dir->i_parent);
		return 0;
	}
	if (!dir->i_op || !dir->i_op->lookup)
		return -ENOENT;
	return dir->i_op->lookup(dir, name, len, res);
}

static int walk(struct inode *start, const char *path, size_t plen, bool follow, int depth,
		struct inode **res);

/* Resolves the link found in dir: its target is relative to dir. */
static int follow_link(struct inode *dir, struct inode *link, int depth, struct inode **res)
{
	if (depth >= MAX_NESTED_LINKS)
		return -ELOOP;
	char *buf = kmalloc(PATH_MAX);
	if (!buf)
		return -ENOMEM;
	int n = link->i_op->readlink(link, buf, PATH_MAX);
	int err = n < 0 ? n : n == 0 ? -ENOENT : walk(dir, buf, (size_t)n, true, depth + 1, res);
	kfree(buf);
	return err;
}

static bool is_link(const struct inode *inode)
{
	return S_ISLNK(inode->i_mode) && inode->i_op && inode->i_op->readlink;
}

/* Walks plen bytes of path from start (or the root for an absolute path).
 * Links are followed everywhere but in the last component unless follow. */
static int walk(struct inode *start, const char *path, size_t plen, bool follow, int depth,
		struct inode **res)
{
	struct inode *cur = iget(plen && path[0] == '/' ? root : start);
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
		int err = step(cur, name, len, &next);
		if (!err && is_link(next) && (!last || follow || must_dir)) {
			struct inode *target;
			err = follow_link(cur, next, depth, &target);
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
	struct file *f = fget(dirfd);
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
	struct inode *start = root;
	if (path[0] != '/') {
		int err = vfs_start_dir(dirfd, &start);
		if (err)
			return err;
	}
	return walk(start, path, strlen(path), follow, 0, res);
}

int vfs_lookup(const char *path, struct inode **res)
{
	return vfs_lookup_at(AT_FDCWD, path, true, res);
}

int vfs_lookup_parent(int dirfd, const char *path, struct nameidata *nd)
{
	size_t end = strlen(path);
	if (end == 0)
		return -ENOENT;
	while (end > 0 && path[end - 1] == '/')
		end--;
	nd->trailing_slash = end < strlen(path);
	if (end == 0) {         /* "/", "//": the root itself */
		nd->dir = iget(root);
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
	struct inode *base = root;
	if (path[0] != '/') {
		int err = vfs_start_dir(dirfd, &base);
		if (err)
			return err;
	}
	int err = walk(base, path, start, true, 0, &nd->dir);
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

int vfs_create(struct nameidata *nd, umode_t mode, dev_t rdev, bool check_perm, struct inode **res)
{
	struct inode *dir = nd->dir, *old;
	if (nameidata_is_dot(nd))
		return -EEXIST;
	int err = step(dir, nd->name, nd->len, &old);
	if (!err) {
		iput(old);
		return -EEXIST;
	}
	if (err != -ENOENT)
		return err;
	if (dir != root && !dir->i_parent)
		return -ENOENT;
	if (check_perm && (err = vfs_permission(dir, MAY_WRITE | MAY_EXEC)))
		return err;
	if (!dir->i_op->create)
		return -EPERM;
	struct inode *inode;
	err = dir->i_op->create(dir, nd->name, nd->len, mode, rdev, &inode);
	if (err)
		return err;
	inode->i_uid = cur_euid();
	inode->i_gid = cur_egid();
	if (res)
		*res = inode;
	else
		iput(inode);
	return 0;
}

/* The sticky bit (/tmp): only the owner of the file or of the directory removes it. */
static bool sticky_forbids(struct inode *dir, struct inode *victim)
{
	uint32_t uid = cur_euid();
	return (dir->i_mode & S_ISVTX) && uid != 0 && uid != dir->i_uid && uid != victim->i_uid;
}

int vfs_remove(struct nameidata *nd, bool dir, bool check_perm)
{
	if (nameidata_is_dot(nd))
		return !dir ? -EISDIR : nd->len == 1 ? -EINVAL : -ENOTEMPTY;
	struct inode *victim;
	int err = step(nd->dir, nd->name, nd->len, &victim);
	if (err)
		return err;
	if (!dir && (S_ISDIR(victim->i_mode) || nd->trailing_slash))
		err = S_ISDIR(victim->i_mode) ? -EISDIR : -ENOTDIR;
	else if (dir && !S_ISDIR(victim->i_mode))
		err = -ENOTDIR;
	else if (victim == root)
		err = -EBUSY;
	else if (check_perm)
		err = vfs_permission(nd->dir, MAY_WRITE | MAY_EXEC) ?:
		      sticky_forbids(nd->dir, victim) ? -EPERM : 0;
	iput(victim);
	if (err)
		return err;
	int (*op)(struct inode *, const char *, size_t) =
		dir ? nd->dir->i_op->rmdir : nd->dir->i_op->unlink;
	return op ? op(nd->dir, nd->name, nd->len) : -EPERM;
}

/* The O_CREAT half of open: an existing file (followed if it is a link) or a new one. */
static int open_create(int dirfd, const char *path, int flags, umode_t mode, struct inode **res,
		       bool *created)
{
	struct nameidata nd;
	int err = vfs_lookup_parent(dirfd, path, &nd);
	if (err)
		return err;
	struct inode *inode;
	if (nd.trailing_slash || nameidata_is_dot(&nd))
		err = -EISDIR;
	else if ((err = step(nd.dir, nd.name, nd.len, &inode)) == 0) {
		if (flags & O_EXCL)
			err = -EEXIST;
		else if (is_link(inode) && !(flags & O_NOFOLLOW)) {
			struct inode *target;
			err = follow_link(nd.dir, inode, 0, &target);
			if (!err) {
				iput(inode);
				inode = target;
			}
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
	if ((flags & O_TRUNC) && S_ISREG(mode) && inode->i_size && inode->i_op->truncate)
		return inode->i_op->truncate(inode, 0);
	return 0;
}

int vfs_open_inode(struct inode *inode, int flags, struct file **res)
{
	if (!inode->i_fop)
		return -ENXIO;
	struct file *f = file_alloc(inode->i_fop, inode, (unsigned int)flags);
	if (!f)
		return -ENOMEM;
	if (f->f_op->open) {
		int err = f->f_op->open(inode, f);
		if (err) {
			f->f_op = NULL;         /* it never opened: no release */
			fput(f);
			return err;
		}
	}
	*res = f;
	return 0;
}

int vfs_open_at(int dirfd, const char *path, int flags, umode_t mode, struct file **res)
{
	struct inode *inode;
	bool created = false;
	int err = (flags & O_CREAT) ? open_create(dirfd, path, flags, mode, &inode, &created)
				    : vfs_lookup_at(dirfd, path, !(flags & O_NOFOLLOW), &inode);
	if (err)
		return err;
	err = may_open(inode, flags, created);
	if (!err)
		err = vfs_open_inode(inode, flags, res);
	iput(inode);
	return err;
}

int vfs_open(const char *path, int flags, umode_t mode, struct file **res)
{
	return vfs_open_at(AT_FDCWD, path, flags, mode, res);
}

int vfs_mknod(const char *path, umode_t mode, dev_t dev, uint32_t uid, uint32_t gid)
{
	struct nameidata nd;
	int err = vfs_lookup_parent(AT_FDCWD, path, &nd);
	if (err)
		return err;
	struct inode *inode;
	err = vfs_create(&nd, mode, dev, false, &inode);
	nameidata_put(&nd);
	if (err)
		return err;
	inode->i_uid = uid;
	inode->i_gid = gid;
	iput(inode);
	return 0;
}

int vfs_unlink(const char *path)
{
	struct nameidata nd;
	int err = vfs_lookup_parent(AT_FDCWD, path, &nd);
	if (err)
		return err;
	err = vfs_remove(&nd, false, false);
	nameidata_put(&nd);
	return err;
}

int vfs_getcwd(char *buf, size_t size)
{
	if (size == 0)
		return -ERANGE;
	char *p = buf + size;
	*--p = '\0';
	for (struct inode *in = cur_cwd(); in != root; in = in->i_parent) {
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

/* Makes a top-level directory of the boot tree. */
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
		struct inode *dir;
		if (dirfd == AT_FDCWD) {
			dir = cur_cwd();
		} else {
			struct file *f = fget(dirfd);
			dir = f ? f->f_inode : NULL;
			err = !f ? -EBADF : !dir ? -ENOENT : 0;
		}
		if (dir && !err)
			*res = iget(dir);
	} else {
		err = vfs_lookup_at(dirfd, path, !(flags & AT_SYMLINK_NOFOLLOW), res);
	}
	putname(path);
	return err;
}
