/* fdtable.h: the per-process table of file descriptors, with Linux's names
 * and meanings: fget/fput take and drop a reference to the open file;
 * get_unused_fd_flags reserves the lowest free descriptor, fd_install fills
 * it and put_unused_fd gives it back unfilled. A limit of NOFILE (and
 * RLIMIT_NOFILE: EMFILE beyond), close-on-exec bits. */
#ifndef FDTABLE_H
#define FDTABLE_H

#include <stdbool.h>
#include <stdint.h>
#include "fs/file.h"

#define NOFILE 1024

/* Touched only from process context, never by interrupt handlers; today one
 * process owns each table, so nothing else can change it while the owner runs
 * without sleeping. Once threads share a table, a sleep lets a sibling close
 * or replace any descriptor: hence the reference that fget takes. */
struct fdtable {
	int count;                      /* processes sharing it (CLONE_FILES) */
	struct file *fd[NOFILE];
	uint32_t open_fds[NOFILE / 32]; /* in use: installed, or reserved and not yet filled */
	uint32_t cloexec[NOFILE / 32];
};

struct fdtable *fdtable_alloc(void);
struct fdtable *fdtable_dup(const struct fdtable *t);
struct fdtable *fdtable_get(struct fdtable *t);
/* Drops a reference; the last one closes every descriptor. */
void fdtable_free(struct fdtable *t);
void fdtable_close_on_exec(struct fdtable *t);

/* The open file at fd, WITHOUT a reference (Linux's files_lookup_fd_raw), or
 * NULL (also for a reserved, unfilled fd). The pointer is good only until the
 * caller sleeps or closes a descriptor: use it for a test or to read a field
 * on the spot. Anything that may sleep with the file (read, write, ioctl,
 * poll, a path walk) uses fget. */
struct file *files_lookup_fd_raw(struct fdtable *files, int fd);
/* The open file at fd with a new reference (drop it with fput), or NULL;
 * NULL too for an O_PATH file, which names a file without opening it, so
 * read, write, ioctl, mmap and the like say EBADF, as Linux's fdget. */
struct file *fget(int fd);
/* The same, O_PATH files included (Linux's fget_raw): for the calls that need
 * only the name (fstat, fstatfs, fchdir, dup, the fcntl fd flags). */
struct file *fget_raw(int fd);

/* Reserves the lowest free fd, close-on-exec if flags has O_CLOEXEC: the fd,
 * or -EMFILE. Until fd_install fills it, lookups see no file there. */
int get_unused_fd_flags(unsigned int flags);
/* Fills a reserved fd with file, taking over the caller's reference. */
void fd_install(unsigned int fd, struct file *file);
/* Gives back a reserved fd that was never filled (the open failed). */
void put_unused_fd(unsigned int fd);

/* F_DUPFD: file (the caller keeps its reference) at the lowest free fd >= from:
 * the fd, -EMFILE, or -EINVAL when from is past the limit. */
int f_dupfd(unsigned int from, struct file *file, unsigned int flags);
/* dup2/dup3: file (the caller keeps its reference) at exactly fd, closing
 * what was there: fd, -EBADF past the limit, -EBUSY on a reserved fd. */
int replace_fd(unsigned int fd, struct file *file, unsigned int flags);
/* Detaches fd and drops the table's reference: 0 or -EBADF. */
int close_fd(unsigned int fd);
bool get_close_on_exec(unsigned int fd);
void set_close_on_exec(unsigned int fd, bool flag);

#endif
