/* scull.h: what scull_main.c (the memory devices and the 'k' ioctls) and
 * scullpipe.c share, as LDD3's scull.h does: the pipes sit on scull's major
 * after its four minors and use the same ioctl method. */
#ifndef SCULL_H
#define SCULL_H

#include <linux/cdev.h>
#include <linux/device.h>
#include <linux/fs.h>

/* The size of a newly allocated pipe buffer: set by an ioctl under scull's
 * parameter semaphore; one int, so a reader needs no lock. */
extern int scull_p_buffer;

long scull_ioctl(struct file *filp, unsigned int cmd, unsigned long arg);
/* Registers scullpipe0..3 from firstdev on, their nodes in scull's class;
 * called by scull's init. */
int scull_p_init(dev_t firstdev, struct class *cls);
void scull_p_cleanup(void);
/* cdev_add of one device and device_create of its node "<name><i>" in cls. */
int scull_add_node(struct cdev *cdev, const struct file_operations *fops, dev_t devno,
		   struct class *cls, const char *name, int i);

#endif
