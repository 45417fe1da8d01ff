/* linux/anon_inodes.h: Linux's <linux/anon_inodes.h>: anon_inode_getfd. */
#ifndef _INCLUDE_LINUX_ANON_INODES_H
#define _INCLUDE_LINUX_ANON_INODES_H

#include <fs/anon_inode.h>

#endif
