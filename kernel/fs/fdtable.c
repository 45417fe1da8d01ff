/* fdtable.c: the per-process file descriptor table (see fdtable.h). A
 * descriptor is an index into the table, which holds a counted reference to
 * a struct file (an open file description) and a close-on-exec bit. New
 * descriptors take the lowest free index (POSIX), found a bitmap word at a
 * time, limited by RLIMIT_NOFILE
 * (EMFILE). As in Linux, a descriptor is first reserved and only filled once
 * its file exists, so a failed open has nothing to unwind but the number. */
#include "kernel.h"
#include "fs/fdtable.h"
#include "fs/locks.h"
#include "mm/kmalloc.h"
#include "proc.h"
#include "uapi/errno.h"
#include "uapi/fcntl.h"
#include "uapi/resource.h"

static bool test_bit(const uint32_t *map, unsigned int fd)
{
	return map[fd / 32] & (1u << (fd % 32));
}

static void assign_bit(uint32_t *map, unsigned int fd, bool on)
{
	if (on)
		map[fd / 32] |= 1u << (fd % 32);
	else
		map[fd / 32] &= ~(1u << (fd % 32));
}

/* The first fd in [start, limit) whose bit is `set`, or limit: a word at a
 * time, so a table of mostly free (or mostly used) slots costs little. */
static unsigned int find_next_fd(const uint32_t *map, unsigned int start, unsigned int limit, bool set)
{
	for (unsigned int w = start / 32; w * 32 < limit; w++) {
		uint32_t bits = set ? map[w] : ~map[w];
		if (w == start / 32)
			bits &= ~0u << (start % 32);
		if (bits) {
			unsigned int fd = w * 32 + (unsigned int)__builtin_ctz(bits);
			return fd < limit ? fd : limit;
		}
	}
	return limit;
}

#define for_each_set_fd(fd, map) \
	for (unsigned int fd = find_next_fd((map), 0, NOFILE, true); fd < NOFILE; \
	     fd = find_next_fd((map), fd + 1, NOFILE, true))

struct fdtable *fdtable_alloc(void)
{
	struct fdtable *t = kzalloc(sizeof(struct fdtable));
	if (t)
		t->count = 1;
	return t;
}

struct fdtable *fdtable_get(struct fdtable *t)
{
	t->count++;
	return t;
}

struct fdtable *fdtable_dup(const struct fdtable *t)
{
	struct fdtable *n = kmalloc(sizeof(*n));        /* not zeroed: all of it is copied */
	if (!n)
		return NULL;
	memcpy(n, t, sizeof(*n));
	n->count = 1;
	for_each_set_fd(fd, n->open_fds) {
		if (n->fd[fd])
			get_file(n->fd[fd]);
		else
			assign_bit(n->open_fds, fd, false);     /* reserved by the parent's open, not ours */
	}
	return n;
}

/* Detaches fd from the table and drops its reference. */
static void release_fd(struct fdtable *t, unsigned int fd)
{
	struct file *f = t->fd[fd];
	t->fd[fd] = NULL;
	assign_bit(t->open_fds, fd, false);
	assign_bit(t->cloexec, fd, false);
	locks_remove_posix(f, t);
	fput(f);
}

void fdtable_free(struct fdtable *t)
{
	if (!t || --t->count > 0)
		return;
	for_each_set_fd(fd, t->open_fds)
		if (t->fd[fd])
			release_fd(t, fd);
	kfree(t);
}

void fdtable_close_on_exec(struct fdtable *t)
{
	for_each_set_fd(fd, t->cloexec)
		if (t->fd[fd])
			release_fd(t, fd);
}

static unsigned int fd_limit(void)
{
	uint64_t lim = current->rlim[RLIMIT_NOFILE].rlim_cur;
	return lim < NOFILE ? (unsigned int)lim : NOFILE;
}

struct file *files_lookup_fd_raw(struct fdtable *files, int fd)
{
	if (fd < 0 || fd >= NOFILE || !files)
		return NULL;
	return files->fd[fd];
}

struct file *fget_raw(int fd)
{
	struct file *f = files_lookup_fd_raw(current->files, fd);
	return f ? get_file(f) : NULL;
}

struct file *fget(int fd)
{
	struct file *f = files_lookup_fd_raw(current->files, fd);
	return f && !(f->f_flags & O_PATH) ? get_file(f) : NULL;
}

/* Linux's alloc_fd: the lowest fd >= start not in use, reserved. */
static int alloc_fd(unsigned int start, unsigned int flags)
{
	struct fdtable *t = current->files;
	unsigned int limit = fd_limit();
	unsigned int fd = start < limit ? find_next_fd(t->open_fds, start, limit, false) : limit;
	if (fd >= limit)
		return -EMFILE;
	assign_bit(t->open_fds, fd, true);
	assign_bit(t->cloexec, fd, flags & O_CLOEXEC);
	return (int)fd;
}

int get_unused_fd_flags(unsigned int flags)
{
	return alloc_fd(0, flags);
}

void fd_install(unsigned int fd, struct file *file)
{
	current->files->fd[fd] = file;
}

void put_unused_fd(unsigned int fd)
{
	assign_bit(current->files->open_fds, fd, false);
	assign_bit(current->files->cloexec, fd, false);
}

int f_dupfd(unsigned int from, struct file *file, unsigned int flags)
{
	if (from > 0 && from >= fd_limit())
		return -EINVAL;
	int fd = alloc_fd(from, flags);
	if (fd >= 0)
		fd_install(fd, get_file(file));
	return fd;
}

int replace_fd(unsigned int fd, struct file *file, unsigned int flags)
{
	struct fdtable *t = current->files;
	if (fd >= fd_limit())
		return -EBADF;
	struct file *old = t->fd[fd];
	if (!old && test_bit(t->open_fds, fd))
		return -EBUSY;          /* another thread's open has it reserved */
	t->fd[fd] = get_file(file);
	assign_bit(t->open_fds, fd, true);
	assign_bit(t->cloexec, fd, flags & O_CLOEXEC);
	if (old) {
		locks_remove_posix(old, t);
		fput(old);
	}
	return (int)fd;
}

int close_fd(unsigned int fd)
{
	if (!files_lookup_fd_raw(current->files, (int)fd))
		return -EBADF;
	release_fd(current->files, fd);
	return 0;
}

bool get_close_on_exec(unsigned int fd)
{
	return test_bit(current->files->cloexec, fd);
}

void set_close_on_exec(unsigned int fd, bool flag)
{
	assign_bit(current->files->cloexec, fd, flag);
}
