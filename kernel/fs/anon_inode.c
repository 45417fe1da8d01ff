/* anon_inode.c: anon_inode_getfd (see anon_inode.h). Linux shares one inode
 * among all anonymous files; here each gets its own, freed with its file,
 * because nothing else would own a shared one. */
#include "fs/anon_inode.h"
#include "fs/fdtable.h"
#include "kernel.h"
#include "locking/kernel_lock.h"
#include "mm/kmalloc.h"
#include "proc.h"
#include "uapi/errno.h"
#include "uapi/stat.h"

static uint32_t anon_next_ino = 1;

/* The file's last reference is gone (iput of an inode with no links). */
static void anon_inode_evict(struct inode *inode)
{
	kfree(inode->i_name);
	kfree(inode);
}

static const struct inode_operations anon_inode_ops = {
	.evict = anon_inode_evict,
};

struct inode *anon_inode_alloc(const char *name)
{
	struct inode *inode = kzalloc(sizeof *inode);
	if (!inode)
		return NULL;
	size_t len = sizeof "anon_inode:" + strlen(name);
	inode->i_name = kmalloc(len);
	if (!inode->i_name) {
		kfree(inode);
		return NULL;
	}
	snprintf(inode->i_name, len, "anon_inode:%s", name);
	inode->i_ino = anon_next_ino++;
	inode->i_mode = S_IRUSR | S_IWUSR;
	inode->i_uid = current->euid;
	inode->i_gid = current->egid;
	inode->i_op = &anon_inode_ops;
	inode->i_count = 1;
	list_init(&inode->i_children);
	list_init(&inode->i_sibling);
	return inode;
}

/* As Linux: the fd is reserved first, so once the file exists nothing can
 * fail and the driver's release never runs on a file user space never saw. */
static int new_fd(const char *name, const struct file_operations *fops, void *priv, int flags)
{
	int fd = get_unused_fd_flags((unsigned)flags);
	if (fd < 0)
		return fd;
	struct inode *inode = anon_inode_alloc(name);
	struct file *file = inode ? file_alloc(fops, inode, (unsigned)flags) : NULL;
	iput(inode);                    /* the file holds its own reference */
	if (!file) {
		put_unused_fd(fd);
		return -ENOMEM;
	}
	file->private_data = priv;
	fd_install(fd, file);
	return fd;
}

/* A driver's ioctl calls it without the big kernel lock; the fd table needs it. */
int anon_inode_getfd(const char *name, const struct file_operations *fops, void *priv, int flags)
{
	lock_kernel();
	int fd = new_fd(name, fops, priv, flags);
	unlock_kernel();
	return fd;
}
