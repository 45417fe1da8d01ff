/* devfs.c: /dev as drivers see it: nodes made and removed by name. The nodes
 * are ordinary character-device inodes in the in-memory tree. */
#include "kernel.h"
#include "dev/devfs.h"
#include "fs/ramfs.h"
#include "uapi/errno.h"
#include "uapi/stat.h"
#include "fs/vfs.h"

/* "/dev/" + a name: false if the name is not a single path component. */
static bool dev_path(char *buf, size_t size, const char *name)
{
	size_t len = strlen(name);
	if (len == 0 || len > NAME_MAX || strchr(name, '/'))
		return false;
	snprintf(buf, size, "/dev/%s", name);
	return true;
}

int devfs_create(const char *name, dev_t dev, uint32_t uid, uint32_t gid, umode_t mode)
{
	char path[sizeof("/dev/") + NAME_MAX];
	if (!dev_path(path, sizeof(path), name))
		return -EINVAL;
	return vfs_mknod(path, S_IFCHR | (mode & 07777), dev, uid, gid);
}

void devfs_remove(const char *name)
{
	char path[sizeof("/dev/") + NAME_MAX];
	if (dev_path(path, sizeof(path), name))
		vfs_unlink(path);
}
