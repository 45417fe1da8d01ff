/* uio.h: FreeBSD's description of an I/O request, struct uio: a list of
 * buffers (iovecs) in user or kernel space, the file offset, the bytes still
 * to move and the direction. uiomove() moves data between a kernel buffer and
 * the request and advances it, so a driver never handles user pointers. */
#ifndef UIO_H
#define UIO_H

#include <stddef.h>
#include "fs/file.h"
#include "uapi/uio.h"                   /* struct iovec, UIO_MAXIOV */

#define UIO_FASTIOV 8                   /* vectors this short are copied to the stack */

enum uio_seg { UIO_USERSPACE, UIO_SYSSPACE };
/* Seen from the request: UIO_READ moves kernel data out to the buffers. */
enum uio_rw { UIO_READ, UIO_WRITE };

struct thread;

struct uio {
	struct iovec *uio_iov;
	int uio_iovcnt;
	loff_t uio_offset;
	ssize_t uio_resid;
	enum uio_seg uio_segflg;
	enum uio_rw uio_rw;
	struct thread *uio_td;
};

/* Moves up to n bytes between cp and the request, in uio_rw's direction:
 * 0, or EFAULT (positive, as FreeBSD) for a bad user buffer; what was moved
 * before stays moved. */
int uiomove(void *cp, int n, struct uio *uio);

#endif
