/* device.h: Linux's device classes, as far as character drivers use them to
 * get their /dev nodes: class_create gives a class whose devnode callback may
 * set the mode of the nodes made for it, device_create makes a struct device
 * and its node, device_destroy removes them. No sysfs /sys/class tree is
 * built; the node is all a device is here (docs/drivers.md). */
#ifndef DEV_DEVICE_H
#define DEV_DEVICE_H

#include "err.h"
#include "fs/file.h"
#include "list.h"

#define DEVICE_NAME_MAX 64

struct device;

struct class {
	const char *name;
	struct module *owner;
	/* As in Linux 6.1: may set *mode (devtmpfs uses 0600 otherwise) and may
	 * return a kmalloc'd node name, which the caller frees. */
	char *(*devnode)(struct device *dev, umode_t *mode);
	struct list_head devices;       /* what device_create made for it */
};

struct device {
	struct class *class;
	struct device *parent;
	dev_t devt;
	void *driver_data;
	struct list_head node;          /* in class->devices */
	char name[DEVICE_NAME_MAX];
};

/* The class, or ERR_PTR(-ENOMEM / -EINVAL). Linux 6.1's class_create
 * still takes the owner (6.4 dropped it). */
struct class *class_create(struct module *owner, const char *name);
/* Destroys the class; its devices must be gone. NULL and error pointers
 * are ignored, as in Linux. */
void class_destroy(struct class *cls);

/* The device and its node /dev/<name> (mode from cls->devnode, else 0600,
 * root:root), or ERR_PTR: -EINVAL, -ENOMEM, -ENAMETOOLONG, -EEXIST. */
struct device *device_create(struct class *cls, struct device *parent, dev_t devt, void *drvdata,
			     const char *fmt, ...) __attribute__((format(printf, 5, 6)));
/* Removes the device cls has for devt and its node. */
void device_destroy(struct class *cls, dev_t devt);

static inline void *dev_get_drvdata(const struct device *dev)
{
	return dev->driver_data;
}

static inline void dev_set_drvdata(struct device *dev, void *data)
{
	dev->driver_data = data;
}

static inline const char *dev_name(const struct device *dev)
{
	return dev->name;
}

#endif
