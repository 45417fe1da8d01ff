/* leases.h: file leases (leases.c): fcntl's F_SETLEASE and F_GETLEASE, the
 * break an open or truncate makes, and the removal at the last close. */
#ifndef FS_LEASES_H
#define FS_LEASES_H

#include "fs/file.h"

extern unsigned long lease_break_time;  /* /proc/sys/fs/lease-break-time, seconds */

/* The result, or -ENOIOCTLCMD for another command. */
long fcntl_lease(struct file *f, int fd, unsigned int cmd, unsigned long arg);
/* Before an open with flags (or a truncate, as O_WRONLY) of inode: 0 once no
 * lease conflicts, -EWOULDBLOCK for O_NONBLOCK, -ERESTARTSYS for a signal. */
int break_lease(struct inode *inode, unsigned int flags);
void leases_remove_file(struct file *f);

#endif
