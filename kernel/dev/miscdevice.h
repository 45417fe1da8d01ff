/* miscdevice.h: misc devices, as in Linux: small drivers that need one node
 * each share major 10 ("misc") and are told apart by minor. misc_register
 * takes a minor (or MISC_DYNAMIC_MINOR) and makes /dev/<name>. */
#ifndef MISCDEVICE_H
#define MISCDEVICE_H

#include "fs/file.h"
#include "list.h"

#define MISC_MAJOR 10
#define MISC_DYNAMIC_MINOR 255

struct miscdevice {
	int minor;                      /* MISC_DYNAMIC_MINOR: misc_register picks one */
	const char *name;
	const struct file_operations *fops;
	umode_t mode;                   /* of the node; 0 means 0600, as Linux's devtmpfs */
	struct list_head list;
};

/* 0, -EBUSY for a minor in use, -EINVAL, or what making the node gave. On
 * open, file->private_data is the miscdevice, as in Linux. */
int misc_register(struct miscdevice *misc);
void misc_deregister(struct miscdevice *misc);

#endif
