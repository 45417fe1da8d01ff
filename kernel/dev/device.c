/* device.c: Linux's class_create / device_create for modules (device.h), on
 * top of the node table of chrdev.c. The mode a class's devnode callback
 * gives is the node's mode, as devtmpfs makes it on Linux; without one the
 * node is devtmpfs's root:root 0600. */
#include "dev/device.h"
#include "dev/chrdev.h"
#include "bug.h"
#include "kernel.h"
#include "mm/kmalloc.h"
#include "uapi/errno.h"

struct class *class_create(struct module *owner, const char *name)
{
	if (!name)
		return ERR_PTR(-EINVAL);
	struct class *cls = kzalloc(sizeof *cls);
	if (!cls)
		return ERR_PTR(-ENOMEM);
	cls->name = name;
	cls->owner = owner;
	list_init(&cls->devices);
	return cls;
}

void class_destroy(struct class *cls)
{
	if (!cls || IS_ERR(cls))
		return;
	WARN_ON(!list_empty(&cls->devices));
	kfree(cls);
}

/* The node's mode and name: what devnode says, else 0600 and the device's name. */
static int device_add_node(struct device *dev)
{
	umode_t mode = 0;
	char *name = dev->class->devnode ? dev->class->devnode(dev, &mode) : NULL;
	int err = chrdev_node_create(dev->devt, 0, 0, mode ? mode : 0600, "%s", name ? name : dev->name);
	kfree(name);
	return err;
}

struct device *device_create(struct class *cls, struct device *parent, dev_t devt, void *drvdata,
			     const char *fmt, ...)
{
	if (!cls || IS_ERR(cls))
		return ERR_PTR(-EINVAL);
	struct device *dev = kzalloc(sizeof *dev);
	if (!dev)
		return ERR_PTR(-ENOMEM);
	va_list ap;
	va_start(ap, fmt);
	int len = kvsnprintf(dev->name, sizeof dev->name, fmt, ap);
	va_end(ap);
	int err = len <= 0 ? -EINVAL : len >= DEVICE_NAME_MAX ? -ENAMETOOLONG : 0;
	dev->class = cls;
	dev->parent = parent;
	dev->devt = devt;
	dev->driver_data = drvdata;
	if (!err)
		err = device_add_node(dev);
	if (err) {
		kfree(dev);
		return ERR_PTR(err);
	}
	list_add_tail(&dev->node, &cls->devices);
	return dev;
}

void device_destroy(struct class *cls, dev_t devt)
{
	struct device *dev;
	list_for_each_entry(dev, &cls->devices, node) {
		if (dev->devt != devt)
			continue;
		chrdev_node_destroy(devt);
		list_del(&dev->node);
		kfree(dev);
		return;
	}
}
