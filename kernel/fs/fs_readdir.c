/* fs_readdir.c: getdents64: packs a directory's entries, as its iterate method
 * produces them, into the caller's buffer as linux_dirent64 records. */
#include "kernel.h"
#include "fs/fdtable.h"
#include "fs/ramfs.h"
#include "syscall.h"
#include "uapi/dirent.h"
#include "uapi/errno.h"
#include "uapi/stat.h"

struct getdents_ctx {
	struct dir_context ctx;
	char __user *buf;
	size_t size, used;
	int err;
};

#define DIRENT_NAME_OFF offsetof(struct linux_dirent64, d_name)
#define DIRENT_MAX ROUNDUP(DIRENT_NAME_OFF + NAME_MAX + 1, 8)

static bool filldir64(struct dir_context *ctx, const char *name, size_t len, loff_t next_pos,
		      uint64_t ino, unsigned int type)
{
	struct getdents_ctx *g = container_of(ctx, struct getdents_ctx, ctx);
	size_t reclen = ROUNDUP(DIRENT_NAME_OFF + len + 1, 8);
	if (len > NAME_MAX) {
		g->err = -EIO;
		return false;
	}
	if (reclen > g->size - g->used) {
		if (!g->used)
			g->err = -EINVAL;
		return false;
	}
	uint64_t rec[DIRENT_MAX / 8];
	struct linux_dirent64 *d = (struct linux_dirent64 *)rec;
	memset(rec, 0, reclen);
	d->d_ino = ino;
	d->d_off = next_pos;
	d->d_reclen = (unsigned short)reclen;
	d->d_type = (unsigned char)type;
	memcpy(d->d_name, name, len);
	if (copyout(rec, g->buf + g->used, reclen)) {
		g->err = -EFAULT;
		return false;
	}
	g->used += reclen;
	return true;
}

SYSCALL_DEFINE3(getdents64, int, fd, void __user *, dirp, unsigned int, count)
{
	struct file *f = fget(fd);
	if (!f)
		return -EBADF;
	if (!f->f_inode || !S_ISDIR(f->f_inode->i_mode) || !f->f_op->iterate) {
		fput(f);
		return -ENOTDIR;
	}
	struct getdents_ctx g = {
		.ctx = { .actor = filldir64, .pos = f->f_pos },
		.buf = dirp,
		.size = count,
	};
	int err = f->f_op->iterate(f, &g.ctx);
	f->f_pos = g.ctx.pos;
	fput(f);
	if (g.used)
		return (long)g.used;
	return g.err ? g.err : err;
}
