/* vfs.h: path names and the filesystem tree: lookup with ".", "..", relative
 * paths and the current directory; open; the calls devfs, procfs and sysfs
 * use to add nodes. Paths here are kernel strings (copied in already). */
#ifndef VFS_H
#define VFS_H

#include <stdbool.h>
#include "fs/file.h"
#include "uapi/limits.h"          /* PATH_MAX */

/* Every file lives in the one in-memory tree: one device number for all
 * (stat, /proc/PID/maps), as an anonymous (major 0) Linux filesystem has. */
#define FS_DEV_MINOR 1

void vfs_init(void);                    /* the root, /dev /proc /sys /tmp */
struct inode *vfs_root(void);
int initramfs_unpack(const void *data, size_t size);

/* dirfd is AT_FDCWD or a directory fd; the result is a referenced inode. */
int vfs_lookup_at(int dirfd, const char *path, bool follow, struct inode **res);
int vfs_lookup(const char *path, struct inode **res);
int vfs_open(const char *path, int flags, umode_t mode, struct file **res);
int vfs_open_inode(struct inode *inode, int flags, struct file **res);
int vfs_mknod(const char *path, umode_t mode, dev_t dev, uint32_t uid, uint32_t gid);
int vfs_unlink(const char *path);
/* MAY_READ 4, MAY_WRITE 2, MAY_EXEC 1 against the current credentials: 0 or -EACCES. */
int vfs_permission(struct inode *inode, int mask);
/* inode's absolute path from the root, as Linux's d_path: its length with
 * the NUL, -ENOENT if it has been removed, -ERANGE if size is too small. */
int vfs_path_of(struct inode *inode, char *buf, size_t size);
int vfs_getcwd(char *buf, size_t size);

#define MAY_EXEC  1
#define MAY_WRITE 2
#define MAY_READ  4

#endif
