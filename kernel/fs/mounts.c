/* mounts.c: the mount table of the tree. The root is the rootfs (tmpfs),
 * and /dev, /proc and /sys are the devtmpfs, proc and sysfs mounted on its
 * top-level directories, as Linux boots them, with devpts on /dev/pts;
 * mount(2) adds new tmpfs and ramfs trees over directories, and bind mounts
 * (also a second mount of proc, sysfs, devtmpfs or devpts: the same tree):
 * a path walk that meets a bind's mount point goes on in the bound inode.
 * Which mount an inode is on (statfs's magic, st_dev, link's EXDEV,
 * fdinfo's mnt_id), and /proc/PID/mounts and mountinfo (with /proc/mounts
 * the link to self/mounts). */
#include "kernel.h"
#include "initcall.h"
#include "fs/devpts.h"
#include "fs/file.h"
#include "fs/mounts.h"
#include "fs/namei.h"
#include "fs/procfs.h"
#include "fs/ramfs.h"
#include "mm/filemap.h"
#include "mm/kmalloc.h"
#include "uapi/mount.h"
#include "fs/seq_file.h"
#include "fs/vfs.h"
#include "uapi/errno.h"
#include "uapi/stat.h"
#include "uapi/statfs.h"

struct mount {
	const char *dir;                /* the top-level directory's name; "" for the root */
	const char *source, *fstype;
	const char *opts;               /* the mount's */
	const char *extra;              /* the file system's besides rw ("" for none) */
	int id;
	unsigned minor;                 /* st_dev is 0:minor */
	uint32_t magic;
	/* mount(2)'s: dir is NULL, the place is the root's path (a bind's: covered's). */
	struct inode *root, *covered;
	struct inode *bound;            /* a bind's: what its walks go on in (root is NULL) */
	struct mount_params params;
};

/* A mount of the boot's table. */
#define BOOT_MOUNT(DIR, SRC, TYPE, OPTS, EXTRA, ID, MINOR, MAGIC) \
	{ .dir = DIR, .source = SRC, .fstype = TYPE, .opts = OPTS, .extra = EXTRA, .id = ID, .minor = MINOR, \
	  .magic = MAGIC }

/* Linux's ids and device numbers for the same boot (its pseudo file
 * systems take minors before these, so theirs differ but keep this order). */
static const struct mount mounts[] = {
	BOOT_MOUNT("", "rootfs", "rootfs", "rw", "", 1, 2, TMPFS_MAGIC),
	BOOT_MOUNT("dev", "devtmpfs", "devtmpfs", "rw,relatime", "mode=755", 20, 5, TMPFS_MAGIC),
	BOOT_MOUNT("proc", "proc", "proc", "rw,relatime", "", 21, 19, PROC_SUPER_MAGIC),
	BOOT_MOUNT("sys", "sysfs", "sysfs", "rw,relatime", "", 22, 20, SYSFS_MAGIC),
	BOOT_MOUNT("dev/pts", "devpts", "devpts", "rw,relatime", "gid=5,mode=620,ptmxmode=000", 23, 21,
	  DEVPTS_SUPER_MAGIC),
};
#define DEVPTS_MOUNT (&mounts[ARRAY_SIZE(mounts) - 1])

/* pipe(2)'s and anonymous inodes are on no mount of the tree, as Linux's pipefs and anon_inodefs. */
static const struct mount pipefs = BOOT_MOUNT("", "pipefs", "pipefs", "rw", "", 14, 12, PIPEFS_MAGIC);
static const struct mount anonfs = BOOT_MOUNT("", "anon_inodefs", "anon_inodefs", "rw", "", 15, 13,
				     ANON_INODE_FS_MAGIC);

/* mount(2)'s mounts in mount order; ids and minors go on from the table's. */
#define MAX_MOUNTS 32
static struct mount *added[MAX_MOUNTS];
static int next_id = 24;
static unsigned next_minor = 22;

static struct mount *added_at(const struct inode *root)
{
	for (int i = 0; i < MAX_MOUNTS; i++)
		if (added[i] && added[i]->root == root)
			return added[i];
	return NULL;
}

/* An unlinked file stays on the mount it was on; with no parent left to
 * say which, it is counted on the root's (the only one where files are removed). */
static const struct mount *mount_of(const struct inode *inode)
{
	if (!inode->i_parent && inode != vfs_root()) {
		if (inode->i_name && strncmp(inode->i_name, "anon_inode:", 11) == 0)
			return &anonfs;
		return S_ISFIFO(inode->i_mode) && inode->i_nlink ? &pipefs : &mounts[0];
	}
	for (const struct inode *in = inode; in; in = in->i_parent) {
		const struct mount *mt = added_at(in);
		if (mt)
			return mt;
	}
	const struct inode *top = inode;
	while (top->i_parent && top->i_parent != vfs_root()) {
		if (top == devpts_root())
			return DEVPTS_MOUNT;
		top = top->i_parent;
	}
	for (size_t i = 1; top != vfs_root() && i < ARRAY_SIZE(mounts); i++)
		if (top->i_name && strcmp(top->i_name, mounts[i].dir) == 0)
			return &mounts[i];
	return &mounts[0];
}

/* The newest bind mounted on covered. */
static struct mount *bind_at(const struct inode *covered)
{
	struct mount *best = NULL;
	for (int i = 0; i < MAX_MOUNTS; i++)
		if (added[i] && added[i]->bound && added[i]->covered == covered && (!best || added[i]->id > best->id))
			best = added[i];
	return best;
}

struct inode *mount_follow(struct inode *inode)
{
	struct mount *mt = bind_at(inode);
	if (!mt)
		return inode;
	iput(inode);
	return iget(mt->bound);
}

bool vfs_same_mount(const struct inode *a, const struct inode *b)
{
	return mount_of(a) == mount_of(b);
}

uint32_t vfs_fs_magic(const struct inode *inode)
{
	return mount_of(inode)->magic;
}

int vfs_mount_id(const struct inode *inode)
{
	return mount_of(inode)->id;
}

dev_t vfs_mount_dev(const struct inode *inode)
{
	return MKDEV(0, mount_of(inode)->minor);
}

unsigned long vfs_mount_flags(const struct inode *inode)
{
	return mount_of(inode)->params.flags;
}

uint64_t vfs_mount_size(const struct inode *inode)
{
	return mount_of(inode)->params.size;
}

static uint64_t tree_pages(const struct inode *node)
{
	uint64_t n = node->i_mapping ? node->i_mapping->nrpages : 0;
	const struct inode *c;
	list_for_each_entry(c, &node->i_children, i_sibling)
		n += tree_pages(c);
	return n;
}

uint64_t vfs_mount_used(const struct inode *inode)
{
	const struct mount *mt = mount_of(inode);
	return mt->root ? tree_pages(mt->root) * PGSIZE : 0;
}

/* Pages are counted as a file's first nrpages: a hole-free file, the usual case. */
ssize_t mount_space_limit(const struct inode *inode, loff_t pos, size_t count)
{
	const struct mount *mt = mount_of(inode);
	if (!mt->params.size)
		return (ssize_t)count;
	uint64_t limit = mt->params.size / PGSIZE, used = tree_pages(mt->root);
	uint64_t have = inode->i_mapping->nrpages, want = ((uint64_t)pos + count + PGSIZE - 1) / PGSIZE;
	if (want <= have || used + (want - have) <= limit)
		return (ssize_t)count;
	loff_t end = (loff_t)(have + (limit > used ? limit - used : 0)) * PGSIZE;
	return end > pos ? (ssize_t)MIN((loff_t)count, end - pos) : -ENOSPC;
}

static int slot_free(void)
{
	for (int slot = 0; slot < MAX_MOUNTS; slot++)
		if (!added[slot])
			return slot;
	return -ENOMEM;
}

int mount_add(struct inode *covered, const struct mount_params *p)
{
	int slot = slot_free();
	if (slot < 0)
		return slot;
	struct mount *mt = kzalloc(sizeof(*mt));
	struct inode *root = ramfs_new_inode(S_IFDIR | p->mode, p->uid, p->gid);
	char *source = kstrdup(p->source);
	int err = mt && root && source ? ramfs_replace_child(covered, root) : -ENOMEM;
	if (err) {
		kfree(source);
		kfree(mt);
		iput(root);
		return err;
	}
	root->i_nlink = 2;
	*mt = (struct mount){ .source = source, .fstype = p->fstype, .id = next_id++, .minor = next_minor++,
			      .magic = p->magic, .root = root, .covered = iget(covered), .params = *p };
	added[slot] = mt;
	return 0;
}

/* Any inode under root referenced from outside the tree: an open file, a
 * cwd, a mount on it (root itself: the table's and the caller's lookup). */
static bool tree_busy(const struct inode *node, int own)
{
	if (node->i_count > own)
		return true;
	const struct inode *c;
	list_for_each_entry(c, &node->i_children, i_sibling)
		if (tree_busy(c, 0))
			return true;
	return false;
}

int mount_bind(struct inode *covered, struct inode *bound, const char *source)
{
	const struct mount *of = mount_of(bound);
	int slot = slot_free();
	if (slot < 0)
		return slot;
	struct mount *mt = kzalloc(sizeof(*mt));
	char *src = kstrdup(source ? source : of->source);
	if (!mt || !src) {
		kfree(mt);
		kfree(src);
		return -ENOMEM;
	}
	/* The same file system: its device, magic, type and options. */
	*mt = (struct mount){ .source = src, .fstype = of->fstype, .opts = of->opts, .extra = of->extra,
			      .id = next_id++, .minor = of->minor, .magic = of->magic, .covered = iget(covered),
			      .bound = iget(bound), .params = of->params };
	added[slot] = mt;
	return 0;
}

static void mount_free(struct mount *mt)
{
	for (int i = 0; i < MAX_MOUNTS; i++)
		if (added[i] == mt)
			added[i] = NULL;
	iput(mt->covered);
	if (mt->bound)
		iput(mt->bound);
	kfree((char *)mt->source);
	kfree(mt);
}

int mount_remove(struct inode *root, bool detach)
{
	struct mount *mt = bind_at(root);
	if (mt) {
		mount_free(mt);
		return 0;
	}
	mt = added_at(root);
	if (!mt)
		return -EINVAL;
	if (!detach && tree_busy(root, 2))
		return -EBUSY;
	int err = ramfs_replace_child(root, mt->covered);
	if (err)
		return err;
	/* Lazily detached, the tree lives on for whoever is still in it. */
	if (!detach) {
		struct inode *c, *n;
		list_for_each_entry_safe(c, n, &root->i_children, i_sibling)
			ramfs_remove_tree(c);
	}
	/* A detached tree keeps its parent: relative lookups inside go on. */
	if (!detach)
		root->i_parent = NULL;
	root->i_nlink = 0;
	iput(root);
	mount_free(mt);
	return 0;
}

int mount_remount(struct inode *root, const struct mount_params *p)
{
	struct mount *mt = added_at(root);
	if (!mt)
		return -EINVAL;
	mt->params.flags = p->flags;
	if (p->size)
		mt->params.size = p->size;
	return 0;
}

bool mount_is_root(const struct inode *inode)
{
	return inode == vfs_root() || added_at(inode) || bind_at(inode) || inode == devpts_root() ||
	       (inode->i_parent == vfs_root() && mount_of(inode) != &mounts[0]);
}

/* Linux's show_mnt_opts: the mount's flags. */
static void show_mnt_opts(struct seq_file *m, const struct mount_params *p)
{
	seq_printf(m, "%s%s%s%s,relatime", p->flags & MS_RDONLY ? "ro" : "rw", p->flags & MS_NOSUID ? ",nosuid" : "",
		   p->flags & MS_NODEV ? ",nodev" : "", p->flags & MS_NOEXEC ? ",noexec" : "");
}

/* tmpfs's show_options: what is not the default. */
static void show_fs_opts(struct seq_file *m, const struct mount_params *p)
{
	if (p->size)
		seq_printf(m, ",size=%uk", (unsigned)(p->size / 1024));
	if (p->mode != p->default_mode)
		seq_printf(m, ",mode=%o", p->mode);
	if (p->uid)
		seq_printf(m, ",uid=%u", p->uid);
	if (p->gid)
		seq_printf(m, ",gid=%u", p->gid);
}

/* One line. mounts: "SOURCE PATH TYPE OPTS 0 0"; mountinfo: "ID PARENT
 * MAJ:MIN ROOT PATH OPTS - TYPE SOURCE SUPER_OPTS", ROOT the directory of its
 * file system mounted there. The boot's mounts (and binds of them) have fixed
 * option strings, mount(2)'s their flags and tmpfs options. */
static void show_mount(struct seq_file *m, const struct mount *mt, bool info, const char *root, const char *path,
		       int parent)
{
	if (info)
		seq_printf(m, "%d %d 0:%u %s %s ", mt->id, parent, mt->minor, root, path);
	else
		seq_printf(m, "%s %s %s ", mt->source, path, mt->fstype);
	if (mt->opts)
		seq_puts(m, mt->opts);
	else
		show_mnt_opts(m, &mt->params);
	if (info)
		seq_printf(m, " - %s %s %s", mt->fstype, mt->source,
			   mt->opts || !(mt->params.flags & MS_RDONLY) ? "rw" : "ro");
	if (mt->opts)
		seq_printf(m, "%s%s", *mt->extra ? "," : "", mt->extra);
	else
		show_fs_opts(m, &mt->params);
	seq_printf(m, info ? "\n" : " 0 0\n");
}

/* Where the file system of the mount mt is mounted (its root's path). */
static int mount_root_path(const struct mount *mt, char *buf, size_t size)
{
	if (mt->root)
		return vfs_path_of(mt->root, buf, size);
	return snprintf(buf, size, "/%s", mt->dir);
}

/* A bind's ROOT: the bound inode's path inside its own mount. */
static const char *bind_root(const struct mount *mt, char *buf, size_t size)
{
	char top[PATH_MAX];
	if (vfs_path_of(mt->bound, buf, size) < 0 || mount_root_path(mount_of(mt->bound), top, sizeof top) < 0)
		return "/";
	size_t n = strlen(top);
	if (n == 1)
		return buf;
	return buf[n] ? buf + n : "/";
}

void proc_mounts_show(struct seq_file *m, bool info)
{
	char path[PATH_MAX], root[PATH_MAX];
	for (size_t i = 0; i < ARRAY_SIZE(mounts); i++) {
		snprintf(path, sizeof path, "/%s", mounts[i].dir);
		show_mount(m, &mounts[i], info, "/", path, mounts[0].id);
	}
	for (int i = 0; i < MAX_MOUNTS; i++) {
		const struct mount *mt = added[i];
		if (!mt || vfs_path_of(mt->bound ? mt->covered : mt->root, path, sizeof path) < 0)
			continue;
		show_mount(m, mt, info, mt->bound ? bind_root(mt, root, sizeof root) : "/", path,
			   mount_of(mt->covered)->id);
	}
}

struct inode *mount_fs_root(const char *fstype)
{
	if (!strcmp(fstype, DEVPTS_MOUNT->fstype))
		return iget((struct inode *)devpts_root());
	for (size_t i = 1; i < ARRAY_SIZE(mounts); i++) {
		struct inode *root;
		if (!strcmp(fstype, mounts[i].fstype) &&
		    !vfs_lookup_one(vfs_root(), mounts[i].dir, strlen(mounts[i].dir), &root))
			return root;
	}
	return NULL;
}

static int proc_mounts_init(void)
{
	return proc_symlink("mounts", NULL, "self/mounts") ? 0 : -ENOMEM;
}
fs_initcall(proc_mounts_init);
