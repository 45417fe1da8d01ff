/* devpts.h: the devpts file system at /dev/pts, where the pty driver
 * (tty/pty.c) shows each slave as the node N while its master is open. */
#ifndef DEVPTS_H
#define DEVPTS_H

#include <stdbool.h>
#include "fs/file.h"

#define DEVPTS_GID 5                    /* the tty group: the mount's gid=5 */
#define DEVPTS_MODE 0620                /* the mount's mode=620 */
/* pty numbers 0..DEVPTS_MAX-1 (Linux's default kernel.pty.max is 4096). */
#define DEVPTS_MAX 256

/* The lowest free pty number, or -ENOSPC; devpts_kill_index gives it back. */
int devpts_new_index(void);
void devpts_kill_index(int index);
/* Makes the node /dev/pts/index for device dev, owned by uid and the tty
 * group: the inode with a reference for the caller, or NULL. */
struct inode *devpts_pty_new(int index, dev_t dev, uint32_t uid);
/* Removes the node (the inode lives on while referenced). */
void devpts_pty_kill(struct inode *inode);
/* The root directory of the mount, for statfs. */
const struct inode *devpts_root(void);

#endif
