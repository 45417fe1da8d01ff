/* devpts.c: the devpts file system, mounted by the kernel at /dev/pts with
 * Linux's gid=5,mode=620,ptmxmode=000. Its root lists one character node per
 * live pty slave, made when a master is opened on /dev/ptmx and removed when
 * it closes, and the node ptmx (5,2) that opens masters of this mount; users
 * cannot make or remove names in it. pty numbers are handed out lowest first,
 * as Linux's ida. */
#include "kernel.h"
#include "fs/devpts.h"
#include "fs/ramfs.h"
#include "fs/vfs.h"
#include "initcall.h"
#include "tty/tty.h"
#include "uapi/errno.h"
#include "uapi/stat.h"

static struct inode *pts_root;
static uint32_t used[DEVPTS_MAX / 32];

int devpts_new_index(void)
{
	for (int i = 0; i < DEVPTS_MAX; i++)
		if (!(used[i / 32] & (1u << (i % 32)))) {
			used[i / 32] |= 1u << (i % 32);
			return i;
		}
	return -ENOSPC;
}

void devpts_kill_index(int index)
{
	used[index / 32] &= ~(1u << (index % 32));
}

struct inode *devpts_pty_new(int index, dev_t dev, uint32_t uid)
{
	char name[12];
	int len = snprintf(name, sizeof(name), "%d", index);
	struct inode *inode = ramfs_new_inode(S_IFCHR | DEVPTS_MODE, uid, DEVPTS_GID);
	if (!inode)
		return NULL;
	inode->i_rdev = dev;
	if (ramfs_attach(pts_root, inode, name, (size_t)len)) {
		iput(inode);
		return NULL;
	}
	return inode;
}

void devpts_pty_kill(struct inode *inode)
{
	if (inode->i_parent)
		ramfs_detach(inode);
}

const struct inode *devpts_root(void)
{
	return pts_root;
}

/* Names come and go with the ptys only: no create, unlink, rename or link. */
static const struct inode_operations devpts_root_iops = {
	.lookup = ramfs_lookup,
};

static int devpts_init(void)
{
	struct inode *dev, *ptmx;
	int err = vfs_lookup("/dev", &dev);
	if (err)
		return err;
	pts_root = ramfs_new_inode(S_IFDIR | 0755, 0, 0);
	ptmx = ramfs_new_inode(S_IFCHR, 0, 0);
	if (!pts_root || !ptmx || ramfs_attach(dev, pts_root, "pts", 3))
		panic("devpts: cannot mount /dev/pts");
	iput(dev);
	pts_root->i_op = &devpts_root_iops;
	ptmx->i_rdev = MKDEV(TTYAUX_MAJOR, 2);
	if (ramfs_attach(pts_root, ptmx, "ptmx", 4))
		panic("devpts: cannot make /dev/pts/ptmx");
	iput(ptmx);
	return 0;
}
fs_initcall(devpts_init);
