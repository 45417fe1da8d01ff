/* fdtable.h: the per-process table of file descriptors: the lowest free slot,
 * a limit of NOFILE (EMFILE beyond), close-on-exec bits. */
#ifndef FDTABLE_H
#define FDTABLE_H

#include <stdbool.h>
#include <stdint.h>
#include "fs/file.h"

#define NOFILE 1024

struct fdtable {
	struct file *fd[NOFILE];
	uint32_t cloexec[NOFILE / 32];
};

struct fdtable *fdtable_alloc(void);
struct fdtable *fdtable_dup(const struct fdtable *t);
void fdtable_free(struct fdtable *t);
void fdtable_close_on_exec(struct fdtable *t);

/* The current process's open file for fd (no new reference), or NULL. */
struct file *fget(int fd);
/* Installs f (taking over the caller's reference) at the lowest free fd >= minfd;
 * on failure (EMFILE, or EINVAL when minfd is beyond the limit) drops it. */
int fd_install(struct file *f, int minfd, bool cloexec);
/* Puts f at exactly newfd, closing what was there (dup2, dup3). */
int fd_install_at(struct file *f, int newfd, bool cloexec);
int fd_close(int fd);
bool fd_get_cloexec(int fd);
void fd_set_cloexec(int fd, bool on);

#endif
