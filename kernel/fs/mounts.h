/* mounts.h: mount(2)'s mounts and binds, and which mount (mounts.c) an inode is on: its
 * file system's magic number (uapi/statfs.h), mount id and device number. */
#ifndef FS_MOUNTS_H
#define FS_MOUNTS_H

#include <stdbool.h>
#include <stdint.h>
#include "fs/file.h"

struct seq_file;

/* What mount(2) asked for (fs/mount.c parses it). */
struct mount_params {
	const char *source;             /* as given (copied by mount_add) */
	const char *fstype;             /* the file system type's own string */
	uint32_t magic;
	unsigned long flags;            /* MS_RDONLY, MS_NOSUID, MS_NODEV, MS_NOEXEC */
	uint64_t size;                  /* tmpfs size= in bytes; 0: half of RAM */
	umode_t mode, default_mode;     /* of the root */
	uint32_t uid, gid;
};

/* Mounts a new in-memory file system over the directory covered (on a
 * ramfs-like parent): lookups of its name find the new root from then on. */
int mount_add(struct inode *covered, const struct mount_params *p);
/* Mounts bound over covered, a directory over a directory or a file over a
 * file: walks that reach covered go on in bound. source: what /proc/mounts
 * shows (NULL: the bound file system's own). */
int mount_bind(struct inode *covered, struct inode *bound, const char *source);
/* A path walk's next inode: the bound one if inode is a bind's mount point (the reference moves). */
struct inode *mount_follow(struct inode *inode);
/* A new reference to the root of the boot's proc, sysfs, devtmpfs or devpts, or NULL. */
struct inode *mount_fs_root(const char *fstype);
/* Unmounts the mount whose root is root: -EINVAL if none, -EBUSY while
 * anything inside is in use unless detach (MNT_DETACH: it goes when unused). */
int mount_remove(struct inode *root, bool detach);
/* MS_REMOUNT: new flags (and size) for the mount whose root is root. */
int mount_remount(struct inode *root, const struct mount_params *p);
/* Whether inode is the root of some mount (the table's or mount(2)'s). */
bool mount_is_root(const struct inode *inode);
/* Its mount's MS_RDONLY, MS_NOSUID, MS_NODEV and MS_NOEXEC (the ST_ bits of statfs too). */
unsigned long vfs_mount_flags(const struct inode *inode);
/* A tmpfs's size= (0: the default). */
uint64_t vfs_mount_size(const struct inode *inode);
/* The bytes the files of a mount(2) tmpfs or ramfs hold (0 for the boot's mounts). */
uint64_t vfs_mount_used(const struct inode *inode);
/* How much of count bytes at pos the tmpfs size= lets inode grow by: count,
 * less, or -ENOSPC when not one more byte fits. */
ssize_t mount_space_limit(const struct inode *inode, loff_t pos, size_t count);

uint32_t vfs_fs_magic(const struct inode *inode);
/* Whether two inodes are on one mount (link and rename stay within one). */
bool vfs_same_mount(const struct inode *a, const struct inode *b);
int vfs_mount_id(const struct inode *inode);
dev_t vfs_mount_dev(const struct inode *inode);
/* /proc/PID/mounts, or with info mountinfo's longer lines. */
void proc_mounts_show(struct seq_file *m, bool info);

#endif
