/* mounts.h: which mount of the fixed table (mounts.c) an inode is on: its
 * file system's magic number (uapi/statfs.h), mount id and device number. */
#ifndef FS_MOUNTS_H
#define FS_MOUNTS_H

#include <stdbool.h>
#include <stdint.h>
#include "fs/file.h"

struct seq_file;
uint32_t vfs_fs_magic(const struct inode *inode);
/* Whether two inodes are on one mount (link and rename stay within one). */
bool vfs_same_mount(const struct inode *a, const struct inode *b);
int vfs_mount_id(const struct inode *inode);
dev_t vfs_mount_dev(const struct inode *inode);
/* /proc/PID/mounts, or with info mountinfo's longer lines. */
void proc_mounts_show(struct seq_file *m, bool info);

#endif
