/* sysfs.c: /sys: a kobject is a directory node whose i_private is the
 * kobject, an attribute a file node whose i_private is the attribute. Reading
 * fills a page with show() and returns it from the file offset; writing hands
 * the bytes, NUL-terminated, to store(). */
#include "kernel.h"
#include "mm/kmalloc.h"
#include "fs/ramfs.h"
#include "fs/sysfs.h"
#include "uapi/errno.h"
#include "uapi/stat.h"
#include "fs/vfs.h"

static struct inode *sys_root;
static struct kobject kernel_kobject = { .refcount = 1 };
struct kobject *kernel_kobj = &kernel_kobject;

static const struct inode_operations sysfs_dir_iops = {
	.lookup = ramfs_lookup,
	.evict = ramfs_free_inode,
};

static const struct inode_operations sysfs_file_iops = {
	.evict = ramfs_free_inode,
};

/* An attribute file keeps working only while it is linked: its kobject may be gone after. */
static struct kobj_attribute *file_attr(struct inode *inode, struct kobject **kobj)
{
	if (!inode->i_nlink)
		return NULL;
	*kobj = inode->i_parent->i_private;
	return container_of((struct attribute *)inode->i_private, struct kobj_attribute, attr);
}

/* One read or write of an attribute file: the attribute, its kobject, and a
 * zeroed page for its text. */
struct attr_io {
	struct kobject *kobj;
	struct kobj_attribute *ka;
	char *page;
};

/* 0, or -ENODEV (unlinked), -EIO (no show or store method), -ENOMEM. */
static int attr_begin(struct file *file, bool store, struct attr_io *io)
{
	io->ka = file_attr(file->f_inode, &io->kobj);
	if (!io->ka)
		return -ENODEV;
	if (store ? !io->ka->store : !io->ka->show)
		return -EIO;
	io->page = kzalloc(PGSIZE);
	return io->page ? 0 : -ENOMEM;
}

static ssize_t sysfs_read(struct file *file, char __user *buf, size_t count, loff_t *pos)
{
	struct attr_io io;
	ssize_t len = attr_begin(file, false, &io);
	if (len)
		return len;
	len = io.ka->show(io.kobj, io.ka, io.page);
	if (len >= 0)
		len = simple_read_from_buffer(buf, count, pos, io.page, MIN((size_t)len, (size_t)PGSIZE));
	kfree(io.page);
	return len;
}

static ssize_t sysfs_write(struct file *file, const char __user *buf, size_t count, loff_t *pos)
{
	(void)pos;
	struct attr_io io;
	ssize_t r = attr_begin(file, true, &io);
	if (r)
		return r;
	count = MIN(count, (size_t)PGSIZE - 1);
	r = copyin(buf, io.page, count) ? -EFAULT : io.ka->store(io.kobj, io.ka, io.page, count);
	kfree(io.page);
	return r;
}

static const struct file_operations sysfs_file_fops = {
	.read = sysfs_read,
	.write = sysfs_write,
	.llseek = generic_file_llseek,
};

/* Links a new node under dir; the tree's link is its only hold on it. */
static struct inode *sysfs_node(struct inode *dir, const char *name, umode_t mode, void *priv)
{
	size_t len = strlen(name);
	if (len == 0 || len > NAME_MAX || strchr(name, '/') || ramfs_find(dir, name, len))
		return NULL;
	struct inode *inode = ramfs_new_inode(mode, 0, 0);
	if (!inode)
		return NULL;
	if (S_ISDIR(mode)) {
		inode->i_op = &sysfs_dir_iops;
	} else {
		inode->i_op = &sysfs_file_iops;
		inode->i_fop = &sysfs_file_fops;
	}
	inode->i_private = priv;
	int err = ramfs_attach(dir, inode, name, len);
	iput(inode);
	return err ? NULL : inode;
}

struct kobject *kobject_get(struct kobject *kobj)
{
	if (kobj)
		kobj->refcount++;
	return kobj;
}

struct kobject *kobject_create_and_add(const char *name, struct kobject *parent)
{
	struct kobject *kobj = kzalloc(sizeof(*kobj));
	if (!kobj)
		return NULL;
	kobj->name = kstrdup(name);
	kobj->dir = kobj->name ? sysfs_node(parent ? parent->dir : sys_root, name, S_IFDIR | 0755, kobj)
			       : NULL;
	if (!kobj->dir) {
		kfree(kobj->name);
		kfree(kobj);
		return NULL;
	}
	kobj->parent = kobject_get(parent);
	kobj->refcount = 1;
	return kobj;
}

void kobject_put(struct kobject *kobj)
{
	if (!kobj || --kobj->refcount > 0)
		return;
	ramfs_remove_tree(kobj->dir);
	kobject_put(kobj->parent);
	kfree(kobj->name);
	kfree(kobj);
}

int sysfs_emit(char *buf, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int len = kvsnprintf(buf, PGSIZE, fmt, ap);
	va_end(ap);
	return len < (int)PGSIZE ? len : (int)PGSIZE - 1;
}

int sysfs_create_file(struct kobject *kobj, const struct attribute *attr)
{
	if (!kobj || !attr)
		return -EINVAL;
	if (ramfs_find(kobj->dir, attr->name, strlen(attr->name)))
		return -EEXIST;
	return sysfs_node(kobj->dir, attr->name, S_IFREG | (attr->mode & 0777), (void *)attr) ? 0 : -ENOMEM;
}

void sysfs_remove_file(struct kobject *kobj, const struct attribute *attr)
{
	struct inode *inode = ramfs_find(kobj->dir, attr->name, strlen(attr->name));
	if (inode)
		ramfs_detach(inode);
}

void sysfs_init(void)
{
	sys_root = sysfs_node(vfs_root(), "sys", S_IFDIR | 0555, NULL);
	kernel_kobject.name = kstrdup("kernel");
	kernel_kobject.dir = sys_root ? sysfs_node(sys_root, "kernel", S_IFDIR | 0755, &kernel_kobject) : NULL;
	if (!kernel_kobject.dir)
		panic("sysfs: cannot make /sys/kernel");
}
