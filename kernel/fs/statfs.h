/* statfs.h: which file system an inode lives on, as its magic number
 * (uapi/statfs.h), for statfs and for the calls whose answer depends on it. */
#ifndef FS_STATFS_H
#define FS_STATFS_H

#include <stdint.h>

struct inode;
uint32_t vfs_fs_magic(const struct inode *inode);

#endif
