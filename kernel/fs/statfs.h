/* statfs.h: which file system an inode lives on, as its magic number
 * (uapi/statfs.h) and which mount, for statfs and the calls whose answer
 * depends on it. */
#ifndef FS_STATFS_H
#define FS_STATFS_H

#include <stdbool.h>
#include <stdint.h>

struct inode;
uint32_t vfs_fs_magic(const struct inode *inode);
/* Whether two inodes are on one mount (link and rename stay within one). */
bool vfs_same_mount(const struct inode *a, const struct inode *b);

#endif
