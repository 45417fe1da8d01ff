/* errno.h: errno and the Linux error numbers. errno is one plain global: the libc is single-threaded. */
#ifndef _ERRNO_H
#define _ERRNO_H

#include <uapi/errno.h>

extern int errno;

#endif
