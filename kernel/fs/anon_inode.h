/* anon_inode.h: files that have no name in any directory (Linux's
 * anon_inodes): a driver's ioctl can return an fd for a new object (an fd
 * that itself takes ioctls), as KVM does for VMs and vCPUs. */
#ifndef ANON_INODE_H
#define ANON_INODE_H

#include "fs/file.h"

/* A new open file with fops and private_data = priv, on its own inode named
 * "anon_inode:<name>", installed at the lowest free fd. flags: O_ACCMODE,
 * O_NONBLOCK, O_CLOEXEC (for the fd). Returns the fd or -EMFILE / -ENOMEM;
 * on failure fops->release is not called and priv stays the caller's. */
int anon_inode_getfd(const char *name, const struct file_operations *fops, void *priv, int flags);

/* Just the inode ("anon_inode:<name>", one reference, freed by the last
 * iput), for a file the kernel keeps without an fd (SysV shared memory). */
struct inode *anon_inode_alloc(const char *name);

#endif
