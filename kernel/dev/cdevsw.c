/* cdevsw.c: make_dev/destroy_dev and the adapter that lets a FreeBSD cdevsw
 * serve Linux-style file_operations: it builds the struct uio for read and
 * write, copies ioctl arguments in and out as FreeBSD's sys_ioctl does, and
 * turns FreeBSD's positive errno into the kernel's negative one. */
#include "dev/cdevsw.h"
#include "kernel.h"
#include "locking/kernel_lock.h"
#include "mm/kmalloc.h"
#include "module/module.h"
#include "fs/poll.h"
#include "proc.h"
#include "tty/tty.h"
#include "uaccess.h"
#include "errno.h"
#include "uapi/fcntl.h"
#include "uapi/ioctl.h"
#include "uapi/stat.h"

#define IOCPARM_MAX 8192                /* FreeBSD's limit on an ioctl argument */

/* ---- FreeBSD's defaults for the methods a driver leaves NULL ---- */

static int null_open(struct cdev *dev, int oflags, int devtype, struct thread *td)
{
	(void)dev, (void)oflags, (void)devtype, (void)td;
	return 0;
}

static int no_rw(struct cdev *dev, struct uio *uio, int ioflag)
{
	(void)dev, (void)uio, (void)ioflag;
	return ENODEV;
}

static int no_ioctl(struct cdev *dev, u_long cmd, caddr_t data, int fflag, struct thread *td)
{
	(void)dev, (void)cmd, (void)data, (void)fflag, (void)td;
	return ENODEV;
}

static int no_poll(struct cdev *dev, int events, struct thread *td)
{
	(void)dev, (void)td;
	return events & (POLLIN | POLLOUT | POLLRDNORM | POLLWRNORM);
}

static void prep_cdevsw(struct cdevsw *devsw)
{
	devsw->d_open = devsw->d_open ?: null_open;
	devsw->d_close = devsw->d_close ?: null_open;
	devsw->d_read = devsw->d_read ?: no_rw;
	devsw->d_write = devsw->d_write ?: no_rw;
	devsw->d_ioctl = devsw->d_ioctl ?: no_ioctl;
	devsw->d_poll = devsw->d_poll ?: no_poll;
}

/* ---- the adapter ---- */

/* The one place FreeBSD's errno becomes the kernel's: methods answer 0 or a
 * positive errno (as do the copyin, copyinstr and uiomove they call), or a
 * kernel-internal code (ENOIOCTL, -ERESTARTSYS from a wait), which passes as
 * it is. */
static int bsd_errno(int err)
{
	return err > 0 ? -err : err;
}

static int bsd_fflags(const struct file *file)
{
	return (file_readable(file) ? FREAD : 0) | (file_writable(file) ? FWRITE : 0) |
	       (file->f_flags & O_NONBLOCK ? FNONBLOCK : 0);
}

static struct cdev *file_cdev(const struct file *file)
{
	return file->private_data;      /* what chrdev_open passed on */
}

/* A cdevsw has no owner field: the module whose image holds it is pinned
 * while the file is open, as .owner does for file_operations. */
static struct module *cdevsw_owner(const struct cdev *dev)
{
	return module_of_addr((uint32_t)dev->si_devsw);
}

static int bsd_open(struct inode *inode, struct file *file)
{
	(void)inode;
	struct cdev *dev = file_cdev(file);
	struct thread td = { current };
	struct module *owner = cdevsw_owner(dev);
	if (!try_module_get(owner))
		return -ENXIO;
	int err = bsd_errno(dev->si_devsw->d_open(dev, bsd_fflags(file), S_IFCHR, &td));
	if (err)
		module_put(owner);
	return err;
}

/* FreeBSD calls d_close on the last close of the device; here on each one. */
static int bsd_release(struct inode *inode, struct file *file)
{
	(void)inode;
	struct cdev *dev = file_cdev(file);
	struct thread td = { current };
	int err = bsd_errno(dev->si_devsw->d_close(dev, bsd_fflags(file), S_IFCHR, &td));
	module_put(cdevsw_owner(dev));
	return err;
}

static ssize_t bsd_rw(struct file *file, char __user *buf, size_t count, loff_t *pos,
		      enum uio_rw rw)
{
	struct cdev *dev = file_cdev(file);
	struct thread td = { current };
	struct iovec iov = { buf, count };
	struct uio uio = {
		.uio_iov = &iov, .uio_iovcnt = 1, .uio_offset = *pos,
		.uio_resid = (ssize_t)count, .uio_segflg = UIO_USERSPACE, .uio_rw = rw,
		.uio_td = &td,
	};
	int ioflag = file->f_flags & O_NONBLOCK ? IO_NDELAY : 0;
	d_read_t *method = rw == UIO_READ ? dev->si_devsw->d_read : dev->si_devsw->d_write;
	int err = bsd_errno(method(dev, &uio, ioflag));
	*pos = uio.uio_offset;
	ssize_t done = (ssize_t)count - uio.uio_resid;
	/* As FreeBSD's dofileread: an interrupted transfer that moved data
	 * reports the data. */
	if (err && done > 0 && (err == -EINTR || err == -EAGAIN || err == -ERESTARTSYS))
		err = 0;
	return err ? err : done;
}

static ssize_t bsd_read(struct file *file, char __user *buf, size_t count, loff_t *pos)
{
	return bsd_rw(file, buf, count, pos, UIO_READ);
}

static ssize_t bsd_write(struct file *file, const char __user *buf, size_t count, loff_t *pos)
{
	return bsd_rw(file, (char __user *)buf, count, pos, UIO_WRITE);
}

/* FreeBSD's sys_ioctl: a command without a direction or without a size
 * passes its argument value (data points at it); otherwise data is a kernel
 * buffer of the size the command encodes, copied in for _IOC_WRITE (IOC_IN)
 * and out after success for _IOC_READ (IOC_OUT). */
static long bsd_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct cdev *dev = file_cdev(file);
	struct thread td = { current };
	unsigned dir = _IOC_DIR(cmd), size = _IOC_SIZE(cmd);
	char smalldata[128];
	caddr_t data = (caddr_t)&arg;
	if (dir != _IOC_NONE && size > 0) {
		if (size > IOCPARM_MAX)
			return -ENOTTY;
		data = size <= sizeof smalldata ? smalldata : kmalloc(size);
		if (!data)
			return -ENOMEM;
		if (dir & _IOC_WRITE) {
			if (copyin((const void __user *)arg, data, size)) {
				if (data != smalldata)
					kfree(data);
				return -EFAULT;
			}
		} else {
			memset(data, 0, size);
		}
	}
	int err = bsd_errno(dev->si_devsw->d_ioctl(dev, cmd, data, bsd_fflags(file), &td));
	if (!err && (dir & _IOC_READ) && copyout(data, (void __user *)arg, size))
		err = -EFAULT;
	if (data != smalldata && data != (caddr_t)&arg)
		kfree(data);
	return err;
}

static unsigned int bsd_poll(struct file *file, struct poll_table_struct *pt)
{
	(void)pt;
	struct cdev *dev = file_cdev(file);
	struct thread td = { current };
	int events = POLLIN | POLLPRI | POLLOUT | POLLRDNORM | POLLRDBAND | POLLWRNORM | POLLWRBAND;
	return (unsigned)dev->si_devsw->d_poll(dev, events, &td);
}

static const struct file_operations cdevsw_fops = {
	.open = bsd_open,
	.release = bsd_release,
	.read = bsd_read,
	.write = bsd_write,
	.unlocked_ioctl = bsd_ioctl,
	.poll = bsd_poll,
	.llseek = generic_file_llseek,
};

/* ---- make_dev ---- */

struct cdev *make_dev(struct cdevsw *devsw, int unit, uid_t uid, gid_t gid, int perms,
		      const char *fmt, ...)
{
	if (devsw->d_version != D_VERSION) {
		pr_warn("WARNING: Device driver \"%s\" has wrong version\n",
			devsw->d_name ? devsw->d_name : "?");
		return NULL;
	}
	if (unit < 0 || unit > 255)
		return NULL;
	struct cdev *dev = kzalloc(sizeof *dev);
	if (!dev)
		return NULL;
	cdev_init(dev, &cdevsw_fops);
	dev->si_devsw = devsw;
	va_list ap;
	va_start(ap, fmt);
	int len = kvsnprintf(dev->si_name, sizeof dev->si_name, fmt, ap);
	va_end(ap);
	if (len <= 0 || len > SPECNAMELEN)
		goto out_free;
	if (devsw->d_devcount == 0) {
		dev_t base;
		if (alloc_chrdev_region(&base, 0, 256, devsw->d_name))
			goto out_free;
		devsw->d_major = MAJOR(base);
		prep_cdevsw(devsw);
	}
	dev_t devno = MKDEV(devsw->d_major, (unsigned)unit);
	if (cdev_add(dev, devno, 1))
		goto out_region;
	if (chrdev_node_create(devno, uid, gid, (umode_t)perms, "%s", dev->si_name))
		goto out_map;
	devsw->d_devcount++;
	return dev;

out_map:
	cdev_del(dev);
out_region:
	if (devsw->d_devcount == 0)
		unregister_chrdev_region(MKDEV(devsw->d_major, 0), 256);
out_free:
	kfree(dev);
	return NULL;
}

void destroy_dev(struct cdev *dev)
{
	struct cdevsw *devsw = dev->si_devsw;
	chrdev_node_destroy(dev->dev);
	cdev_del(dev);
	kfree(dev);
	if (--devsw->d_devcount == 0)
		unregister_chrdev_region(MKDEV(devsw->d_major, 0), 256);
}

/* As FreeBSD: to the terminal of the process that caused the call, or to
 * the kernel log when it has none. */
int uprintf(const char *fmt, ...)
{
	char buf[256];
	va_list ap;
	va_start(ap, fmt);
	int n = kvsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	size_t len = MIN((size_t)n, sizeof(buf) - 1);
	lock_kernel();                  /* a driver's d_read/d_write/d_ioctl runs without it */
	if (current && current->ctty)
		n_tty_write(current->ctty, (struct tty_iobuf){ buf, false }, len, false);
	else
		printk(KERN_INFO "%s", buf);
	unlock_kernel();
	return (int)len;
}
