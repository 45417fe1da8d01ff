/* chrdev.h: the character-device switch table, Linux face. A driver claims a
 * range of device numbers under a name (register_chrdev_region,
 * alloc_chrdev_region; the names are what /proc/devices lists), attaches its
 * file_operations to numbers with a struct cdev (cdev_add), and makes /dev
 * nodes for them (chrdev_node_create). register_chrdev does all three for a whole
 * major. Opening a character node lands in def_chr_fops (file.h), which looks
 * the number up here and hands the file to the driver.
 *
 * Several drivers may share a major with disjoint minor ranges (major 4: tty
 * 1..63, ttyS 64..). The FreeBSD face (cdevsw.h) sits on this same table. */
#ifndef CHRDEV_H
#define CHRDEV_H

#include <stdbool.h>
#include <stdint.h>
#include "fs/file.h"
#include "list.h"

#define CHRDEV_MAJOR_MAX       256      /* majors 0..255 */
/* Dynamic majors are handed out from 254 down to 234, as Linux does, so
 * that they stay clear of the well-known static ones. */
#define CHRDEV_MAJOR_DYN_START 254
#define CHRDEV_MAJOR_DYN_END   234

#define SPECNAMELEN 63                  /* longest device or node name */

struct cdevsw;

/* Attaches file operations to count consecutive device numbers from dev. The
 * si_* fields belong to the FreeBSD face: make_dev() returns a struct cdev
 * too, and FreeBSD drivers keep their state in si_drv1/si_drv2. */
struct cdev {
	const struct file_operations *ops;
	dev_t dev;
	unsigned count;
	bool added;                     /* in the map between cdev_add and cdev_del */
	struct list_head list;

	struct cdevsw *si_devsw;
	void *si_drv1, *si_drv2;
	char si_name[SPECNAMELEN + 1];
};

static inline unsigned iminor(const struct inode *inode)
{
	return MINOR(inode->i_rdev);
}

static inline unsigned imajor(const struct inode *inode)
{
	return MAJOR(inode->i_rdev);
}

/* Claims minors [MINOR(from), MINOR(from) + count) of MAJOR(from) under name:
 * 0, -EBUSY if any of them is taken, -EINVAL for a range outside one major. */
int register_chrdev_region(dev_t from, unsigned count, const char *name);
/* The same on a free dynamic major: 0 and *dev = MKDEV(major, baseminor). */
int alloc_chrdev_region(dev_t *dev, unsigned baseminor, unsigned count, const char *name);
void unregister_chrdev_region(dev_t from, unsigned count);

void cdev_init(struct cdev *cdev, const struct file_operations *fops);
/* Puts cdev in the map for [dev, dev + count): opens of those numbers reach
 * cdev->ops. 0 or -EBUSY if a number already has a cdev. */
int cdev_add(struct cdev *cdev, dev_t dev, unsigned count);
void cdev_del(struct cdev *cdev);

/* The old one-call interface: minors 0..255 of major (0: pick a dynamic one)
 * under name, all served by fops, and the node /dev/<name> (minor 0, mode 0666
 * root:root). Returns 0 for a given major and the major for major 0, as Linux
 * does, or -EBUSY / -EINVAL / -ENOMEM. Unlike Linux, it makes the node itself:
 * there is no udev here, and docs/devices.md has registration create the node. */
int register_chrdev(unsigned major, const char *name, const struct file_operations *fops);
void unregister_chrdev(unsigned major, const char *name);

/* Makes the node /dev/<fmt...> for dev with that owner and permission bits,
 * as Linux's devtmpfs does for a device; chrdev_node_destroy removes the
 * nodes made for dev. The built-in drivers call it directly (the owners and
 * modes udev gives their nodes on Linux); modules go through Linux's
 * class_create and device_create (dev/device.h). */
int chrdev_node_create(dev_t dev, uint32_t uid, uint32_t gid, umode_t mode, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));
void chrdev_node_destroy(dev_t dev);

/* For /proc/devices: calls fn for each registered range in major order. */
void chrdev_for_each(void (*fn)(unsigned major, const char *name, void *arg), void *arg);

/* Hands an open file to a driver: installs fops with private_data, then calls
 * fops->open. Used by def_chr_fops and by multiplexers such as misc. */
int chrdev_open_with(struct inode *inode, struct file *file,
		     const struct file_operations *fops, void *private_data);

#endif
