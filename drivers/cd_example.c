/* cd_example.c: /dev/cd_example, written against the FreeBSD face [seed 001]:
 * a struct cdevsw, make_dev (root:wheel 0600), copyinstr and uiomove. Open
 * clears a 512-byte buffer; write stores the caller's string and consumes the
 * whole request; read returns the string with its NUL, then end of file.
 * d_ioctl sets, gets and searches the string (uapi/cd_example.h); the
 * adapter has copied the argument in and copies it out, as FreeBSD's
 * sys_ioctl does. The poll method is left to FreeBSD's default. */
#include "dev/cdevsw.h"
#include "module/bsd_module.h"
#include "kernel.h"
#include "uaccess.h"
#include "uapi/cd_example.h"
#include "uapi/errno.h"

#define BUFSIZE (CD_EXAMPLE_MAXLEN + 1)

static d_open_t cd_open;
static d_close_t cd_close;
static d_read_t cd_read;
static d_write_t cd_write;
static d_ioctl_t cd_ioctl;

static struct cdevsw cd_example_cdevsw = {
	.d_version = D_VERSION,
	.d_open = cd_open,
	.d_close = cd_close,
	.d_read = cd_read,
	.d_write = cd_write,
	.d_ioctl = cd_ioctl,
	.d_name = "cd_example"
};

/*
 * One buffer for every open, touched only by the methods (process context,
 * never an interrupt handler); nothing here sleeps, so no lock.
 */
static char buf[BUFSIZE];
static size_t len;                      /* bytes in buf, the NUL included */

static int
cd_open(struct cdev *dev, int flag, int otyp, struct thread *td)
{
	(void)dev, (void)flag, (void)otyp, (void)td;
	memset(&buf, '\0', BUFSIZE);
	len = 0;
	return (0);
}

static int
cd_close(struct cdev *dev, int flag, int otyp, struct thread *td)
{
	(void)dev, (void)flag, (void)otyp, (void)td;
	return (0);
}

/* The string ends at its NUL, wherever the write count ends; the whole
 * request counts as written (as FreeBSD's null_write, uio_resid = 0). */
static int
cd_write(struct cdev *dev, struct uio *uio, int ioflag)
{
	(void)dev, (void)ioflag;
	int error = copyinstr(uio->uio_iov->iov_base, &buf, CD_EXAMPLE_MAXLEN, &len);
	if (error != 0) {
		len = 0;
		uprintf("Write to \"cd_example\" failed.\n");
		return (error);
	}
	uio->uio_resid = 0;
	return (0);
}

static int
cd_read(struct cdev *dev, struct uio *uio, int ioflag)
{
	(void)dev, (void)ioflag;
	if (uio->uio_offset >= (loff_t)len)
		return (0);
	size_t amt = MIN((size_t)uio->uio_resid, len - (size_t)uio->uio_offset);
	return (uiomove(buf + uio->uio_offset, (int)amt, uio));
}

/*
 * data is a kernel copy of the argument, of the size the command encodes:
 * nothing here touches user memory.
 */
static int
cd_ioctl(struct cdev *dev, u_long cmd, caddr_t data, int fflag, struct thread *td)
{
	struct cd_example_msg *msg;
	size_t i, n;
	int c;

	(void)dev, (void)td;
	switch (cmd) {
	case CD_EXAMPLE_SETMSG:
		if ((fflag & FWRITE) == 0)
			return (EBADF);
		msg = (struct cd_example_msg *)data;
		n = strnlen(msg->text, CD_EXAMPLE_MAXLEN);
		if (n == CD_EXAMPLE_MAXLEN)
			return (EINVAL);
		memset(&buf, '\0', BUFSIZE);
		memcpy(buf, msg->text, n);
		len = n + 1;
		return (0);
	case CD_EXAMPLE_GETMSG:
		msg = (struct cd_example_msg *)data;
		memcpy(msg->text, buf, CD_EXAMPLE_MAXLEN);
		return (0);
	case CD_EXAMPLE_COUNT:
		c = *(int *)data;
		n = 0;
		for (i = 0; i + 1 < len; i++)
			if (buf[i] == c)
				n++;
		*(int *)data = (int)n;
		return (0);
	default:
		return (ENOTTY);
	}
}

static struct cdev *sdev;

/* The seed's module event handler: MOD_LOAD makes the node, MOD_UNLOAD
 * (kldunload) destroys it; an open file keeps the module loaded. */
static int
cd_example_loader(struct module *m, int what, void *arg)
{
	(void)m, (void)arg;
	switch (what) {
	case MOD_LOAD:
		sdev = make_dev(&cd_example_cdevsw, 0, UID_ROOT, GID_WHEEL, 0600, "cd_example");
		if (sdev == NULL)
			return (ENXIO);
		uprintf("Character device loaded.\n");
		return (0);
	case MOD_UNLOAD:
		destroy_dev(sdev);
		uprintf("Character device unloaded.\n");
		return (0);
	default:
		return (EOPNOTSUPP);
	}
}

static moduledata_t cd_example_mod = { "cd_example", cd_example_loader, NULL };
DECLARE_MODULE(cd_example, cd_example_mod, 0, 0);
