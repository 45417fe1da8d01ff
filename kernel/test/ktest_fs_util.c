/* ktest_fs_util.c: the helpers of ktest_fs.h. The stand-in process is a
 * zeroed struct proc made current for the duration of a test. */
#include "kernel.h"
#include "test/ktest_fs.h"
#include "fs/namei.h"
#include "proc.h"
#include "uapi/fcntl.h"
#include "uapi/stat.h"

static struct proc test_proc;
static struct fs_struct test_fs;
static struct proc *saved_current;

void become(uint32_t uid)
{
	if (current == &test_proc && test_fs.cwd)
		iput(test_fs.cwd);
	else if (current != &test_proc)
		saved_current = current;
	memset(&test_proc, 0, sizeof(test_proc));
	memset(&test_fs, 0, sizeof(test_fs));
	test_fs.users = 1;
	test_proc.fs = &test_fs;
	test_proc.uid = test_proc.euid = test_proc.fsuid = uid;
	test_proc.gid = test_proc.egid = test_proc.fsgid = uid;
	test_proc.uaccess_kernel = 1;
	set_current(&test_proc);
}

void leave(void)
{
	if (test_fs.cwd)
		iput(test_fs.cwd);
	test_fs.cwd = NULL;
	set_current(saved_current);
}

struct file *kopen(const char *path, int flags, umode_t mode, int *err)
{
	struct file *f = NULL;
	*err = vfs_open(path, flags, mode, &f);
	return *err ? NULL : f;
}

ssize_t kwrite(struct file *f, const char *s)
{
	return f->f_op->write(f, s, strlen(s), &f->f_pos);
}

ssize_t kread_all(const char *path, char *buf, size_t size, size_t chunk)
{
	int err;
	struct file *f = kopen(path, O_RDONLY, 0, &err);
	if (!f)
		return err;
	size_t got = 0;
	ssize_t n;
	while (got + 1 < size &&
	       (n = f->f_op->read(f, buf + got, MIN(chunk, size - 1 - got), &f->f_pos)) > 0)
		got += (size_t)n;
	buf[got] = '\0';
	fput(f);
	return (ssize_t)got;
}

int lookup_err(const char *path)
{
	struct inode *in;
	int err = vfs_lookup(path, &in);
	if (!err)
		iput(in);
	return err;
}

int kmkdir(const char *path, umode_t mode)
{
	return vfs_create_at(AT_FDCWD, path, S_IFDIR | mode, 0, true, NULL);
}

int kremove(const char *path, bool dir)
{
	return vfs_remove_at(AT_FDCWD, path, dir, true);
}
