/* sysfs.h: /sys as Linux drivers know it: kobjects are directories,
 * attributes are files whose read calls show() and whose write calls store(),
 * both on a page-sized kernel buffer. kernel_kobj is /sys/kernel. */
#ifndef SYSFS_H
#define SYSFS_H

#include "fs/file.h"

struct kobject {
	char *name;
	struct kobject *parent;
	struct inode *dir;
	int refcount;
};

struct attribute {
	const char *name;
	umode_t mode;
};

struct kobj_attribute {
	struct attribute attr;
	ssize_t (*show)(struct kobject *kobj, struct kobj_attribute *attr, char *buf);
	ssize_t (*store)(struct kobject *kobj, struct kobj_attribute *attr, const char *buf, size_t count);
};

#define __ATTR(_name, _mode, _show, _store) \
	{ .attr = { .name = #_name, .mode = (_mode) }, .show = (_show), .store = (_store) }
#define __ATTR_RO(_name) __ATTR(_name, 0444, _name##_show, NULL)
#define __ATTR_WO(_name) __ATTR(_name, 0200, NULL, _name##_store)
#define __ATTR_RW(_name) __ATTR(_name, 0644, _name##_show, _name##_store)

extern struct kobject *kernel_kobj;

/* A directory name below parent (NULL: /sys), with one reference; NULL on failure. */
struct kobject *kobject_create_and_add(const char *name, struct kobject *parent);
struct kobject *kobject_get(struct kobject *kobj);
/* Drops a reference; the last one removes the directory and its files. */
void kobject_put(struct kobject *kobj);
int sysfs_create_file(struct kobject *kobj, const struct attribute *attr);
/* What a show() method returns: the formatted text in its page-sized buf. */
int sysfs_emit(char *buf, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void sysfs_remove_file(struct kobject *kobj, const struct attribute *attr);

/* Builds /sys and /sys/kernel (vfs_init calls it). */
void sysfs_init(void);

#endif
