/* fcntl.h: open/openat/creat and fcntl. */
#ifndef _FCNTL_H
#define _FCNTL_H

#include <sys/types.h>
#include <uapi/fcntl.h>
#include <uapi/fs.h>		/* SEEK_SET, SEEK_CUR, SEEK_END */

#define O_ASYNC FASYNC		/* glibc's name for it */

/* The mode argument is only read when flags contain O_CREAT. */
int open(const char *path, int flags, ...);
int openat(int dirfd, const char *path, int flags, ...);
int creat(const char *path, mode_t mode);
int fcntl(int fd, int cmd, ...);

#endif
