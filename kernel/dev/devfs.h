/* devfs.h: device nodes in /dev for drivers: a driver registering a device
 * makes its node here, with the owner and permissions the device wants. */
#ifndef DEVFS_H
#define DEVFS_H

#include "fs/file.h"

/* Makes the character-device node /dev/name (no slash in name): 0 or -EEXIST, -EINVAL... */
int devfs_create(const char *name, dev_t dev, uint32_t uid, uint32_t gid, umode_t mode);
void devfs_remove(const char *name);

#endif
