/* uapi/uio.h: readv/writev's vector entry and the most entries one call may pass (Linux's
 * include/uapi/linux/uio.h; POSIX's IOV_MAX in the libc's <limits.h>). */
#ifndef UAPI_UIO_H
#define UAPI_UIO_H

#include <stddef.h>

struct iovec {
	void *iov_base;
	size_t iov_len;
};

#define UIO_MAXIOV 1024         /* Linux's and FreeBSD's limit on entries per call */

#endif
