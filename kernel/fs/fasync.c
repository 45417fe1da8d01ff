/* fasync.c: signal-driven I/O, as Linux's fs/fcntl.c has it. A file's owner
 * (F_SETOWN: a process, or a process group when negative; F_SETOWN_EX: a
 * thread, process or group) gets SIGIO when the driver calls kill_fasync on
 * a file that asked for it with O_ASYNC (F_SETFL or FIOASYNC, through the
 * driver's fasync method and fasync_helper). F_SETSIG picks another signal,
 * which then carries si_code POLL_IN/POLL_OUT/..., si_band (the poll bits)
 * and si_fd. The owner's credentials at F_SETOWN must allow signalling the
 * target, as kill's would. */
#include "kernel.h"
#include "locking/kernel_lock.h"
#include "fs/fasync.h"
#include "mm/kmalloc.h"
#include "proc.h"
#include "uaccess.h"
#include "uapi/errno.h"
#include "uapi/fcntl.h"
#include "uapi/poll.h"
#include "uapi/signal.h"

/* What si_band says for each POLL_* reason (Linux's band_table). */
static const long band_table[] = {
	[POLL_IN - POLL_IN] = POLLIN | POLLRDNORM,
	[POLL_OUT - POLL_IN] = POLLOUT | POLLWRNORM | POLLWRBAND,
	[POLL_MSG - POLL_IN] = POLLIN | POLLRDNORM | POLLMSG,
	[POLL_ERR - POLL_IN] = POLLERR,
	[POLL_PRI - POLL_IN] = POLLPRI | POLLRDBAND,
	[POLL_HUP - POLL_IN] = POLLHUP | POLLERR,
};

static bool pgrp_exists(int pgid)
{
	for (int i = 0; i < NPROC; i++)
		if (proc_table[i].state != P_UNUSED && proc_table[i].pgid == pgid)
			return true;
	return false;
}

void __f_setown(struct file *f, int who, int type)
{
	f->f_owner.pid = who;
	f->f_owner.pid_type = type;
	f->f_owner.uid = current->uid;
	f->f_owner.euid = current->euid;
}

static int f_setown_type(struct file *f, int who, int type)
{
	if (who && !(type == F_OWNER_PGRP ? pgrp_exists(who) : proc_find(who) != NULL))
		return -ESRCH;
	__f_setown(f, who, type);
	return 0;
}

/* F_SETOWN: a process, or with a negative argument a process group. */
static long f_setown(struct file *f, long arg)
{
	int who = (int)arg;
	if (who == INT32_MIN)
		return -EINVAL;
	return who < 0 ? f_setown_type(f, -who, F_OWNER_PGRP) : f_setown_type(f, who, F_OWNER_PID);
}

static long f_getown(const struct file *f)
{
	return f->f_owner.pid_type == F_OWNER_PGRP ? -f->f_owner.pid : f->f_owner.pid;
}

static long f_setown_ex(struct file *f, unsigned long arg)
{
	struct k_f_owner_ex ex;
	if (copy_from_user(&ex, (const void __user *)arg, sizeof ex))
		return -EFAULT;
	if (ex.type != F_OWNER_TID && ex.type != F_OWNER_PID && ex.type != F_OWNER_PGRP)
		return -EINVAL;
	return f_setown_type(f, ex.pid, ex.type);
}

static long f_getown_ex(const struct file *f, unsigned long arg)
{
	/* A file nobody set an owner for says F_OWNER_TID 0, as Linux's. */
	struct k_f_owner_ex ex = { f->f_owner.pid_type, f->f_owner.pid };
	return copy_to_user((void __user *)arg, &ex, sizeof ex) ? -EFAULT : 0;
}

long fcntl_owner(struct file *f, unsigned int cmd, unsigned long arg)
{
	switch (cmd) {
	case F_SETOWN:
		return f_setown(f, (long)arg);
	case F_GETOWN:
		return f_getown(f);
	case F_SETOWN_EX:
		return f_setown_ex(f, arg);
	case F_GETOWN_EX:
		return f_getown_ex(f, arg);
	case F_SETSIG:
		if (arg > _NSIG)
			return -EINVAL;
		f->f_owner.signum = (int)arg;
		return 0;
	case F_GETSIG:
		return f->f_owner.signum;
	}
	return -ENOIOCTLCMD;
}

int set_fasync(struct file *f, int fd, bool on, bool from_ioctl)
{
	if (!!(f->f_flags & FASYNC) == on)
		return 0;
	if (!f->f_op->fasync)
		return from_ioctl ? -ENOTTY : 0;
	int err = f->f_op->fasync(fd, f, on);
	return err < 0 ? err : 0;
}

/* Linux's sigio_perm. */
static bool sigio_perm(const struct proc *p, const struct fown_struct *fown)
{
	return fown->euid == 0 || fown->euid == p->suid || fown->euid == p->uid ||
	       fown->uid == p->suid || fown->uid == p->uid;
}

static void send_sigio_to(struct proc *p, const struct fown_struct *fown, int fd, int reason)
{
	if (p->state == P_ZOMBIE || !sigio_perm(p, fown))
		return;
	if (fown->signum) {
		struct k_siginfo si = { .si_signo = fown->signum, .si_code = reason };
		si.si_band = band_table[reason - POLL_IN];
		si.si_fd = fd;
		send_signal(p, fown->signum, &si);
	} else {
		struct k_siginfo si = { .si_signo = SIGIO, .si_code = SI_KERNEL };
		send_signal(p, SIGIO, &si);
	}
}

void send_sigio(const struct fown_struct *fown, int fd, int reason)
{
	if (!fown->pid)
		return;
	if (fown->pid_type != F_OWNER_PGRP) {
		struct proc *p = proc_find(fown->pid);
		/* A process's signal goes to its leader; F_OWNER_TID's to the thread. */
		if (p && fown->pid_type == F_OWNER_PID)
			p = proc_find(p->tgid);
		if (p)
			send_sigio_to(p, fown, fd, reason);
		return;
	}
	for (int i = 0; i < NPROC; i++) {
		struct proc *p = &proc_table[i];
		if (p->state != P_UNUSED && p->state != P_EMBRYO && p == p->group_leader && p->pgid == fown->pid)
			send_sigio_to(p, fown, fd, reason);
	}
}

/* Drivers call these two without the big kernel lock (their fops run
 * unlocked): each takes it, for the lists, the file flags and signals. */
static int fasync_update(int fd, struct file *filp, int on, struct fasync_struct **fapp)
{
	for (struct fasync_struct **pp = fapp; *pp; pp = &(*pp)->fa_next) {
		struct fasync_struct *fa = *pp;
		if (fa->fa_file != filp)
			continue;
		if (on) {
			fa->fa_fd = fd;
			return 0;
		}
		*pp = fa->fa_next;
		kfree(fa);
		filp->f_flags &= ~FASYNC;
		return 1;
	}
	if (!on)
		return 0;
	struct fasync_struct *fa = kzalloc(sizeof *fa);
	if (!fa)
		return -ENOMEM;
	fa->fa_fd = fd;
	fa->fa_file = filp;
	fa->fa_next = *fapp;
	*fapp = fa;
	filp->f_flags |= FASYNC;
	return 1;
}

int fasync_helper(int fd, struct file *filp, int on, struct fasync_struct **fapp)
{
	lock_kernel();
	int r = fasync_update(fd, filp, on, fapp);
	unlock_kernel();
	return r;
}

void kill_fasync(struct fasync_struct **fp, int sig, int band)
{
	(void)sig;                      /* SIGIO, or the owner's F_SETSIG signal */
	if (band < POLL_IN || band > POLL_HUP)
		return;
	lock_kernel();
	for (struct fasync_struct *fa = *fp; fa; fa = fa->fa_next)
		if (fa->fa_file->f_flags & FASYNC)
			send_sigio(&fa->fa_file->f_owner, fa->fa_fd, band);
	unlock_kernel();
}
