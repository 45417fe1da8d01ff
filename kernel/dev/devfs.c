/* devfs.c: /dev as drivers see it: nodes made and removed by name. The nodes
 * are ordinary character-device inodes in the in-memory tree. Also the
 * links /dev/fd, /dev/stdin, /dev/stdout and /dev/stderr. */
#include "kernel.h"
#include "initcall.h"
#include "fs/namei.h"
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

/* What udev makes on Linux and programs count on (bash's process
 * substitution, "cat /dev/stdin"): links into the caller's own fds. */
static const struct {
	const char *name, *target;
} dev_links[] = {
	{ "fd", "/proc/self/fd" },
	{ "stdin", "/proc/self/fd/0" },
	{ "stdout", "/proc/self/fd/1" },
	{ "stderr", "/proc/self/fd/2" },
};

static int devfs_links_init(void)
{
	for (size_t i = 0; i < ARRAY_SIZE(dev_links); i++) {
		char path[sizeof("/dev/") + NAME_MAX];
		struct inode *inode;
		snprintf(path, sizeof path, "/dev/%s", dev_links[i].name);
		int err = vfs_create_at(AT_FDCWD, path, S_IFLNK | 0777, 0, false, &inode);
		if (err)
			return err;
		err = ramfs_write_data(inode, 0, dev_links[i].target, strlen(dev_links[i].target));
		iput(inode);
		if (err)
			return err;
	}
	return 0;
}
fs_initcall(devfs_links_init);
