/* mounts.c: the mount table of the tree. There is one tree and no mount(2):
 * the root is the rootfs (tmpfs), and /dev, /proc and /sys are the
 * devtmpfs, proc and sysfs mounted on its top-level directories, as Linux
 * boots them, with devpts on /dev/pts. Which mount an inode is on (statfs's magic, st_dev, link's
 * EXDEV, fdinfo's mnt_id), and /proc/PID/mounts and mountinfo (with
 * /proc/mounts the link to self/mounts). */
#include "kernel.h"
#include "initcall.h"
#include "fs/devpts.h"
#include "fs/file.h"
#include "fs/mounts.h"
#include "fs/procfs.h"
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
};

/* Linux's ids and device numbers for the same boot (its pseudo file
 * systems take minors before these, so theirs differ but keep this order). */
static const struct mount mounts[] = {
	{ "", "rootfs", "rootfs", "rw", "", 1, 2, TMPFS_MAGIC },
	{ "dev", "devtmpfs", "devtmpfs", "rw,relatime", "mode=755", 20, 5, TMPFS_MAGIC },
	{ "proc", "proc", "proc", "rw,relatime", "", 21, 19, PROC_SUPER_MAGIC },
	{ "sys", "sysfs", "sysfs", "rw,relatime", "", 22, 20, SYSFS_MAGIC },
	{ "dev/pts", "devpts", "devpts", "rw,relatime", "gid=5,mode=620,ptmxmode=000", 23, 21,
	  DEVPTS_SUPER_MAGIC },
};
#define DEVPTS_MOUNT (&mounts[ARRAY_SIZE(mounts) - 1])

/* pipe(2)'s and anonymous inodes are on no mount of the tree, as Linux's pipefs and anon_inodefs. */
static const struct mount pipefs = { "", "pipefs", "pipefs", "rw", "", 14, 12, PIPEFS_MAGIC };
static const struct mount anonfs = { "", "anon_inodefs", "anon_inodefs", "rw", "", 15, 13,
				     ANON_INODE_FS_MAGIC };

/* An unlinked file stays on the mount it was on; with no parent left to
 * say which, it is counted on the root's (the only one where files are removed). */
static const struct mount *mount_of(const struct inode *inode)
{
	if (!inode->i_parent && inode != vfs_root()) {
		if (inode->i_name && strncmp(inode->i_name, "anon_inode:", 11) == 0)
			return &anonfs;
		return S_ISFIFO(inode->i_mode) && inode->i_nlink ? &pipefs : &mounts[0];
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

/* mounts: "SOURCE DIR TYPE OPTS 0 0"; mountinfo: "ID PARENT MAJ:MIN ROOT DIR OPTS - TYPE SOURCE SUPER_OPTS". */
void proc_mounts_show(struct seq_file *m, bool info)
{
	for (size_t i = 0; i < ARRAY_SIZE(mounts); i++) {
		const struct mount *mt = &mounts[i];
		const char *comma = *mt->extra ? "," : "";
		if (info)
			seq_printf(m, "%d %d 0:%u / /%s %s - %s %s rw%s%s\n", mt->id, mounts[0].id, mt->minor,
				   mt->dir, mt->opts, mt->fstype, mt->source, comma, mt->extra);
		else
			seq_printf(m, "%s /%s %s %s%s%s 0 0\n", mt->source, mt->dir, mt->fstype, mt->opts, comma,
				   mt->extra);
	}
}

static int proc_mounts_init(void)
{
	return proc_symlink("mounts", NULL, "self/mounts") ? 0 : -ENOMEM;
}
fs_initcall(proc_mounts_init);
