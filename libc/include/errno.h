/* errno.h: errno and the Linux error numbers. errno is per thread, as POSIX requires once there
 * are threads: it lives in the thread's descriptor. */
#ifndef _ERRNO_H
#define _ERRNO_H

#include <uapi/errno.h>

int *__errno_location(void) __attribute__((const));
#define errno (*__errno_location())

#endif
