/* cdevsw.h: the FreeBSD face of the character-device switch table. A driver
 * fills a struct cdevsw with FreeBSD-signature methods and calls make_dev();
 * the methods see a struct uio for read/write (uiomove), a kernel copy of the
 * ioctl argument, and return 0 or a positive errno, as in FreeBSD. Underneath,
 * make_dev() is a cdev_add() of an adapter's file_operations plus a /dev node,
 * on a dynamic major named d_name (what /proc/devices shows). */
#ifndef CDEVSW_H
#define CDEVSW_H

#include <stdint.h>
#include "dev/chrdev.h"
#include "dev/uio.h"

#define D_VERSION 0x17122009            /* FreeBSD's D_VERSION_04 */

#define UID_ROOT  0
#define GID_WHEEL 0

/* d_open/d_close/d_ioctl flags, FreeBSD's values (not the O_* ones). */
#define FREAD     0x0001
#define FWRITE    0x0002
#define FNONBLOCK 0x0004
/* d_read/d_write ioflag */
#define IO_NDELAY 0x0004

/* d_ioctl's "not mine" (ENOTTY). Negative, as FreeBSD's: it has the value of
 * this kernel's own internal code, so the adapter passes it as it is. */
#define ENOIOCTL (-ENOIOCTLCMD)

typedef unsigned long u_long;
typedef char *caddr_t;
typedef uint32_t uid_t;
typedef uint32_t gid_t;

struct proc;

/* FreeBSD's kernel thread; here a stand-in for the calling process. */
struct thread {
	struct proc *td_proc;
};

typedef int d_open_t(struct cdev *dev, int oflags, int devtype, struct thread *td);
typedef int d_close_t(struct cdev *dev, int fflag, int devtype, struct thread *td);
typedef int d_read_t(struct cdev *dev, struct uio *uio, int ioflag);
typedef int d_write_t(struct cdev *dev, struct uio *uio, int ioflag);
typedef int d_ioctl_t(struct cdev *dev, u_long cmd, caddr_t data, int fflag, struct thread *td);
typedef int d_poll_t(struct cdev *dev, int events, struct thread *td);

/* What a FreeBSD-style driver implements, and what each method may count on.
 * As on FreeBSD, every method answers 0 or a POSITIVE errno (EFAULT, EINVAL,
 * ...), and so do the helpers it calls (copyin, copyout, copyinstr,
 * uiomove), so their result can be returned as it is; the adapter in
 * cdevsw.c turns it into the kernel's negative errno in one place. Methods
 * run in process context as the caller (td->td_proc is current), never from
 * an interrupt handler; the kernel is not preempted, so a driver needs no
 * lock around code that does not sleep. A sleep interrupted by a signal
 * answers EINTR, or what the kernel's wait returned (-ERESTARTSYS, which
 * passes as it is and restarts the call under SA_RESTART). Methods left
 * NULL get FreeBSD's defaults at the first make_dev: open and close succeed,
 * read, write and ioctl fail with ENODEV, poll reports the device readable
 * and writable.
 *
 * d_open(dev, oflags, S_IFCHR, td): oflags is FREAD|FWRITE|FNONBLOCK from
 *   the open's flags. An error fails the open (no d_close follows).
 * d_close(dev, fflag, S_IFCHR, td): once per successful open, when its last
 *   fd is closed (FreeBSD: on the device's last close). The result is ignored.
 * d_read/d_write(dev, uio, ioflag): uio has one iovec in user space
 *   (UIO_USERSPACE) that passed access_ok, uio_offset at the file position and
 *   uio_resid the count; move data with uiomove, which advances all three.
 *   The call returns the bytes moved (count - uio_resid) and the file position
 *   becomes uio_offset; an error after some bytes moved still reports them if
 *   it is EINTR, EAGAIN or -ERESTARTSYS. ioflag: IO_NDELAY under O_NONBLOCK.
 * d_ioctl(dev, cmd, data, fflag, td): for a command that encodes a direction
 *   and a size (_IOW, _IOR, _IOWR), data is a kernel buffer of that size,
 *   copied in from the user's pointer for _IOW and _IOWR (EFAULT before the
 *   call if it cannot be), zeroed for _IOR, and copied out after the method
 *   returns 0 for _IOR and _IOWR (EFAULT then); a size above IOCPARM_MAX
 *   (8192) is ENOTTY without a call. Otherwise data points at the
 *   argument's value, and a pointer in it goes through copyin/copyout. Unknown
 *   commands: ENOTTY (or ENOIOCTL).
 * d_poll(dev, events, td): the subset of events ready now. It must not
 *   sleep, and there is no selrecord: a poll that finds nothing ready looks
 *   again only when its timeout or another file's wake-up ends the wait. */
struct cdevsw {
	int d_version;
	const char *d_name;
	d_open_t *d_open;
	d_close_t *d_close;
	d_read_t *d_read;
	d_write_t *d_write;
	d_ioctl_t *d_ioctl;
	d_poll_t *d_poll;
	/* Managed by make_dev/destroy_dev: */
	unsigned d_major;
	int d_devcount;
};

/* /dev/<fmt...> with that owner and mode, minor unit (0..255) of devsw's
 * major. NULL on failure (FreeBSD panics instead). */
struct cdev *make_dev(struct cdevsw *devsw, int unit, uid_t uid, gid_t gid, int perms,
		      const char *fmt, ...) __attribute__((format(printf, 6, 7)));
/* Removes the node and the number. Like unregister_chrdev, it assumes no file
 * has the device open any more (FreeBSD waits for them). */
void destroy_dev(struct cdev *dev);

static inline int dev2unit(const struct cdev *dev)
{
	return (int)MINOR(dev->dev);
}

/* FreeBSD prints to the caller's terminal; here it goes to the kernel log. */
int uprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
