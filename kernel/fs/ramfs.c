/* ramfs.c: the in-memory filesystem: directories keep their children in the
 * inode's i_children list, regular files and symlinks keep their bytes in the
 * page cache (mm/filemap.c), device nodes open through def_chr_fops. Unlinking only
 * drops the name: an open file lives on until iput finds it unreferenced and
 * calls the evict hook. */
#include "kernel.h"
#include "mm/filemap.h"
#include "mm/kmalloc.h"
#include "fs/mounts.h"
#include "fs/ramfs.h"
#include "fs/vfs.h"
#include "x86/timer.h"
#include "uapi/dirent.h"
#include "uapi/errno.h"
#include "uapi/fcntl.h"
#include "uapi/stat.h"

static uint32_t next_ino = 1;

/* Also for the procfs and sysfs nodes made with ramfs_new_inode. */
void ramfs_free_inode(struct inode *inode)
{
	mapping_free(inode->i_mapping);
	dir_hash_free(inode);
	kfree(inode->i_name);
	kfree(inode);
}

int ramfs_write_data(struct inode *inode, loff_t pos, const void *src, size_t len)
{
	int err = filemap_write_kernel(inode, pos, src, len);
	if (!err)
		inode->i_mtime = inode->i_ctime = realtime_seconds();
	return err;
}

static ssize_t ramfs_write(struct file *file, const char __user *buf, size_t count, loff_t *pos)
{
	struct inode *inode = file->f_inode;
	loff_t start = (file->f_flags & O_APPEND) ? inode->i_size : *pos;
	if (start < 0)
		return -EINVAL;
	if (count == 0)
		return 0;
	ssize_t n = file_write_limit(file, start, count);
	if (n > 0)
		n = mount_space_limit(inode, start, (size_t)n);
	if (n > 0)
		n = filemap_write(inode, buf, (size_t)n, start);
	if (n <= 0)
		return n;
	inode->i_mtime = inode->i_ctime = realtime_seconds();
	*pos = start + n;
	return n;
}

static int ramfs_truncate(struct inode *inode, loff_t size)
{
	int err = filemap_truncate(inode, size);
	if (!err)
		inode->i_mtime = inode->i_ctime = realtime_seconds();
	return err;
}

/* A target is at most PATH_MAX bytes: its first page holds it all. */
static int ramfs_readlink(struct inode *inode, char *buf, size_t size)
{
	size_t n = MIN(MIN(size, (size_t)inode->i_size), (size_t)PGSIZE);
	uint32_t pa = find_get_page(inode->i_mapping, 0);
	if (pa)
		memcpy(buf, P2V(pa), n);
	else
		memset(buf, 0, n);
	return (int)n;
}

int ramfs_lookup(struct inode *dir, const char *name, size_t len, struct inode **res)
{
	struct inode *c = ramfs_find(dir, name, len);
	if (!c)
		return -ENOENT;
	*res = iget(ramfs_entry_inode(c));
	return 0;
}

/* Children stay in inode-number order, whatever their names and however they
 * came (see ramfs_emit_children); a new inode's number is the highest, so the
 * walk from the tail is usually one step. */
static void link_child(struct inode *dir, struct inode *child)
{
	struct list_head *prev = dir->i_children.prev;
	while (prev != &dir->i_children && list_entry(prev, struct inode, i_sibling)->i_ino > child->i_ino)
		prev = prev->prev;
	list_insert(&child->i_sibling, prev, prev->next);
	child->i_parent = dir;
	dir_hash_add(dir, child);
}

static char *name_dup(const char *name, size_t len)
{
	char *copy = kmalloc(len + 1);
	if (copy) {
		memcpy(copy, name, len);
		copy[len] = '\0';
	}
	return copy;
}

int ramfs_attach(struct inode *dir, struct inode *child, const char *name, size_t len)
{
	char *copy = name_dup(name, len);
	if (!copy || dir_hash_init(dir)) {
		kfree(copy);
		return -ENOMEM;
	}
	kfree(child->i_name);
	child->i_name = copy;
	link_child(dir, child);
	child->i_nlink = S_ISDIR(child->i_mode) ? 2 : 1;
	if (S_ISDIR(child->i_mode))
		dir->i_nlink++;
	dir->i_mtime = dir->i_ctime = child->i_ctime = realtime_seconds();
	return 0;
}

int ramfs_replace_child(struct inode *old, struct inode *new)
{
	struct inode *dir = old->i_parent;
	char *name = kstrdup(old->i_name);
	if (!name)
		return -ENOMEM;
	list_del(&old->i_sibling);
	dir_hash_del(dir, old);
	kfree(new->i_name);
	new->i_name = name;
	link_child(dir, new);
	return 0;
}

/* An inode still open when its name goes keeps the whole path it had as
 * its name, for /proc/PID/fd's "PATH (deleted)" (Linux's d_path). */
static void remember_path(struct inode *child)
{
	char *path = kmalloc(PATH_MAX);
	if (path && vfs_path_of(child, path, PATH_MAX) > 0) {
		kfree(child->i_name);
		child->i_name = kstrdup(path);
	}
	kfree(path);
}

void ramfs_detach(struct inode *child)
{
	struct inode *dir = child->i_parent;
	list_del(&child->i_sibling);
	dir_hash_del(dir, child);       /* by the name, which remember_path then replaces */
	if (child->i_count > 0)
		remember_path(child);
	if (S_ISDIR(child->i_mode))
		dir->i_nlink--;
	dir->i_mtime = dir->i_ctime = realtime_seconds();
	/* Other hard links may still name a file. */
	child->i_nlink = S_ISDIR(child->i_mode) ? 0 : child->i_nlink - 1;
	child->i_ctime = dir->i_ctime;
	child->i_parent = NULL;
	/* Evicts it now unless someone still has it open. */
	iput(iget(child));
}

void ramfs_remove_tree(struct inode *node)
{
	struct inode *c, *n;
	list_for_each_entry_safe(c, n, &node->i_children, i_sibling)
		ramfs_remove_tree(c);
	ramfs_detach(node);
}

static int ramfs_create(struct inode *dir, const char *name, size_t len, umode_t mode, dev_t rdev,
			struct inode **res)
{
	if (ramfs_find(dir, name, len))
		return -EEXIST;
	struct inode *inode = ramfs_new_inode(mode, 0, 0);
	if (!inode)
		return -ENOMEM;
	inode->i_rdev = rdev;
	int err = ramfs_attach(dir, inode, name, len);
	if (err) {
		iput(inode);
		return err;
	}
	*res = inode;
	return 0;
}

/* Unnamed until linkat names it (ramfs_link); its name is where it was
 * made, as Linux's "/DIR/#INO (deleted)". */
static int ramfs_tmpfile(struct inode *dir, umode_t mode, struct inode **res)
{
	struct inode *inode = ramfs_new_inode(mode, 0, 0);
	char *path = kmalloc(PATH_MAX);
	int n = path && inode ? vfs_path_of(dir, path, PATH_MAX) : -ENOMEM;
	if (n > 0)
		snprintf(path + n - 1, PATH_MAX - (size_t)n + 1, "%s#%u", n > 2 ? "/" : "", inode->i_ino);
	if (n > 0 && !(inode->i_name = kstrdup(path)))
		n = -ENOMEM;
	kfree(path);
	if (n < 0) {
		iput(inode);
		return n;
	}
	*res = inode;
	return 0;
}

/* An emptied directory gives its table back (a file made and removed in
 * /tmp leaves the heap as it was). */
static void trim_hash(struct inode *dir)
{
	if (list_empty(&dir->i_children))
		dir_hash_free(dir);
}

static int ramfs_unlink(struct inode *dir, const char *name, size_t len)
{
	struct inode *c = ramfs_find(dir, name, len);
	if (!c)
		return -ENOENT;
	if (S_ISDIR(c->i_mode))
		return -EISDIR;
	ramfs_detach(c);
	trim_hash(dir);
	return 0;
}

static int ramfs_rmdir(struct inode *dir, const char *name, size_t len)
{
	struct inode *c = ramfs_find(dir, name, len);
	if (!c)
		return -ENOENT;
	if (!S_ISDIR(c->i_mode))
		return -ENOTDIR;
	if (!list_empty(&c->i_children))
		return -ENOTEMPTY;
	ramfs_detach(c);
	trim_hash(dir);
	return 0;
}

static int ramfs_rename(struct inode *old_dir, const char *old_name, size_t old_len,
			struct inode *new_dir, const char *new_name, size_t new_len)
{
	struct inode *child = ramfs_find(old_dir, old_name, old_len);
	if (!child)
		return -ENOENT;
	char *name = name_dup(new_name, new_len);
	if (!name || dir_hash_init(new_dir)) {
		kfree(name);
		return -ENOMEM;
	}
	struct inode *victim = ramfs_find(new_dir, new_name, new_len);
	if (victim)
		ramfs_detach(victim);
	list_del(&child->i_sibling);
	dir_hash_del(old_dir, child);
	if (S_ISDIR(child->i_mode)) {
		old_dir->i_nlink--;
		new_dir->i_nlink++;
	}
	kfree(child->i_name);
	child->i_name = name;
	/* It keeps its place (its inode number) in a readdir under way. */
	link_child(new_dir, child);
	trim_hash(old_dir);
	old_dir->i_mtime = old_dir->i_ctime = new_dir->i_mtime = new_dir->i_ctime = realtime_seconds();
	child->i_ctime = old_dir->i_ctime;
	return 0;
}

/* Directory positions: 0 is ".", 1 "..", and a child's is its inode number
 * + 2. Children are kept in inode-number order (ramfs_attach), so a position
 * stays valid when entries are removed between two getdents64 calls: an
 * "rm -r" reading a few entries at a time skips none. */
bool ramfs_emit_children(struct inode *dir, struct dir_context *ctx)
{
	if (ctx->pos == 0) {
		if (!ctx->actor(ctx, ".", 1, 1, dir->i_ino, DT_DIR))
			return false;
		ctx->pos = 1;
	}
	if (ctx->pos == 1) {
		struct inode *up = dir->i_parent ? dir->i_parent : dir;
		if (!ctx->actor(ctx, "..", 2, 2, up->i_ino, DT_DIR))
			return false;
		ctx->pos = 2;
	}
	struct inode *c;
	list_for_each_entry(c, &dir->i_children, i_sibling) {
		loff_t pos = (loff_t)c->i_ino + 2;
		if (pos < ctx->pos)
			continue;
		const struct inode *in = ramfs_entry_inode(c);
		if (!ctx->actor(ctx, c->i_name, strlen(c->i_name), pos + 1, in->i_ino, mode_to_dtype(in->i_mode)))
			return false;
		ctx->pos = pos + 1;
	}
	return true;
}

static int ramfs_iterate(struct file *file, struct dir_context *ctx)
{
	ramfs_emit_children(file->f_inode, ctx);
	return 0;
}

ssize_t ramfs_read_dir(struct file *file, char __user *buf, size_t count, loff_t *pos)
{
	(void)file, (void)buf, (void)count, (void)pos;
	return -EISDIR;
}

static const struct inode_operations ramfs_dir_iops = {
	.lookup = ramfs_lookup,
	.create = ramfs_create,
	.unlink = ramfs_unlink,
	.link = ramfs_link,
	.rmdir = ramfs_rmdir,
	.rename = ramfs_rename,
	.tmpfile = ramfs_tmpfile,
	.evict = ramfs_free_inode,
};

const struct file_operations ramfs_dir_fops = {
	.read = ramfs_read_dir,
	.llseek = generic_file_llseek,
	.iterate = ramfs_iterate,
};

static const struct inode_operations ramfs_file_iops = {
	.truncate = ramfs_truncate,
	.evict = ramfs_free_inode,
};

static const struct file_operations ramfs_file_fops = {
	.read = filemap_read,
	.write = ramfs_write,
	.llseek = generic_file_llseek,
	.mmap = generic_file_mmap,
};

static const struct inode_operations ramfs_symlink_iops = {
	.readlink = ramfs_readlink,
	.evict = ramfs_free_inode,
};

static const struct inode_operations ramfs_node_iops = {
	.evict = ramfs_free_inode,
};

struct inode *ramfs_new_inode(umode_t mode, uint32_t uid, uint32_t gid)
{
	struct inode *inode = kzalloc(sizeof(*inode));
	if (!inode)
		return NULL;
	inode->i_ino = next_ino++;
	inode->i_mode = mode;
	inode->i_uid = uid;
	inode->i_gid = gid;
	inode->i_count = 1;
	inode->i_atime = inode->i_mtime = inode->i_ctime = realtime_seconds();
	list_init(&inode->i_children);
	list_init(&inode->i_sibling);
	switch (mode & S_IFMT) {
	case S_IFDIR:
		inode->i_op = &ramfs_dir_iops;
		inode->i_fop = &ramfs_dir_fops;
		break;
	case S_IFREG:
		inode->i_op = &ramfs_file_iops;
		inode->i_fop = &ramfs_file_fops;
		break;
	case S_IFLNK:
		inode->i_op = &ramfs_symlink_iops;
		break;
	case S_IFCHR:
		inode->i_op = &ramfs_node_iops;
		inode->i_fop = &def_chr_fops;
		break;
	case S_IFIFO:
		inode->i_op = &ramfs_node_iops;
		inode->i_fop = &def_fifo_fops;
		break;
	default:        /* sockets, block devices: a name only, open says ENXIO */
		inode->i_op = &ramfs_node_iops;
		break;
	}
	if ((S_ISREG(mode) || S_ISLNK(mode)) && !(inode->i_mapping = mapping_alloc())) {
		kfree(inode);
		return NULL;
	}
	return inode;
}
