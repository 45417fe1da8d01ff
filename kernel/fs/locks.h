/* locks.h: file locks (locks.c): POSIX record locks owned by a process's fd
 * table, open-file-description locks and flock locks owned by an open file.
 * The fd layer calls these when a process closes an fd and when the last
 * reference to a file goes, as Linux's filp_close and __fput do. */
#ifndef FS_LOCKS_H
#define FS_LOCKS_H

#include <stdbool.h>

struct file;
struct fdtable;

/* fcntl's lock commands: the result, or -ENOIOCTLCMD for another command.
 * is64 tells fcntl64 (struct flock64, OFD commands) from fcntl. */
long fcntl_lock(struct file *f, unsigned int cmd, unsigned long arg, bool is64);
/* A process closed an fd of f: its POSIX locks on the file go (POSIX's rule). */
void locks_remove_posix(struct file *f, struct fdtable *owner);
/* f's last reference is gone: its OFD and flock locks go. */
void locks_remove_file(struct file *f);

#endif
