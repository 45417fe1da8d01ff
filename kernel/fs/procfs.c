/* procfs.c: the /proc directory and the driver API for its entries. An
 * entry is a node of the in-memory tree whose i_private is its
 * proc_dir_entry; opening it runs the driver's proc_ops through the
 * file_operations below. The directory also shows one directory per live
 * process (proc_pid.c). */
#include "kernel.h"
#include "module/module.h"
#include "mm/kmalloc.h"
#include "fs/procfs.h"
#include "fs/ramfs.h"
#include "fs/seq_file.h"
#include "uapi/errno.h"
#include "uapi/stat.h"
#include "fs/vfs.h"

/* getdents positions at or above this are processes, below it the entries. */
#define PROC_PID_POS (1 << 24)

static struct inode *proc_root;

static struct proc_dir_entry *inode_pde(const struct inode *inode)
{
	return inode->i_private;
}

void *pde_data(const struct inode *inode)
{
	return inode_pde(inode)->data;
}

/* The module whose code serves the entry (proc_ops has no owner since
 * Linux 5.6): an open file pins it, so rmmod waits for the last close. */
static struct module *pde_owner(const struct proc_dir_entry *pde)
{
	struct module *mod = module_of_addr((uint32_t)pde->proc_ops);
	if (!mod)
		mod = module_of_addr((uint32_t)pde->single_show);
	return mod ? mod : module_of_addr((uint32_t)pde->seq_ops);
}

static int proc_reg_open(struct inode *inode, struct file *file)
{
	const struct proc_ops *ops = inode_pde(inode)->proc_ops;
	struct module *owner = pde_owner(inode_pde(inode));
	if (!try_module_get(owner))
		return -ENOENT;
	int err = ops && ops->proc_open ? ops->proc_open(inode, file) : 0;
	if (err)
		module_put(owner);
	return err;
}

static int proc_reg_release(struct inode *inode, struct file *file)
{
	const struct proc_ops *ops = inode_pde(inode)->proc_ops;
	int err = ops && ops->proc_release ? ops->proc_release(inode, file) : 0;
	module_put(pde_owner(inode_pde(inode)));
	return err;
}

static ssize_t proc_reg_read(struct file *file, char __user *buf, size_t count, loff_t *pos)
{
	const struct proc_ops *ops = inode_pde(file->f_inode)->proc_ops;
	return ops && ops->proc_read ? ops->proc_read(file, buf, count, pos) : -EIO;
}

static ssize_t proc_reg_write(struct file *file, const char __user *buf, size_t count, loff_t *pos)
{
	const struct proc_ops *ops = inode_pde(file->f_inode)->proc_ops;
	return ops && ops->proc_write ? ops->proc_write(file, buf, count, pos) : -EIO;
}

static loff_t proc_reg_llseek(struct file *file, loff_t offset, int whence)
{
	const struct proc_ops *ops = inode_pde(file->f_inode)->proc_ops;
	return ops && ops->proc_lseek ? ops->proc_lseek(file, offset, whence) :
	       generic_file_llseek(file, offset, whence);
}

static const struct file_operations proc_reg_fops = {
	.open = proc_reg_open,
	.release = proc_reg_release,
	.read = proc_reg_read,
	.write = proc_reg_write,
	.llseek = proc_reg_llseek,
};

/* The entry goes with its last reference: a removed entry still open keeps working. */
static void proc_evict(struct inode *inode)
{
	kfree(inode->i_private);
	ramfs_free_inode(inode);
}

static const struct inode_operations proc_file_iops = {
	.evict = proc_evict,
};

static const struct inode_operations proc_dir_iops = {
	.lookup = ramfs_lookup,
	.evict = proc_evict,
};

static struct proc_dir_entry *proc_add(const char *name, umode_t mode, struct proc_dir_entry *parent,
				       const struct proc_ops *ops, void *data)
{
	struct inode *dir = parent ? parent->inode : proc_root;
	size_t len = strlen(name);
	if (!dir || len == 0 || len > NAME_MAX || strchr(name, '/') || ramfs_find(dir, name, len))
		return NULL;
	struct proc_dir_entry *pde = kzalloc(sizeof(*pde));
	struct inode *inode = pde ? ramfs_new_inode(mode, 0, 0) : NULL;
	if (!inode) {
		kfree(pde);
		return NULL;
	}
	pde->proc_ops = ops;
	pde->data = data;
	pde->inode = inode;
	inode->i_private = pde;
	if (S_ISDIR(mode)) {
		inode->i_op = &proc_dir_iops;
	} else {
		inode->i_op = &proc_file_iops;
		inode->i_fop = &proc_reg_fops;
	}
	if (ramfs_attach(dir, inode, name, len)) {
		iput(inode);
		return NULL;
	}
	iput(inode);
	return pde;
}

struct proc_dir_entry *proc_create_data(const char *name, umode_t mode, struct proc_dir_entry *parent,
					const struct proc_ops *ops, void *data)
{
	if (!(mode & S_IFMT))
		mode |= S_IFREG;
	if (!(mode & 0777))
		mode |= 0444;
	return proc_add(name, mode, parent, ops, data);
}

struct proc_dir_entry *proc_create(const char *name, umode_t mode, struct proc_dir_entry *parent,
				   const struct proc_ops *ops)
{
	return proc_create_data(name, mode, parent, ops, NULL);
}

static int proc_single_open(struct inode *inode, struct file *file)
{
	return single_open(file, inode_pde(inode)->single_show, pde_data(inode));
}

static const struct proc_ops proc_single_ops = {
	.proc_open = proc_single_open,
	.proc_read = seq_read,
	.proc_lseek = seq_lseek,
	.proc_release = single_release,
};

struct proc_dir_entry *proc_create_single_data(const char *name, umode_t mode, struct proc_dir_entry *parent,
					       int (*show)(struct seq_file *, void *), void *data)
{
	struct proc_dir_entry *pde = proc_create_data(name, mode, parent, &proc_single_ops, data);
	if (pde)
		pde->single_show = show;
	return pde;
}

static int proc_seq_open(struct inode *inode, struct file *file)
{
	int err = seq_open(file, inode_pde(inode)->seq_ops);
	if (!err)
		((struct seq_file *)file->private_data)->private = pde_data(inode);
	return err;
}

static const struct proc_ops proc_seq_ops = {
	.proc_open = proc_seq_open,
	.proc_read = seq_read,
	.proc_lseek = seq_lseek,
	.proc_release = seq_release,
};

struct proc_dir_entry *proc_create_seq_data(const char *name, umode_t mode, struct proc_dir_entry *parent,
					    const struct seq_operations *ops, void *data)
{
	struct proc_dir_entry *pde = proc_create_data(name, mode, parent, &proc_seq_ops, data);
	if (pde)
		pde->seq_ops = ops;
	return pde;
}

static int proc_link_readlink(struct inode *inode, char *buf, size_t size)
{
	return proc_copy_link(buf, size, pde_data(inode));
}

static void proc_link_evict(struct inode *inode)
{
	kfree(pde_data(inode));
	proc_evict(inode);
}

static const struct inode_operations proc_link_iops = {
	.readlink = proc_link_readlink,
	.evict = proc_link_evict,
};

struct proc_dir_entry *proc_symlink(const char *name, struct proc_dir_entry *parent, const char *dest)
{
	char *target = kstrdup(dest);
	struct proc_dir_entry *pde = target ? proc_add(name, S_IFLNK | 0777, parent, NULL, target) : NULL;
	if (!pde) {
		kfree(target);
		return NULL;
	}
	pde->inode->i_op = &proc_link_iops;
	pde->inode->i_fop = NULL;
	return pde;
}

struct proc_dir_entry *proc_mkdir(const char *name, struct proc_dir_entry *parent)
{
	return proc_add(name, S_IFDIR | 0555, parent, NULL, NULL);
}

void remove_proc_entry(const char *name, struct proc_dir_entry *parent)
{
	struct inode *dir = parent ? parent->inode : proc_root;
	struct inode *node = dir ? ramfs_find(dir, name, strlen(name)) : NULL;
	if (node)
		ramfs_remove_tree(node);
}

void proc_remove(struct proc_dir_entry *pde)
{
	if (pde)
		ramfs_remove_tree(pde->inode);
}

void proc_set_size(struct proc_dir_entry *pde, loff_t size)
{
	pde->inode->i_size = size;
}

void proc_set_user(struct proc_dir_entry *pde, uint32_t uid, uint32_t gid)
{
	pde->inode->i_uid = uid;
	pde->inode->i_gid = gid;
}

static int proc_root_lookup(struct inode *dir, const char *name, size_t len, struct inode **res)
{
	int err = ramfs_lookup(dir, name, len, res);
	return err == -ENOENT ? proc_pid_lookup(dir, name, len, res) : err;
}

static int proc_root_iterate(struct file *file, struct dir_context *ctx)
{
	if (ctx->pos < PROC_PID_POS) {
		if (!ramfs_emit_children(file->f_inode, ctx))
			return 0;
		ctx->pos = PROC_PID_POS;
	}
	proc_pid_emit(ctx, PROC_PID_POS);
	return 0;
}

static const struct inode_operations proc_root_iops = {
	.lookup = proc_root_lookup,
};

static const struct file_operations proc_root_fops = {
	.read = ramfs_read_dir,
	.llseek = generic_file_llseek,
	.iterate = proc_root_iterate,
};

void procfs_init(void)
{
	proc_root = ramfs_new_inode(S_IFDIR | 0555, 0, 0);
	if (!proc_root || ramfs_attach(vfs_root(), proc_root, "proc", 4))
		panic("procfs: cannot make /proc");
	proc_root->i_op = &proc_root_iops;
	proc_root->i_fop = &proc_root_fops;
	iput(proc_root);
}
