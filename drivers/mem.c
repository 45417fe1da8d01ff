/* mem.c: the memory devices of major 1 ("mem"), with Linux's minors:
 * /dev/null (3), /dev/zero (5), /dev/full (7), /dev/random (8),
 * /dev/urandom (9, both with Linux's RND* ioctls) and /dev/kmsg (11, write-only here).
 * One cdev covers the major; its open picks the minor's file_operations, as
 * Linux's memory_open does. /dev/zero can be mapped: anonymous memory. */
#include "dev/chrdev.h"
#include "initcall.h"
#include "kernel.h"
#include "mm/vma.h"
#include "random.h"
#include "uaccess.h"
#include "proc.h"
#include "uapi/capability.h"
#include "uapi/errno.h"
#include "uapi/random.h"

#define MEM_MAJOR 1
#define POOL_BITS 256                   /* Linux's input pool */

/* null ignores the buffer entirely: a bad pointer still "succeeds", as on Linux. */
static ssize_t read_null(struct file *file, char __user *buf, size_t count, loff_t *pos)
{
	(void)file, (void)buf, (void)count, (void)pos;
	return 0;
}

static ssize_t write_null(struct file *file, const char __user *buf, size_t count, loff_t *pos)
{
	(void)file, (void)buf, (void)pos;
	return (ssize_t)count;
}

static ssize_t write_full(struct file *file, const char __user *buf, size_t count, loff_t *pos)
{
	(void)file, (void)buf, (void)count, (void)pos;
	return -ENOSPC;
}

/* The devices are endless: every offset is as good as any other. */
static loff_t null_lseek(struct file *file, loff_t offset, int whence)
{
	(void)offset, (void)whence;
	return file->f_pos = 0;
}

/* Fills the user buffer chunk by chunk from fill(); a fault part-way gives
 * the bytes already copied, a fault on the first byte EFAULT. */
static ssize_t read_generated(char __user *buf, size_t count, void (*fill)(void *, size_t))
{
	char chunk[256];
	size_t done = 0;
	while (done < count) {
		size_t n = MIN(count - done, sizeof chunk);
		fill(chunk, n);
		size_t left = copy_to_user(buf + done, chunk, n);
		done += n - left;
		if (left)
			return done ? (ssize_t)done : -EFAULT;
	}
	return (ssize_t)done;
}

/* Zeroes the user buffer in place: no kernel buffer to fill and copy. */
static ssize_t read_zero(struct file *file, char __user *buf, size_t count, loff_t *pos)
{
	(void)file, (void)pos;
	size_t left = clear_user(buf, count);
	if (left == count && count)
		return -EFAULT;
	return (ssize_t)(count - left);
}

static ssize_t read_random(struct file *file, char __user *buf, size_t count, loff_t *pos)
{
	(void)file, (void)pos;
	return read_generated(buf, count, get_random_bytes);
}

/* As on Linux, each write is one line of the kernel log (a longer one is cut),
 * at the level a leading "<N>" gives (syslog's priority, facility * 8 + level)
 * or the default: init marks there where each test starts, so the harness can
 * tell which test a driver's messages belong to. */
static ssize_t write_kmsg(struct file *file, const char __user *buf, size_t count, loff_t *pos)
{
	(void)file, (void)pos;
	char line[256];
	size_t n = MIN(count, sizeof(line) - 2);
	if (n == 0)
		return 0;
	if (copy_from_user(line, buf, n))
		return -EFAULT;
	if (line[n - 1] != '\n')
		line[n++] = '\n';
	line[n] = '\0';
	const char *text = line;
	unsigned long level = LOGLEVEL_DEFAULT;
	if (line[0] == '<') {
		char *end;
		unsigned long pri = strtoul(line + 1, &end, 10);
		if (end > line + 1 && *end == '>') {
			level = pri & 7;
			text = end + 1;
		}
	}
	printk(KERN_SOH "%c%s", (char)('0' + level), text);
	return (ssize_t)count;
}

/* Linux's mmap_zero: a mapping of /dev/zero is anonymous memory, private or
 * shared as asked (fork shares a MAP_SHARED one). */
static int mmap_zero(struct file *file, struct vm_area *vma)
{
	(void)file;
	vma->vm_file = NULL;
	vma->vm_pgoff = 0;
	return 0;
}

static const struct file_operations null_fops = {
	.read = read_null, .write = write_null, .llseek = null_lseek,
};
static const struct file_operations zero_fops = {
	.read = read_zero, .write = write_null, .llseek = null_lseek, .mmap = mmap_zero,
};
static const struct file_operations full_fops = {
	.read = read_zero, .write = write_full, .llseek = null_lseek,
};
/* Linux's random_ioctl: the pool is always initialized, so it counts its
 * full 256 bits; what adds entropy or resets takes CAP_SYS_ADMIN and (the
 * generator being seeded at boot) changes nothing. */
static long random_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	(void)file;
	int __user *p = (int __user *)arg;
	int n;
	switch (cmd) {
	case RNDGETENTCNT:
		return put_user(POOL_BITS, p);
	case RNDADDTOENTCNT:
	case RNDADDENTROPY:
		if (!capable(CAP_SYS_ADMIN))
			return -EPERM;
		if (get_user(n, p))
			return -EFAULT;
		return n < 0 ? -EINVAL : 0;
	case RNDZAPENTCNT:
	case RNDCLEARPOOL:
	case RNDRESEEDCRNG:
		return capable(CAP_SYS_ADMIN) ? 0 : -EPERM;
	default:
		return -EINVAL;
	}
}

/* Linux mixes what is written into the pool; here it is accepted and dropped. */
static const struct file_operations random_fops = {
	.read = read_random, .write = write_null, .llseek = null_lseek, .unlocked_ioctl = random_ioctl,
};

static const struct file_operations kmsg_fops = {
	.write = write_kmsg,
};

static const struct memdev {
	const char *name;
	unsigned minor;
	const struct file_operations *fops;
	umode_t mode;
} devlist[] = {
	{ "null", 3, &null_fops, 0666 },
	{ "zero", 5, &zero_fops, 0666 },
	{ "full", 7, &full_fops, 0666 },
	{ "random", 8, &random_fops, 0666 },
	{ "urandom", 9, &random_fops, 0666 },
	{ "kmsg", 11, &kmsg_fops, 0644 },
};

static int memory_open(struct inode *inode, struct file *file)
{
	for (size_t i = 0; i < ARRAY_SIZE(devlist); i++)
		if (devlist[i].minor == iminor(inode))
			return chrdev_open_with(inode, file, devlist[i].fops, NULL);
	return -ENXIO;
}

static const struct file_operations memory_fops = {
	.open = memory_open,
};

static struct cdev mem_cdev;

static int chr_dev_init(void)
{
	int err = register_chrdev_region(MKDEV(MEM_MAJOR, 0), 256, "mem");
	if (err)
		return err;
	cdev_init(&mem_cdev, &memory_fops);
	err = cdev_add(&mem_cdev, MKDEV(MEM_MAJOR, 0), 256);
	for (size_t i = 0; i < ARRAY_SIZE(devlist) && !err; i++)
		err = chrdev_node_create(MKDEV(MEM_MAJOR, devlist[i].minor), 0, 0, devlist[i].mode,
					 "%s", devlist[i].name);
	return err;
}
device_initcall(chr_dev_init);
