/* module_util.h: what the module tests (mod_loader, mod_seeds) share: the
 * three module system calls with the libc convention (-1 and errno) and
 * loading a .ko by path. */
#ifndef USER_TESTS_MODULE_UTIL_H
#define USER_TESTS_MODULE_UTIL_H

#include "check.h"
#include <fcntl.h>

CHECK_FN long sys_ret(long r)
{
	if (r < 0 && r > -4096) {
		errno = (int)-r;
		return -1;
	}
	return r;
}

CHECK_FN long sys_init(const void *img, unsigned long len, const char *args)
{
	return sys_ret(raw_syscall(__NR_init_module, (long)img, (long)len, (long)args));
}

CHECK_FN long sys_finit(int fd, const char *args, int flags)
{
	return sys_ret(raw_syscall(__NR_finit_module, fd, (long)args, flags));
}

CHECK_FN long sys_delete(const char *name, unsigned flags)
{
	return sys_ret(raw_syscall(__NR_delete_module, (long)name, (long)flags, 0));
}

/* finit_module of the file at path: 0, or -1 and errno. */
CHECK_FN long load_path(const char *path, const char *args)
{
	int fd = open(path, O_RDONLY);
	if (fd < 0)
		return -1;
	long r = sys_finit(fd, args, 0);
	int e = errno;
	close(fd);
	errno = e;
	return r;
}

#endif
