/* linux/fs.h: Linux's <linux/fs.h>: files, inodes, file_operations and the character-device registration. */
#ifndef _INCLUDE_LINUX_FS_H
#define _INCLUDE_LINUX_FS_H

#include <linux/types.h>
#include <fs/file.h>
#include <fs/fasync.h>
#include <dev/chrdev.h>

#endif
