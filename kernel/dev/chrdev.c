/* chrdev.c: the character-device switch table (see chrdev.h): the registered
 * number ranges with their names, the map from device numbers to struct cdev,
 * the /dev nodes drivers asked for, and def_chr_fops, through which every
 * open of a character node reaches its driver. */
#include "dev/chrdev.h"
#include "dev/devfs.h"
#include "kernel.h"
#include "module/module.h"
#include "mm/kmalloc.h"
#include "uapi/errno.h"
#include "uapi/stat.h"

/* A claimed range of minors of one major, under a name. */
struct chrdev_region {
	unsigned major, baseminor, count;
	struct cdev *cdev;              /* register_chrdev's own cdev, else NULL */
	struct list_head link;          /* in regions, by major then baseminor */
	char name[SPECNAMELEN + 1];
};

/* A node device_create made, remembered so device_destroy can find it. */
struct chrdev_node {
	dev_t dev;
	struct list_head link;
	char name[SPECNAMELEN + 1];
};

/* The switch table. Changed at driver initialisation and read at open, both
 * from process context only (no interrupt handler looks a device up); the
 * kernel is not preempted and nothing here sleeps, so no lock is needed. */
static struct list_head regions = LIST_HEAD_INIT(regions);
static struct list_head cdev_map = LIST_HEAD_INIT(cdev_map);
static struct list_head nodes = LIST_HEAD_INIT(nodes);

static bool ranges_overlap(unsigned a, unsigned alen, unsigned b, unsigned blen)
{
	return a < b + blen && b < a + alen;
}

static bool major_in_use(unsigned major)
{
	struct chrdev_region *r;
	list_for_each_entry(r, &regions, link)
		if (r->major == major)
			return true;
	return false;
}

static int find_dynamic_major(void)
{
	for (unsigned major = CHRDEV_MAJOR_DYN_START; major >= CHRDEV_MAJOR_DYN_END; major--)
		if (!major_in_use(major))
			return (int)major;
	return -EBUSY;
}

/* major 0 means "pick one". Returns the new region, or NULL with the error
 * in *err. */
static struct chrdev_region *region_add(unsigned major, unsigned baseminor, unsigned count,
					const char *name, int *err)
{
	*err = -EINVAL;
	if (!name || !count || major >= CHRDEV_MAJOR_MAX || baseminor > MINORMASK ||
	    count > MINORMASK + 1 - baseminor || strlen(name) > SPECNAMELEN)
		return NULL;
	if (major == 0) {
		int m = find_dynamic_major();
		*err = m;
		if (m < 0)
			return NULL;
		major = (unsigned)m;
	}
	struct chrdev_region *r, *pos;
	list_for_each_entry(pos, &regions, link) {
		if (pos->major == major &&
		    ranges_overlap(pos->baseminor, pos->count, baseminor, count)) {
			*err = -EBUSY;
			return NULL;
		}
	}
	r = kzalloc(sizeof *r);
	*err = -ENOMEM;
	if (!r)
		return NULL;
	r->major = major;
	r->baseminor = baseminor;
	r->count = count;
	strlcpy(r->name, name, sizeof r->name);
	list_for_each_entry(pos, &regions, link)
		if (pos->major > major || (pos->major == major && pos->baseminor > baseminor))
			break;
	list_add_tail(&r->link, &pos->link);
	*err = 0;
	return r;
}

static struct chrdev_region *region_find(unsigned major, unsigned baseminor, unsigned count)
{
	struct chrdev_region *r;
	list_for_each_entry(r, &regions, link)
		if (r->major == major && r->baseminor == baseminor && r->count == count)
			return r;
	return NULL;
}

static void region_free(struct chrdev_region *r)
{
	list_del(&r->link);
	kfree(r);
}

int register_chrdev_region(dev_t from, unsigned count, const char *name)
{
	int err;
	if (MAJOR(from) == 0)           /* 0 is not a major a driver may ask for */
		return -EINVAL;
	region_add(MAJOR(from), MINOR(from), count, name, &err);
	return err;
}

int alloc_chrdev_region(dev_t *dev, unsigned baseminor, unsigned count, const char *name)
{
	int err;
	struct chrdev_region *r = region_add(0, baseminor, count, name, &err);
	if (r)
		*dev = MKDEV(r->major, baseminor);
	return err;
}

void unregister_chrdev_region(dev_t from, unsigned count)
{
	struct chrdev_region *r = region_find(MAJOR(from), MINOR(from), count);
	if (r)
		region_free(r);
}

void cdev_init(struct cdev *cdev, const struct file_operations *fops)
{
	memset(cdev, 0, sizeof *cdev);
	cdev->ops = fops;
	list_init(&cdev->list);
}

int cdev_add(struct cdev *cdev, dev_t dev, unsigned count)
{
	if (!count || cdev->added)
		return -EINVAL;
	struct cdev *c;
	list_for_each_entry(c, &cdev_map, list)
		if (MAJOR(c->dev) == MAJOR(dev) &&
		    ranges_overlap(MINOR(c->dev), c->count, MINOR(dev), count))
			return -EBUSY;
	cdev->dev = dev;
	cdev->count = count;
	cdev->added = true;
	list_add_tail(&cdev->list, &cdev_map);
	return 0;
}

void cdev_del(struct cdev *cdev)
{
	if (!cdev->added)
		return;
	list_del(&cdev->list);
	cdev->added = false;
}

static struct cdev *cdev_lookup(dev_t dev)
{
	struct cdev *c;
	list_for_each_entry(c, &cdev_map, list)
		if (MAJOR(c->dev) == MAJOR(dev) && MINOR(dev) - MINOR(c->dev) < c->count)
			return c;
	return NULL;
}

int chrdev_node_create(dev_t dev, uint32_t uid, uint32_t gid, umode_t mode, const char *fmt, ...)
{
	struct chrdev_node *n = kzalloc(sizeof *n);
	if (!n)
		return -ENOMEM;
	va_list ap;
	va_start(ap, fmt);
	int len = kvsnprintf(n->name, sizeof n->name, fmt, ap);
	va_end(ap);
	int err = -ENAMETOOLONG;
	if (len > 0 && len <= SPECNAMELEN)
		err = devfs_create(n->name, dev, uid, gid, S_IFCHR | (mode & 07777));
	else if (len <= 0)
		err = -EINVAL;
	if (err) {
		kfree(n);
		return err;
	}
	n->dev = dev;
	list_add_tail(&n->link, &nodes);
	return 0;
}

void chrdev_node_destroy(dev_t dev)
{
	struct chrdev_node *n, *tmp;
	list_for_each_entry_safe(n, tmp, &nodes, link) {
		if (n->dev != dev)
			continue;
		devfs_remove(n->name);
		list_del(&n->link);
		kfree(n);
	}
}

int register_chrdev(unsigned major, const char *name, const struct file_operations *fops)
{
	int err;
	struct chrdev_region *r = region_add(major, 0, 256, name, &err);
	if (!r)
		return err;
	r->cdev = kzalloc(sizeof *r->cdev);
	if (!r->cdev) {
		err = -ENOMEM;
		goto out_region;
	}
	cdev_init(r->cdev, fops);
	err = cdev_add(r->cdev, MKDEV(r->major, 0), 256);
	if (err)
		goto out_cdev;
	err = chrdev_node_create(MKDEV(r->major, 0), 0, 0, 0666, "%s", name);
	if (err)
		goto out_map;
	return major ? 0 : (int)r->major;

out_map:
	cdev_del(r->cdev);
out_cdev:
	kfree(r->cdev);
out_region:
	region_free(r);
	return err;
}

void unregister_chrdev(unsigned major, const char *name)
{
	struct chrdev_region *r = region_find(major, 0, 256);
	if (!r || !r->cdev || strcmp(r->name, name) != 0)
		return;
	chrdev_node_destroy(MKDEV(major, 0));
	cdev_del(r->cdev);
	kfree(r->cdev);
	region_free(r);
}

void chrdev_for_each(void (*fn)(unsigned major, const char *name, void *arg), void *arg)
{
	struct chrdev_region *r;
	list_for_each_entry(r, &regions, link)
		fn(r->major, r->name, arg);
}

int chrdev_open_with(struct inode *inode, struct file *file,
		     const struct file_operations *fops, void *private_data)
{
	const struct file_operations *old_fops = file->f_op;
	void *old_private = file->private_data;
	/* The file pins the driver's module until its last fput (file.c). */
	if (!try_module_get(fops->owner))
		return -ENXIO;
	file->f_op = fops;
	file->private_data = private_data;
	int err = fops->open ? fops->open(inode, file) : 0;
	if (err) {
		/* A driver whose open failed must not see a release. */
		file->f_op = old_fops;
		file->private_data = old_private;
		module_put(fops->owner);
	} else if (old_fops) {
		module_put(old_fops->owner);
	}
	return err;
}

/* As Linux's chrdev_open: inode->i_cdev is the cdev, so a driver finds its
 * own structure around it with container_of. private_data also starts as the
 * cdev, for the FreeBSD face (cdevsw.c); Linux starts it as NULL. */
static int chrdev_open(struct inode *inode, struct file *file)
{
	struct cdev *c = cdev_lookup(inode->i_rdev);
	if (!c)
		return -ENXIO;
	inode->i_cdev = c;
	return chrdev_open_with(inode, file, c->ops, c);
}

const struct file_operations def_chr_fops = {
	.open = chrdev_open,
};
