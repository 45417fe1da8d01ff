/* scull_main.c: LDD3's scull [seed 004]: /dev/scull0..3 are memory areas made of
 * quanta (quantum bytes each) hung off a list of qsets (qset quanta each).
 * read, write and llseek work anywhere in the area; opening write-only
 * truncates it. The 'k' ioctls (uapi/scull.h) set and query the quantum and
 * qset a device takes at its next truncation, and scullpipe's buffer size.
 * Each device has a semaphore held around its methods, as LDD3's (taken
 * with down_interruptible, so a signal ends the wait with -ERESTARTSYS): a
 * copy from or to user space may sleep, and a process on another CPU must
 * not see the area half-changed meanwhile. The ioctls change parameters all
 * devices share, under a semaphore of their own (scull_param_sem), so that
 * the exchange and shift forms read and write them in one step. */
#include <linux/capability.h>
#include <linux/cdev.h>
#include <linux/fcntl.h>
#include <linux/module.h>
#include <linux/semaphore.h>
#include <linux/slab.h>
#include <linux/uaccess.h>
#include "scull.h"
#include "uapi/scull.h"

struct scull_qset {
	void **data;
	struct scull_qset *next;
};

struct scull_dev {
	struct scull_qset *data;        /* the first qset */
	int quantum;
	int qset;
	unsigned long size;             /* bytes stored */
	struct semaphore sem;           /* everything above */
	struct cdev cdev;
};

#define SCULL_MAX_PARAM (1 << 24)
/* Writes beyond these fail with EFBIG rather than overflow size or chain
 * millions of qsets. */
#define SCULL_MAX_SIZE ((loff_t)1 << 31)
#define SCULL_MAX_ITEMS (1 << 16)

/* The parameters, under scull_param_sem; taken after a device's sem. */
static int scull_quantum = SCULL_QUANTUM;
static int scull_qset = SCULL_QSET;
int scull_p_buffer = SCULL_P_BUFFER;
static DEFINE_SEMAPHORE(scull_param_sem);

static struct scull_dev scull_devices[SCULL_NR_DEVS];
static struct class *scull_class;

/* Frees the whole area and picks up the current quantum and qset. */
static void scull_trim(struct scull_dev *dev)
{
	struct scull_qset *dptr, *next;
	for (dptr = dev->data; dptr; dptr = next) {
		if (dptr->data) {
			for (int i = 0; i < dev->qset; i++)
				kfree(dptr->data[i]);
			kfree(dptr->data);
		}
		next = dptr->next;
		kfree(dptr);
	}
	dev->size = 0;
	down(&scull_param_sem);
	dev->quantum = scull_quantum;
	dev->qset = scull_qset;
	up(&scull_param_sem);
	dev->data = NULL;
}

static int scull_open(struct inode *inode, struct file *filp)
{
	struct scull_dev *dev = container_of(inode->i_cdev, struct scull_dev, cdev);
	filp->private_data = dev;
	if ((filp->f_flags & O_ACCMODE) == O_WRONLY) {
		if (down_interruptible(&dev->sem))
			return -ERESTARTSYS;
		scull_trim(dev);
		up(&dev->sem);
	}
	return 0;
}

/* The n-th qset, allocating empty ones on the way. */
static struct scull_qset *scull_follow(struct scull_dev *dev, unsigned long n)
{
	struct scull_qset **link = &dev->data;
	for (;;) {
		if (!*link) {
			*link = kzalloc(sizeof(struct scull_qset), GFP_KERNEL);
			if (!*link)
				return NULL;
		}
		if (n-- == 0)
			return *link;
		link = &(*link)->next;
	}
}

/* Where byte pos lives: qset number, quantum in it, offset in that. */
struct scull_pos {
	unsigned long item;
	int s_pos, q_pos;
};

/* pos is below SCULL_MAX_SIZE, so 32-bit divisions do (a 64-bit one would
 * need libgcc, which Linux modules do not get). */
static struct scull_pos scull_locate(const struct scull_dev *dev, unsigned long pos)
{
	unsigned long quantum_nr = pos / (unsigned long)dev->quantum;
	return (struct scull_pos){ quantum_nr / (unsigned long)dev->qset,
				   (int)(quantum_nr % (unsigned long)dev->qset),
				   (int)(pos % (unsigned long)dev->quantum) };
}

/* Reads at most up to the end of the quantum *f_pos is in. */
static ssize_t scull_read_locked(struct scull_dev *dev, char __user *buf, size_t count,
				 loff_t *f_pos)
{
	if (*f_pos < 0 || *f_pos >= (loff_t)dev->size)
		return 0;
	if (*f_pos + (loff_t)count > (loff_t)dev->size)
		count = (size_t)(dev->size - *f_pos);
	struct scull_pos p = scull_locate(dev, (unsigned long)*f_pos);
	struct scull_qset *dptr = dev->data;
	for (unsigned long i = 0; dptr && i < p.item; i++)
		dptr = dptr->next;
	/* Holes (never written) read as end of data, as in LDD3. */
	if (!dptr || !dptr->data || !dptr->data[p.s_pos])
		return 0;
	count = min_t(size_t, count, (size_t)(dev->quantum - p.q_pos));
	if (copy_to_user(buf, (char *)dptr->data[p.s_pos] + p.q_pos, count))
		return -EFAULT;
	*f_pos += (loff_t)count;
	return (ssize_t)count;
}

/* Writes at most up to the end of the quantum *f_pos is in. */
static ssize_t scull_write_locked(struct scull_dev *dev, const char __user *buf, size_t count,
				  loff_t *f_pos)
{
	if (*f_pos < 0)
		return -EINVAL;
	if (*f_pos >= SCULL_MAX_SIZE)
		return -EFBIG;
	struct scull_pos p = scull_locate(dev, (unsigned long)*f_pos);
	if (p.item >= SCULL_MAX_ITEMS)
		return -EFBIG;
	struct scull_qset *dptr = scull_follow(dev, p.item);
	if (!dptr)
		return -ENOMEM;
	if (!dptr->data) {
		dptr->data = kzalloc((size_t)dev->qset * sizeof(char *), GFP_KERNEL);
		if (!dptr->data)
			return -ENOMEM;
	}
	if (!dptr->data[p.s_pos]) {
		dptr->data[p.s_pos] = kmalloc((size_t)dev->quantum, GFP_KERNEL);
		if (!dptr->data[p.s_pos])
			return -ENOMEM;
	}
	count = min_t(size_t, count, (size_t)(dev->quantum - p.q_pos));
	if (copy_from_user((char *)dptr->data[p.s_pos] + p.q_pos, buf, count))
		return -EFAULT;
	*f_pos += (loff_t)count;
	if ((unsigned long)*f_pos > dev->size)
		dev->size = (unsigned long)*f_pos;
	return (ssize_t)count;
}

static ssize_t scull_read(struct file *filp, char __user *buf, size_t count, loff_t *f_pos)
{
	struct scull_dev *dev = filp->private_data;
	if (down_interruptible(&dev->sem))
		return -ERESTARTSYS;
	ssize_t ret = scull_read_locked(dev, buf, count, f_pos);
	up(&dev->sem);
	return ret;
}

static ssize_t scull_write(struct file *filp, const char __user *buf, size_t count,
			   loff_t *f_pos)
{
	struct scull_dev *dev = filp->private_data;
	if (down_interruptible(&dev->sem))
		return -ERESTARTSYS;
	ssize_t ret = scull_write_locked(dev, buf, count, f_pos);
	up(&dev->sem);
	return ret;
}

static loff_t scull_llseek(struct file *filp, loff_t off, int whence)
{
	struct scull_dev *dev = filp->private_data;
	return generic_file_llseek_size(filp, off, whence, S64_MAX, (loff_t)dev->size);
}

static bool scull_admin(void)
{
	return capable(CAP_SYS_ADMIN);
}

/* LDD3 lets any value through; here a quantum or qset of 0 (a division by
 * zero at the next read or write) or one whose allocation size would
 * overflow is refused. */
static int scull_set(int *var, int value)
{
	if (value <= 0 || value > SCULL_MAX_PARAM)
		return -EINVAL;
	*var = value;
	return 0;
}

/* The S, T, X and H forms for one variable (the quantum or the qset). */
static long scull_ioctl_var(unsigned int nr, int *var, unsigned long arg)
{
	int __user *uarg = (int __user *)arg;
	int tmp, old = *var;
	long retval;
	if (!scull_admin())
		return -EPERM;
	switch (nr) {
	case 1: case 2:                         /* Set */
		if ((retval = get_user(tmp, uarg)))
			return retval;
		return scull_set(var, tmp);
	case 3: case 4:                         /* Tell */
		return scull_set(var, (int)arg);
	case 9: case 10:                        /* eXchange */
		if ((retval = get_user(tmp, uarg)) || (retval = scull_set(var, tmp)))
			return retval;
		if ((retval = put_user(old, uarg)))
			*var = old;
		return retval;
	default:                                /* sHift */
		if ((retval = scull_set(var, (int)arg)))
			return retval;
		return old;
	}
}

static long scull_ioctl_locked(unsigned int cmd, unsigned long arg)
{
	switch (cmd) {
	case SCULL_IOCRESET:
		scull_quantum = SCULL_QUANTUM;
		scull_qset = SCULL_QSET;
		return 0;
	case SCULL_IOCSQUANTUM: case SCULL_IOCTQUANTUM:
	case SCULL_IOCXQUANTUM: case SCULL_IOCHQUANTUM:
		return scull_ioctl_var(_IOC_NR(cmd), &scull_quantum, arg);
	case SCULL_IOCSQSET: case SCULL_IOCTQSET:
	case SCULL_IOCXQSET: case SCULL_IOCHQSET:
		return scull_ioctl_var(_IOC_NR(cmd), &scull_qset, arg);
	case SCULL_IOCGQUANTUM:
		return put_user(scull_quantum, (int __user *)arg);
	case SCULL_IOCGQSET:
		return put_user(scull_qset, (int __user *)arg);
	case SCULL_IOCQQUANTUM:
		return scull_quantum;
	case SCULL_IOCQQSET:
		return scull_qset;
	case SCULL_P_IOCTSIZE:          /* a Tell, so privileged like the others */
		if (!scull_admin())
			return -EPERM;
		return scull_set(&scull_p_buffer, (int)arg);
	case SCULL_P_IOCQSIZE:
		return scull_p_buffer;
	default:        /* a right number with the wrong direction or size */
		return -ENOTTY;
	}
}

long scull_ioctl(struct file *filp, unsigned int cmd, unsigned long arg)
{
	(void)filp;
	/* Wrong type or number: ENOTTY before anything else, as LDD3. */
	if (_IOC_TYPE(cmd) != SCULL_IOC_MAGIC || _IOC_NR(cmd) > SCULL_IOC_MAXNR)
		return -ENOTTY;
	/* The direction is the user's view: _IOC_READ means the kernel writes. */
	if (_IOC_DIR(cmd) != _IOC_NONE && !access_ok((void __user *)arg, _IOC_SIZE(cmd)))
		return -EFAULT;
	if (down_interruptible(&scull_param_sem))
		return -ERESTARTSYS;
	long ret = scull_ioctl_locked(cmd, arg);
	up(&scull_param_sem);
	return ret;
}

static const struct file_operations scull_fops = {
	.owner = THIS_MODULE,
	.llseek = scull_llseek,
	.read = scull_read,
	.write = scull_write,
	.unlocked_ioctl = scull_ioctl,
	.open = scull_open,
};

/* Anyone may open the nodes, as LDD3's scull_load makes them 0664 for a
 * group; devtmpfs would make them root's 0600. */
static char *scull_devnode(struct device *dev, umode_t *mode)
{
	(void)dev;
	*mode = 0666;
	return NULL;
}

int scull_add_node(struct cdev *cdev, const struct file_operations *fops, dev_t devno,
		   struct class *cls, const char *name, int i)
{
	cdev_init(cdev, fops);
	int result = cdev_add(cdev, devno, 1);
	if (result)
		return result;
	struct device *node = device_create(cls, NULL, devno, NULL, "%s%d", name, i);
	return IS_ERR(node) ? (int)PTR_ERR(node) : 0;
}

static int scull_init_module(void)
{
	dev_t dev;
	int result = alloc_chrdev_region(&dev, 0, SCULL_NR_DEVS, "scull");
	if (result < 0) {
		pr_err("scull: can't get a major\n");
		return result;
	}
	scull_class = class_create(THIS_MODULE, "scull");
	if (IS_ERR(scull_class))
		return (int)PTR_ERR(scull_class);
	scull_class->devnode = scull_devnode;
	for (int i = 0; i < SCULL_NR_DEVS && !result; i++) {
		struct scull_dev *d = &scull_devices[i];
		d->quantum = scull_quantum;
		d->qset = scull_qset;
		sema_init(&d->sem, 1);
		result = scull_add_node(&d->cdev, &scull_fops,
					MKDEV(MAJOR(dev), MINOR(dev) + (unsigned)i), scull_class, "scull", i);
	}
	if (!result)
		result = scull_p_init(MKDEV(MAJOR(dev), MINOR(dev) + SCULL_NR_DEVS), scull_class);
	return result;
}
static void scull_cleanup_module(void)
{
	dev_t first = scull_devices[0].cdev.dev;
	scull_p_cleanup();
	for (int i = 0; i < SCULL_NR_DEVS; i++) {
		device_destroy(scull_class, first + (dev_t)i);
		cdev_del(&scull_devices[i].cdev);
		scull_trim(&scull_devices[i]);
	}
	class_destroy(scull_class);
	unregister_chrdev_region(first, SCULL_NR_DEVS);
}

module_init(scull_init_module);
module_exit(scull_cleanup_module);
MODULE_LICENSE("Dual BSD/GPL");
