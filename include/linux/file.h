/* linux/file.h: Linux's <linux/file.h>: fget, fput, fd_install and get_unused_fd_flags. */
#ifndef _INCLUDE_LINUX_FILE_H
#define _INCLUDE_LINUX_FILE_H

#include <fs/file.h>
#include <fs/fdtable.h>

#endif
