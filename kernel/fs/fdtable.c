/* fdtable.c: the per-process file descriptor table. A descriptor is an index
 * into the table, which holds a counted reference to a struct file (an open
 * file description) and a close-on-exec bit. New descriptors take the lowest
 * free index (POSIX), limited by RLIMIT_NOFILE (EMFILE). */
#include "kernel.h"
#include "fs/fdtable.h"
#include "mm/kmalloc.h"
#include "proc.h"
#include "uapi/errno.h"
#include "uapi/resource.h"

struct fdtable *fdtable_alloc(void)
{
	return kzalloc(sizeof(struct fdtable));
}

struct fdtable *fdtable_dup(const struct fdtable *t)
{
	struct fdtable *n = fdtable_alloc();
	if (!n)
		return NULL;
	memcpy(n, t, sizeof(*n));
	for (int fd = 0; fd < NOFILE; fd++)
		if (n->fd[fd])
			fget_ref(n->fd[fd]);
	return n;
}

static bool cloexec_bit(const struct fdtable *t, int fd)
{
	return t->cloexec[fd / 32] & (1u << (fd % 32));
}

static void set_cloexec_bit(struct fdtable *t, int fd, bool on)
{
	if (on)
		t->cloexec[fd / 32] |= 1u << (fd % 32);
	else
		t->cloexec[fd / 32] &= ~(1u << (fd % 32));
}

/* Detaches fd from the table and drops its reference. */
static void release_fd(struct fdtable *t, int fd)
{
	struct file *f = t->fd[fd];
	t->fd[fd] = NULL;
	set_cloexec_bit(t, fd, false);
	fput(f);
}

void fdtable_free(struct fdtable *t)
{
	if (!t)
		return;
	for (int fd = 0; fd < NOFILE; fd++)
		if (t->fd[fd])
			release_fd(t, fd);
	kfree(t);
}

void fdtable_close_on_exec(struct fdtable *t)
{
	for (int fd = 0; fd < NOFILE; fd++)
		if (t->fd[fd] && cloexec_bit(t, fd))
			release_fd(t, fd);
}

static int fd_limit(void)
{
	uint64_t lim = current->rlim[RLIMIT_NOFILE].rlim_cur;
	return lim < NOFILE ? (int)lim : NOFILE;
}

struct file *fget(int fd)
{
	if (fd < 0 || fd >= NOFILE || !current->files)
		return NULL;
	return current->files->fd[fd];
}

int fd_install(struct file *f, int minfd, bool cloexec)
{
	struct fdtable *t = current->files;
	int limit = fd_limit();
	if (minfd < 0)
		minfd = 0;
	for (int fd = minfd; fd < limit; fd++) {
		if (!t->fd[fd]) {
			t->fd[fd] = f;
			set_cloexec_bit(t, fd, cloexec);
			return fd;
		}
	}
	fput(f);
	return minfd >= limit && minfd > 0 ? -EINVAL : -EMFILE;
}

/* dup2/dup3: puts f at exactly newfd, closing what was there. */
int fd_install_at(struct file *f, int newfd, bool cloexec)
{
	struct fdtable *t = current->files;
	if (newfd < 0 || newfd >= fd_limit()) {
		fput(f);
		return -EBADF;
	}
	if (t->fd[newfd])
		release_fd(t, newfd);
	t->fd[newfd] = f;
	set_cloexec_bit(t, newfd, cloexec);
	return newfd;
}

int fd_close(int fd)
{
	if (!fget(fd))
		return -EBADF;
	release_fd(current->files, fd);
	return 0;
}

bool fd_get_cloexec(int fd)
{
	return cloexec_bit(current->files, fd);
}

void fd_set_cloexec(int fd, bool on)
{
	set_cloexec_bit(current->files, fd, on);
}
