/* uio.c: uiomove (see uio.h), FreeBSD's walk over a request's iovecs. It
 * answers FreeBSD's positive errno, as copyin and copyout do. */
#include "kernel.h"
#include "uaccess.h"
#include "uapi/errno.h"
#include "dev/uio.h"

static int uio_copy(void *cp, struct iovec *iov, size_t cnt, const struct uio *uio)
{
	if (uio->uio_segflg == UIO_SYSSPACE) {
		if (uio->uio_rw == UIO_READ)
			memcpy(iov->iov_base, cp, cnt);
		else
			memcpy(cp, iov->iov_base, cnt);
		return 0;
	}
	if (uio->uio_rw == UIO_READ)
		return copyout(cp, (void __user *)iov->iov_base, cnt);
	return copyin((const void __user *)iov->iov_base, cp, cnt);
}

int uiomove(void *cp, int n, struct uio *uio)
{
	char *p = cp;
	while (n > 0 && uio->uio_resid > 0) {
		if (uio->uio_iovcnt <= 0)
			return EFAULT;          /* resid claims more than the iovecs hold */
		struct iovec *iov = uio->uio_iov;
		size_t cnt = MIN(iov->iov_len, (size_t)n);
		if (cnt == 0) {
			uio->uio_iov++;
			uio->uio_iovcnt--;
			continue;
		}
		int err = uio_copy(p, iov, cnt, uio);
		if (err)
			return err;
		iov->iov_base = (char *)iov->iov_base + cnt;
		iov->iov_len -= cnt;
		uio->uio_resid -= (ssize_t)cnt;
		uio->uio_offset += (loff_t)cnt;
		p += cnt;
		n -= (int)cnt;
	}
	return 0;
}
