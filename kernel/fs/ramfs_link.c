/* ramfs_link.c: hard links in ramfs. The tree keeps one name per inode
 * (i_parent, i_name), so each further name is an entry inode of its own in
 * its directory that holds a reference to the inode it stands for: lookups,
 * readdir and so stat, open and exec see the linked inode, and removing or
 * renaming the entry acts on that name only. i_nlink of the linked inode
 * counts all its names; it is evicted once the last name and the last open
 * reference are gone, whichever name went first. */
#include "kernel.h"
#include "fs/ramfs.h"
#include "x86/timer.h"
#include "uapi/errno.h"
#include "uapi/stat.h"

static void hardlink_evict(struct inode *entry);

static const struct inode_operations ramfs_hardlink_iops = {
	.evict = hardlink_evict,
};

struct inode *ramfs_entry_inode(struct inode *entry)
{
	return entry->i_op == &ramfs_hardlink_iops ? entry->i_private : entry;
}

static void hardlink_evict(struct inode *entry)
{
	struct inode *inode = entry->i_private;
	inode->i_nlink--;
	inode->i_ctime = realtime_seconds();
	ramfs_free_inode(entry);
	iput(inode);
}

int ramfs_link(struct inode *inode, struct inode *dir, const char *name, size_t len)
{
	if (ramfs_find(dir, name, len))
		return -EEXIST;
	struct inode *entry = ramfs_new_inode(inode->i_mode & S_IFMT, 0, 0);
	if (!entry)
		return -ENOMEM;
	entry->i_op = &ramfs_hardlink_iops;
	entry->i_fop = NULL;
	entry->i_private = iget(inode);
	int err = ramfs_attach(dir, entry, name, len);
	if (err) {
		inode->i_nlink++;       /* hardlink_evict takes it back */
		iput(entry);
		return err;
	}
	inode->i_nlink++;
	inode->i_ctime = dir->i_ctime;
	iput(entry);            /* the directory's list holds it now */
	return 0;
}
