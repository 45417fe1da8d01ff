/* mount_util.h: what the mount tests share: the raw mount(2) and
 * umount2(2), and whether a file (/proc/mounts, mountinfo) holds a string. */
#ifndef MOUNT_UTIL_H
#define MOUNT_UTIL_H

#include "check.h"

#include <uapi/mount.h>

CHECK_FN long sys_mount(const char *src, const char *target, const char *type, unsigned long flags, const char *data)
{
	return sys_call6(__NR_mount, (long)src, (long)target, (long)type, (long)flags, (long)data, 0);
}

CHECK_FN long sys_umount2(const char *target, int flags)
{
	return sys_call(__NR_umount2, (long)target, flags, 0);
}

/* The file's first 16 KiB as a string (in one static buffer). */
CHECK_FN const char *file_text(const char *path)
{
	static char buf[16384];
	int fd = open(path, O_RDONLY);
	ssize_t n, total = 0;
	while (fd >= 0 && total < (ssize_t)sizeof buf - 1 && (n = read(fd, buf + total, sizeof buf - 1 - total)) > 0)
		total += n;
	close(fd);
	buf[total] = '\0';
	return buf;
}

CHECK_FN int file_has(const char *path, const char *needle)
{
	return strstr(file_text(path), needle) != NULL;
}

#endif
