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

/* d_ioctl's "not mine": the caller reports ENOTTY. */
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

/* Methods left NULL get FreeBSD's defaults at the first make_dev: open and
 * close succeed, read, write and ioctl fail with ENODEV, poll reports the
 * device readable and writable. */
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
