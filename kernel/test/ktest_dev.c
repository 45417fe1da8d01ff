/* ktest_dev.c: in-kernel tests of the character-device switch table: number
 * ranges and their conflicts, dynamic majors, def_chr_fops' lookup (ENXIO,
 * minor ranges shared on one major), misc minors, the FreeBSD face's defaults
 * for NULL methods and its ioctl argument copies, and uiomove over several
 * iovecs. They open device nodes through stack inodes and files, so they
 * need no process of their own. */
#include "dev/cdevsw.h"
#include "dev/chrdev.h"
#include "kernel.h"
#include "test/ktest.h"
#include "dev/miscdevice.h"
#include "fs/poll.h"
#include "uaccess.h"
#include "errno.h"
#include "uapi/fcntl.h"
#include "uapi/ioctl.h"

/* Majors no driver here uses. */
#define KT_MAJOR  200
#define KT_MAJOR2 199

static int kt_opens;

static int kt_open(struct inode *inode, struct file *file)
{
	(void)inode, (void)file;
	kt_opens++;
	return 0;
}

static int kt_open_fail(struct inode *inode, struct file *file)
{
	(void)inode, (void)file;
	return -EIO;
}

static const struct file_operations kt_fops_a = { .open = kt_open };
static const struct file_operations kt_fops_b = { .open = kt_open };
static const struct file_operations kt_fops_fail = { .open = kt_open_fail };

/* Opens device number dev the way the VFS does for a character node. */
static int kt_open_dev(dev_t dev, struct file *file)
{
	static struct inode inode;
	memset(&inode, 0, sizeof inode);
	inode.i_rdev = dev;
	memset(file, 0, sizeof *file);
	file->f_op = &def_chr_fops;
	file->f_flags = O_RDWR;
	return file->f_op->open(&inode, file);
}

struct kt_seen {
	unsigned major;
	const char *name;
	int count;
};

static void kt_count_name(unsigned major, const char *name, void *arg)
{
	struct kt_seen *s = arg;
	if (major == s->major && (!s->name || strcmp(name, s->name) == 0))
		s->count++;
}

/* How many ranges major has under name (NULL: under any name). */
static int kt_listed(unsigned major, const char *name)
{
	struct kt_seen s = { major, name, 0 };
	chrdev_for_each(kt_count_name, &s);
	return s.count;
}

KTEST(chrdev_regions)
{
	KCHECK(register_chrdev_region(MKDEV(KT_MAJOR, 0), 64, "kt_low") == 0);
	KCHECK(register_chrdev_region(MKDEV(KT_MAJOR, 32), 64, "kt_overlap") == -EBUSY);
	KCHECK(register_chrdev_region(MKDEV(KT_MAJOR, 64), 64, "kt_high") == 0);
	KCHECK(register_chrdev(KT_MAJOR, "kt_whole", &kt_fops_a) == -EBUSY);
	KCHECK(register_chrdev_region(MKDEV(CHRDEV_MAJOR_MAX, 0), 1, "kt_bad") == -EINVAL);
	KCHECK(register_chrdev_region(MKDEV(KT_MAJOR2, 0), 0, "kt_empty") == -EINVAL);
	KCHECK(kt_listed(KT_MAJOR, "kt_low") == 1 && kt_listed(KT_MAJOR, "kt_high") == 1);
	KCHECK(kt_listed(KT_MAJOR, "kt_overlap") == 0);
	unregister_chrdev_region(MKDEV(KT_MAJOR, 0), 64);
	unregister_chrdev_region(MKDEV(KT_MAJOR, 64), 64);
	KCHECK(kt_listed(KT_MAJOR, "kt_low") == 0 && kt_listed(KT_MAJOR, "kt_high") == 0);
	KCHECK(register_chrdev(KT_MAJOR, "kt_whole", &kt_fops_a) == 0);
	KCHECK(kt_listed(KT_MAJOR, "kt_whole") == 1);
	struct file f;
	kt_opens = 0;
	KCHECK(kt_open_dev(MKDEV(KT_MAJOR, 17), &f) == 0 && f.f_op == &kt_fops_a && kt_opens == 1);
	unregister_chrdev(KT_MAJOR, "kt_whole");
	KCHECK(kt_listed(KT_MAJOR, "kt_whole") == 0);
	KCHECK(kt_open_dev(MKDEV(KT_MAJOR, 17), &f) == -ENXIO);
}

KTEST(chrdev_dynamic_majors)
{
	dev_t a, b;
	KCHECK(alloc_chrdev_region(&a, 0, 4, "kt_dyn_a") == 0);
	KCHECK(alloc_chrdev_region(&b, 2, 4, "kt_dyn_b") == 0);
	KCHECK(MAJOR(a) <= CHRDEV_MAJOR_DYN_START && MAJOR(a) >= CHRDEV_MAJOR_DYN_END);
	KCHECK(MAJOR(b) < MAJOR(a) && MAJOR(b) >= CHRDEV_MAJOR_DYN_END);
	KCHECK(MINOR(a) == 0 && MINOR(b) == 2);
	/* Handed out from the top: every major above a is taken. */
	bool above_taken = true;
	for (unsigned m = MAJOR(a) + 1; m <= CHRDEV_MAJOR_DYN_START; m++)
		above_taken &= kt_listed(m, NULL) > 0;
	KCHECK(above_taken);
	unregister_chrdev_region(a, 4);
	int c = register_chrdev(0, "kt_dyn_c", &kt_fops_a);
	KCHECK(c == (int)MAJOR(a));     /* the highest free one again */
	unregister_chrdev((unsigned)c, "kt_dyn_c");
	unregister_chrdev_region(b, 4);
}

KTEST(chrdev_enxio_and_minor_ranges)
{
	struct file f;
	KCHECK(kt_open_dev(MKDEV(KT_MAJOR2, 0), &f) == -ENXIO);
	KCHECK(f.f_op == &def_chr_fops);

	static struct cdev tty_like, ttys_like;
	KCHECK(register_chrdev_region(MKDEV(KT_MAJOR2, 1), 63, "kt_tty") == 0);
	KCHECK(register_chrdev_region(MKDEV(KT_MAJOR2, 64), 32, "kt_ttyS") == 0);
	cdev_init(&tty_like, &kt_fops_a);
	cdev_init(&ttys_like, &kt_fops_b);
	KCHECK(cdev_add(&tty_like, MKDEV(KT_MAJOR2, 1), 63) == 0);
	KCHECK(cdev_add(&ttys_like, MKDEV(KT_MAJOR2, 64), 32) == 0);
	KCHECK(cdev_add(&tty_like, MKDEV(KT_MAJOR2, 100), 1) == -EINVAL);   /* already added */
	KCHECK(kt_open_dev(MKDEV(KT_MAJOR2, 1), &f) == 0 && f.f_op == &kt_fops_a);
	KCHECK(f.private_data == &tty_like);
	KCHECK(kt_open_dev(MKDEV(KT_MAJOR2, 63), &f) == 0 && f.f_op == &kt_fops_a);
	KCHECK(kt_open_dev(MKDEV(KT_MAJOR2, 64), &f) == 0 && f.f_op == &kt_fops_b);
	KCHECK(kt_open_dev(MKDEV(KT_MAJOR2, 95), &f) == 0 && f.f_op == &kt_fops_b);
	KCHECK(kt_open_dev(MKDEV(KT_MAJOR2, 0), &f) == -ENXIO);
	KCHECK(kt_open_dev(MKDEV(KT_MAJOR2, 96), &f) == -ENXIO);
	cdev_del(&ttys_like);
	KCHECK(kt_open_dev(MKDEV(KT_MAJOR2, 64), &f) == -ENXIO);
	cdev_del(&tty_like);
	unregister_chrdev_region(MKDEV(KT_MAJOR2, 1), 63);
	unregister_chrdev_region(MKDEV(KT_MAJOR2, 64), 32);

	/* A driver whose open fails leaves the file as it found it. */
	KCHECK(register_chrdev(KT_MAJOR2, "kt_fail", &kt_fops_fail) == 0);
	KCHECK(kt_open_dev(MKDEV(KT_MAJOR2, 0), &f) == -EIO && f.f_op == &def_chr_fops);
	unregister_chrdev(KT_MAJOR2, "kt_fail");
}

KTEST(misc_minors)
{
	struct miscdevice a = { .minor = MISC_DYNAMIC_MINOR, .name = "kt_misc_a", .fops = &kt_fops_a };
	struct miscdevice b = { .minor = 200, .name = "kt_misc_b", .fops = &kt_fops_b };
	struct miscdevice c = { .minor = 200, .name = "kt_misc_c", .fops = &kt_fops_a };
	KCHECK(misc_register(&a) == 0 && a.minor != MISC_DYNAMIC_MINOR && a.minor <= 127);
	KCHECK(misc_register(&b) == 0);
	KCHECK(misc_register(&c) == -EBUSY);
	struct file f;
	KCHECK(kt_open_dev(MKDEV(MISC_MAJOR, 200), &f) == 0 && f.f_op == &kt_fops_b);
	KCHECK(f.private_data == &b);
	KCHECK(kt_open_dev(MKDEV(MISC_MAJOR, (unsigned)a.minor), &f) == 0 && f.f_op == &kt_fops_a);
	misc_deregister(&b);
	KCHECK(kt_open_dev(MKDEV(MISC_MAJOR, 200), &f) == -ENODEV);
	misc_deregister(&a);
}

KTEST(cdevsw_defaults)
{
	static struct cdevsw bare = { .d_version = D_VERSION, .d_name = "kt_bsd" };
	static struct cdevsw old = { .d_version = 0x20011966, .d_name = "kt_old" };
	KCHECK(make_dev(&old, 0, UID_ROOT, GID_WHEEL, 0600, "kt_old") == NULL);
	struct cdev *dev = make_dev(&bare, 3, UID_ROOT, GID_WHEEL, 0600, "kt_bsd%d", 3);
	KCHECK(dev != NULL);
	if (!dev)
		return;
	KCHECK(strcmp(dev->si_name, "kt_bsd3") == 0 && dev2unit(dev) == 3);
	KCHECK(kt_listed(bare.d_major, "kt_bsd") == 1);
	struct file f;
	KCHECK(kt_open_dev(dev->dev, &f) == 0);
	loff_t pos = 0;
	char buf[4];
	KCHECK(f.f_op->read(&f, buf, sizeof buf, &pos) == -ENODEV);
	KCHECK(f.f_op->write(&f, buf, sizeof buf, &pos) == -ENODEV);
	KCHECK(f.f_op->unlocked_ioctl(&f, _IO('k', 1), 0) == -ENODEV);
	KCHECK(f.f_op->poll(&f, NULL) == (POLLIN | POLLOUT | POLLRDNORM | POLLWRNORM));
	KCHECK(f.f_op->release(NULL, &f) == 0);
	KCHECK(kt_open_dev(MKDEV(bare.d_major, 4), &f) == -ENXIO);
	unsigned major = bare.d_major;
	destroy_dev(dev);
	KCHECK(kt_listed(major, "kt_bsd") == 0);
}

/* A d_ioctl that shows what the adapter handed it: for _IO commands (and
 * any of size 0) data points at the argument's value, for the others at a
 * kernel copy. */
static int kt_bsd_ioctl(struct cdev *dev, u_long cmd, caddr_t data, int fflag, struct thread *td)
{
	(void)dev, (void)fflag, (void)td;
	switch (cmd) {
	case _IO('t', 1):
		return *(unsigned long *)data == 42 ? 0 : EINVAL;
	case _IOW('t', 2, int):
		return *(int *)data == 7 ? 0 : EINVAL;
	case _IOR('t', 3, int):
		*(int *)data = 99;
		return 0;
	case _IOWR('t', 4, int):
		*(int *)data += 1;
		return 0;
	case _IOR('t', 5, int):
		*(int *)data = 5;
		return EBUSY;           /* a failed command copies nothing out */
	case _IOC(_IOC_WRITE, 't', 6, 0):
		return *(unsigned long *)data == 42 ? 0 : EINVAL;
	default:
		return ENOIOCTL;
	}
}

KTEST(cdevsw_ioctl_copies)
{
	static struct cdevsw sw = { .d_version = D_VERSION, .d_name = "kt_ioc", .d_ioctl = kt_bsd_ioctl };
	struct cdev *dev = make_dev(&sw, 0, UID_ROOT, GID_WHEEL, 0600, "kt_ioc");
	struct file f;
	KCHECK(dev && kt_open_dev(dev->dev, &f) == 0);
	if (!dev)
		return;
	long (*ioctl)(struct file *, unsigned int, unsigned long) = f.f_op->unlocked_ioctl;
	/* The adapter copies in and out as from user space; let it reach the stack. */
	bool saved = uaccess_kernel_begin();
	int in = 7, out = 0, inout = 10, untouched = -1;
	KCHECK(ioctl(&f, _IO('t', 1), 42) == 0);
	KCHECK(ioctl(&f, _IOW('t', 2, int), (unsigned long)&in) == 0);
	KCHECK(ioctl(&f, _IOR('t', 3, int), (unsigned long)&out) == 0 && out == 99);
	KCHECK(ioctl(&f, _IOWR('t', 4, int), (unsigned long)&inout) == 0 && inout == 11);
	KCHECK(ioctl(&f, _IOR('t', 5, int), (unsigned long)&untouched) == -EBUSY && untouched == -1);
	KCHECK(ioctl(&f, _IOC(_IOC_WRITE, 't', 6, 0), 42) == 0);      /* size 0: as _IO */
	KCHECK(ioctl(&f, _IO('t', 9), 0) == -ENOIOCTLCMD);
	KCHECK(ioctl(&f, _IOC(_IOC_READ, 't', 3, 16000), (unsigned long)&out) == -ENOTTY);
	uaccess_kernel_end(saved);
	KCHECK(ioctl(&f, _IOW('t', 2, int), (unsigned long)&in) == -EFAULT);   /* a kernel pointer */
	destroy_dev(dev);
}

KTEST(uiomove_iovecs)
{
	char a[3], b[5], c[4];
	struct iovec iov[4] = { { a, 3 }, { NULL, 0 }, { b, 5 }, { c, 4 } };
	struct uio uio = {
		.uio_iov = iov, .uio_iovcnt = 4, .uio_offset = 100, .uio_resid = 12,
		.uio_segflg = UIO_SYSSPACE, .uio_rw = UIO_READ,
	};
	const char *src = "0123456789ab";
	KCHECK(uiomove((void *)src, 10, &uio) == 0);
	KCHECK(memcmp(a, "012", 3) == 0 && memcmp(b, "34567", 5) == 0 && memcmp(c, "89", 2) == 0);
	KCHECK(uio.uio_resid == 2 && uio.uio_offset == 110);
	KCHECK(uio.uio_iov == &iov[3] && uio.uio_iovcnt == 1 && iov[3].iov_len == 2);
	KCHECK(uiomove((void *)(src + 10), 5, &uio) == 0);     /* only 2 fit */
	KCHECK(memcmp(c, "89ab", 4) == 0 && uio.uio_resid == 0 && uio.uio_offset == 112);

	char out[12] = { 0 };
	struct iovec wiov[3] = { { a, 3 }, { b, 5 }, { c, 4 } };
	struct uio w = {
		.uio_iov = wiov, .uio_iovcnt = 3, .uio_offset = 0, .uio_resid = 12,
		.uio_segflg = UIO_SYSSPACE, .uio_rw = UIO_WRITE,
	};
	KCHECK(uiomove(out, 7, &w) == 0 && uiomove(out + 7, 5, &w) == 0);
	KCHECK(memcmp(out, "0123456789ab", 12) == 0 && w.uio_resid == 0 && w.uio_offset == 12);
}
