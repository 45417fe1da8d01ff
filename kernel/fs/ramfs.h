/* ramfs.h: the in-memory inode tree that the whole filesystem lives in. The
 * root, /tmp and /dev are plain ramfs; procfs, sysfs and devfs add their own
 * nodes to the same tree with these helpers. A node is linked into its
 * parent's i_children list under i_name; names (hard links too) count in i_nlink, open
 * references in i_count, and an inode is evicted when both are gone. */
#ifndef RAMFS_H
#define RAMFS_H

#include "fs/file.h"
#include "uapi/limits.h"          /* NAME_MAX */

/* A fresh unlinked inode of the given type (S_IFMT bits) with ramfs's
 * operations for that type, holding one reference for the caller. */
struct inode *ramfs_new_inode(umode_t mode, uint32_t uid, uint32_t gid);
/* Gives child the name and links it into dir; child keeps the caller's reference. */
int ramfs_attach(struct inode *dir, struct inode *child, const char *name, size_t len);
/* Unlinks child (and, for ramfs_remove_tree, everything below it). */
void ramfs_detach(struct inode *child);
void ramfs_remove_tree(struct inode *node);
/* Puts new (a directory) where old is in old's directory, under old's name:
 * a mount covers old, umount uncovers it. old keeps its i_parent for "..". */
int ramfs_replace_child(struct inode *old, struct inode *new);
/* The child called name (len bytes), without taking a reference, or NULL:
 * one hash-bucket walk (ramfs_hash.c). */
struct inode *ramfs_find(struct inode *dir, const char *name, size_t len);
/* A directory's table, made before its first child comes (-ENOMEM); then a
 * child's name enters or leaves it (child->i_name set). */
int dir_hash_init(struct inode *dir);
void dir_hash_add(struct inode *dir, struct inode *child);
void dir_hash_del(struct inode *dir, struct inode *child);
void dir_hash_free(struct inode *dir);

/* Hard links (ramfs_link.c): a second name is an entry of its own in its
 * directory's list that stands for the inode it links; lookups and readdir
 * see that inode. ramfs_entry_inode is the inode a child entry stands for. */
int ramfs_link(struct inode *inode, struct inode *dir, const char *name, size_t len);
struct inode *ramfs_entry_inode(struct inode *entry);

/* Kernel-side write into a regular file or symlink (initramfs, symlink()). */
int ramfs_write_data(struct inode *inode, loff_t pos, const void *src, size_t len);

/* Pieces that other in-memory filesystems reuse. */
int ramfs_lookup(struct inode *dir, const char *name, size_t len, struct inode **res);
/* Emits ".", ".." and the children from ctx->pos; false when the caller's buffer filled. */
bool ramfs_emit_children(struct inode *dir, struct dir_context *ctx);
void ramfs_free_inode(struct inode *inode);
ssize_t ramfs_read_dir(struct file *file, char __user *buf, size_t count, loff_t *pos);
extern const struct file_operations ramfs_dir_fops;

/* The d_type getdents reports for a mode. */
static inline unsigned int mode_to_dtype(umode_t mode)
{
	return (mode >> 12) & 15;
}

#endif
