/* fdtable.h: the per-process table of file descriptors: the lowest free slot,
 * a limit of NOFILE (EMFILE beyond), close-on-exec bits. */
#ifndef FDTABLE_H
#define FDTABLE_H

#include <stdbool.h>
#include <stdint.h>
#include "file.h"

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
/* Installs f (taking over the caller's reference) at the lowest free fd >= minfd. */
int fd_install(struct file *f, int minfd, bool cloexec);
int fd_close(int fd);
bool fd_get_cloexec(int fd);
void fd_set_cloexec(int fd, bool on);

#endif
