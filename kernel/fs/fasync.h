/* fasync.h: signal-driven I/O (fasync.c): the owner fcntls, O_ASYNC, and
 * Linux's driver API: a driver's fasync method calls fasync_helper to keep
 * the file on its list, and kill_fasync(&list, SIGIO, POLL_IN) (or
 * POLL_OUT, ...) when the device becomes ready. */
#ifndef FS_FASYNC_H
#define FS_FASYNC_H

#include <stdbool.h>
#include "fs/file.h"
#include "uapi/signal.h"         /* SIGIO, POLL_IN, ... for the drivers */

struct fasync_struct {
	int fa_fd;
	struct file *fa_file;
	struct fasync_struct *fa_next;
};

/* Adds (on) or removes filp on *fapp, setting or clearing its FASYNC flag:
 * 1 if the list changed, 0 if not, -ENOMEM. */
int fasync_helper(int fd, struct file *filp, int on, struct fasync_struct **fapp);
/* Signals the owner of each file on *fp that has O_ASYNC; band is the
 * reason, POLL_IN .. POLL_HUP (si_code with F_SETSIG). */
void kill_fasync(struct fasync_struct **fp, int sig, int band);
void send_sigio(const struct fown_struct *fown, int fd, int reason);
/* The owner set without the checks: pid of type F_OWNER_TID, _PID or _PGRP, with the caller's ids. */
void __f_setown(struct file *f, int pid, int type);

/* F_SETOWN, F_GETOWN, F_SETOWN_EX, F_GETOWN_EX, F_SETSIG, F_GETSIG;
 * -ENOIOCTLCMD for any other cmd. */
long fcntl_owner(struct file *f, unsigned int cmd, unsigned long arg);
/* O_ASYNC on or off through the driver's fasync (F_SETFL, or FIOASYNC);
 * a file without one keeps no O_ASYNC: F_SETFL ignores it, FIOASYNC is ENOTTY. */
int set_fasync(struct file *f, int fd, bool on, bool from_ioctl);

#endif
