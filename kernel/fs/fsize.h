/* fsize.h: the RLIMIT_FSIZE checks of the write and truncate paths: 0 (a
 * write's *count cut to what the limit allows) or -EFBIG after SIGXFSZ. */
#ifndef FS_FSIZE_H
#define FS_FSIZE_H

#include "fs/file.h"

int generic_write_check_limits(const struct inode *inode, loff_t pos, size_t *count);
int inode_newsize_ok(const struct inode *inode, loff_t size);

#endif
