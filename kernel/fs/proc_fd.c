/* proc_fd.c: /proc/PID/fd/ and /proc/PID/fdinfo/, as Linux has them. fd/N
 * is a magic link: readlink says what the file is ("/dev/null",
 * "pipe:[N]", "anon_inode:[name]", "/tmp/f (deleted)"), and a path walk
 * through it reaches the open file's inode itself, so opening it opens that
 * file again (the same pipe, an unlinked file). fdinfo/N shows the position,
 * the flags (with O_CLOEXEC), the mount id and the inode number. Both
 * directories are the process's own (mode 0500), as Linux's. */
#include "kernel.h"
#include "fs/fdtable.h"
#include "fs/mounts.h"
#include "fs/procfs.h"
#include "fs/ramfs.h"
#include "fs/seq_file.h"
#include "fs/vfs.h"
#include "proc.h"
#include "uapi/dirent.h"
#include "uapi/errno.h"
#include "uapi/fcntl.h"
#include "uapi/stat.h"

/* Two inode numbers per fd (its link and its fdinfo file), NOFILE fds per pid. */
#define FD_INO_BASE 0x60000000u

static uint32_t fd_ino(int pid, unsigned fd, bool info)
{
	return FD_INO_BASE + ((uint32_t)pid * NOFILE + fd) * 2 + info;
}

static unsigned inode_fd(const struct inode *inode)
{
	return (inode->i_ino - FD_INO_BASE) / 2 % NOFILE;
}

/* The file at fd in p's table, borrowed (see files_lookup_fd_raw). */
static struct file *proc_fd_file(struct proc *p, unsigned fd)
{
	return p && p->files && fd < NOFILE ? files_lookup_fd_raw(p->files, (int)fd) : NULL;
}

static struct file *inode_file(const struct inode *inode)
{
	return proc_fd_file(proc_find(proc_inode_pid(inode)), inode_fd(inode));
}

/* Linux's d_path for an open file. */
static int file_path(const struct file *f, char *buf, size_t size)
{
	const struct inode *in = f->f_inode;
	if (!in->i_parent && S_ISFIFO(in->i_mode) && in->i_nlink)
		return snprintf(buf, size, "pipe:[%u]", in->i_ino);
	if (!in->i_parent && in->i_name && strncmp(in->i_name, "anon_inode:", 11) == 0)
		return snprintf(buf, size, "%s", in->i_name);
	int n = vfs_path_of((struct inode *)in, buf, size);
	if (n == -ENOENT) {     /* unlinked: its name is the path it had (ramfs_detach) */
		const char *name = in->i_name ? in->i_name : "";
		return snprintf(buf, size, "%s%s (deleted)", *name == '/' ? "" : "/", name);
	}
	return n < 0 ? n : n - 1;
}

static int fd_readlink(struct inode *inode, char *buf, size_t size)
{
	struct file *f = inode_file(inode);
	char path[PATH_MAX];
	if (!f || !f->f_inode)
		return -ENOENT;
	int n = file_path(f, path, sizeof path);
	return n < 0 ? n : proc_copy_link(buf, size, path);
}

static int fd_get_link(struct inode *inode, struct inode **res)
{
	struct file *f = inode_file(inode);
	if (!f || !f->f_inode)
		return -ENOENT;
	*res = iget(f->f_inode);
	return 0;
}

static const struct inode_operations fd_link_iops = {
	.readlink = fd_readlink,
	.get_link = fd_get_link,
	.evict = proc_pid_evict,
};

static int fdinfo_show(struct seq_file *m, void *v)
{
	(void)v;
	struct inode *inode = m->private;
	struct proc *p = proc_find(proc_inode_pid(inode));
	unsigned fd = inode_fd(inode);
	struct file *f = proc_fd_file(p, fd);
	if (!f)
		return -ENOENT;
	unsigned flags = f->f_flags;
	if (p->files->cloexec[fd / 32] & (1u << (fd % 32)))
		flags |= O_CLOEXEC;
	seq_printf(m, "pos:\t%lli\nflags:\t0%o\nmnt_id:\t%d\nino:\t%u\n", (long long)f->f_pos, flags,
		   vfs_mount_id(f->f_inode), f->f_inode->i_ino);
	return 0;
}

static int fdinfo_open(struct inode *inode, struct file *file)
{
	return single_open(file, fdinfo_show, inode);
}

static const struct file_operations fdinfo_file_fops = {
	.open = fdinfo_open,
	.read = seq_read,
	.llseek = seq_lseek,
	.release = single_release,
};

static const struct inode_operations fdinfo_file_iops = { .evict = proc_pid_evict };

/* "12" -> 12, or -1 if name is not a plain decimal fd. */
static int parse_fd(const char *name, size_t len)
{
	int fd = 0;
	if (len == 0 || len > 4 || (name[0] == '0' && len > 1))
		return -1;
	for (size_t i = 0; i < len; i++) {
		if (name[i] < '0' || name[i] > '9')
			return -1;
		fd = fd * 10 + (name[i] - '0');
	}
	return fd < NOFILE ? fd : -1;
}

/* The link's mode says how the file is open, as Linux's: r-x, -wx or rwx for the owner. */
static umode_t fd_mode(const struct file *f, bool info)
{
	if (info)
		return S_IFREG | 0444;
	return S_IFLNK | (file_readable(f) ? 0500 : 0) | (file_writable(f) ? 0300 : 0);
}

static int fd_dir_lookup_common(struct inode *dir, const char *name, size_t len, struct inode **res, bool info)
{
	struct proc *p = proc_find(proc_inode_pid(dir));
	int fd = parse_fd(name, len);
	struct file *f = fd < 0 ? NULL : proc_fd_file(p, (unsigned)fd);
	if (!f)
		return -ENOENT;
	struct inode *inode = proc_pid_node(dir, p, fd_mode(f, info), fd_ino(p->pid, (unsigned)fd, info));
	if (!inode)
		return -ENOMEM;
	inode->i_op = info ? &fdinfo_file_iops : &fd_link_iops;
	inode->i_fop = info ? &fdinfo_file_fops : NULL;
	*res = inode;
	return 0;
}

static int fd_dir_lookup(struct inode *dir, const char *name, size_t len, struct inode **res)
{
	return fd_dir_lookup_common(dir, name, len, res, false);
}

static int fdinfo_dir_lookup(struct inode *dir, const char *name, size_t len, struct inode **res)
{
	return fd_dir_lookup_common(dir, name, len, res, true);
}

/* ".", "..", then one entry per open fd in fd order (getdents position fd + 3). */
static int fd_dir_iterate_common(struct file *file, struct dir_context *ctx, bool info)
{
	struct inode *dir = file->f_inode;
	struct proc *p = proc_find(proc_inode_pid(dir));
	if (!ramfs_emit_children(dir, ctx) || !p)
		return 0;
	for (unsigned fd = (unsigned)ctx->pos - 2; fd < NOFILE; fd++) {
		struct file *f = proc_fd_file(p, fd);
		if (!f)
			continue;
		char name[8];
		int n = snprintf(name, sizeof name, "%u", fd);
		if (!ctx->actor(ctx, name, (size_t)n, (loff_t)fd + 3, fd_ino(p->pid, fd, info),
				info ? DT_REG : DT_LNK))
			return 0;
		ctx->pos = (loff_t)fd + 3;
	}
	return 0;
}

static int fd_dir_iterate(struct file *file, struct dir_context *ctx)
{
	return fd_dir_iterate_common(file, ctx, false);
}

static int fdinfo_dir_iterate(struct file *file, struct dir_context *ctx)
{
	return fd_dir_iterate_common(file, ctx, true);
}

const struct inode_operations proc_fd_iops = { .lookup = fd_dir_lookup, .evict = proc_pid_evict };
const struct inode_operations proc_fdinfo_iops = { .lookup = fdinfo_dir_lookup, .evict = proc_pid_evict };

const struct file_operations proc_fd_fops = {
	.read = ramfs_read_dir,
	.llseek = generic_file_llseek,
	.iterate = fd_dir_iterate,
};

const struct file_operations proc_fdinfo_fops = {
	.read = ramfs_read_dir,
	.llseek = generic_file_llseek,
	.iterate = fdinfo_dir_iterate,
};
