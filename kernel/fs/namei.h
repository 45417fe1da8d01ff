/* namei.h: the kernel-internal filesystem interface behind vfs.h that the
 * system calls share: single path steps and links, splitting a path into its
 * directory and last name, creating, removing and renaming names with their
 * permission checks, and copying path names in from user space. */
#ifndef NAMEI_H
#define NAMEI_H

#include "fs/vfs.h"

/* A path cut before its last component: dir is referenced (nameidata_put drops
 * it); name points into the caller's path. A path of only slashes gives ".". */
struct nameidata {
	struct inode *dir;
	const char *name;
	size_t len;
	bool trailing_slash;            /* "a/b/": b must be a directory */
	bool is_root;                   /* the path is "/" itself (rmdir says EBUSY) */
};

/* The credentials files are created with and checked against (root when no process runs). */
uint32_t current_fsuid(void);
uint32_t current_fsgid(void);

/* One component name in dir, "." and ".." included: a new reference. */
int vfs_lookup_one(struct inode *dir, const char *name, size_t len, struct inode **res);
bool vfs_is_link(const struct inode *inode);
/* Resolves link, found in dir, to a referenced inode (ELOOP when nested too deep). */
int vfs_follow_link(struct inode *dir, struct inode *link, int depth, struct inode **res);
/* link's target as a NUL-terminated string in a new buffer (putname frees it):
 * its length, -ENOENT if empty, -ELOOP if depth links were followed already. */
int vfs_link_target(struct inode *link, int depth, char **res);
bool vfs_dir_removed(const struct inode *dir);

int vfs_lookup_parent(int dirfd, const char *path, struct nameidata *nd);
/* The same with relative paths starting from base (a directory). */
int vfs_lookup_parent_in(struct inode *base, const char *path, struct nameidata *nd);
void nameidata_put(struct nameidata *nd);
bool nameidata_is_dot(const struct nameidata *nd);     /* "." or ".." */

/* 0 if nd names nothing yet in a live directory: else -EEXIST, -ENOENT or the lookup's error. */
int vfs_name_free(struct nameidata *nd);
/* Makes nd's name (EEXIST if there) after the permission checks when
 * check_perm; owned by the current effective ids. The result is referenced. */
int vfs_create(struct nameidata *nd, umode_t mode, dev_t rdev, bool check_perm, struct inode **res);
/* May the current process remove or replace victim's name in dir? (the sticky-bit rule) */
int vfs_may_delete(struct inode *dir, struct inode *victim);
/* unlink (dir false) or rmdir (dir true) of nd's name, checked by vfs_may_delete. */
int vfs_remove(struct nameidata *nd, bool dir, bool check_perm);
/* The same at a path (relative to dirfd): the parent's lookup around them;
 * vfs_create_at also applies Linux's rule that "name/" names a directory. */
int vfs_create_at(int dirfd, const char *path, umode_t mode, dev_t rdev, bool check_perm, struct inode **res);
int vfs_remove_at(int dirfd, const char *path, bool dir, bool check_perm);

int vfs_rename_at(int olddirfd, const char *oldpath, int newdirfd, const char *newpath);
int vfs_open_at(int dirfd, const char *path, int flags, umode_t mode, struct file **res);
/* Permission against explicit ids (access() uses the real ones). */
int vfs_permission_ids(struct inode *inode, int mask, uint32_t uid, uint32_t gid);
/* The directory relative paths start from: dirfd's or the current one (not referenced). */
int vfs_start_dir(int dirfd, struct inode **res);

/* Copies a user path into a new PATH_MAX buffer (putname frees it). */
int getname(const char __user *upath, char **res);
void putname(char *name);
/* Looks up a user path for the *at calls: AT_SYMLINK_NOFOLLOW and AT_EMPTY_PATH in flags. */
int user_path_at(int dirfd, const char __user *upath, int flags, struct inode **res);
/* The same from the cwd, but a bind mount in the last component is not
 * crossed: the mount point itself, for mount(2) and umount(2). */
int user_path_mountpoint(const char __user *upath, bool follow, struct inode **res);

#endif
