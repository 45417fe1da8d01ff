/* leases.c: file leases (fcntl F_SETLEASE / F_GETLEASE), as Linux's
 * fs/locks.c has them. An open file of a regular file its caller owns may
 * hold a read lease (no one has the file open for writing) or a write lease
 * (no other open at all). An open that conflicts (for writing: any lease;
 * for reading: a write lease) or a truncate breaks it: the holder's owner
 * gets SIGIO (or its F_SETSIG signal, si_code POLL_MSG), the lease reads as
 * what it must become (F_GETLEASE), and the opener waits until the holder
 * releases or downgrades it, or /proc/sys/fs/lease-break-time seconds pass
 * (then the lease is taken away); an O_NONBLOCK opener gets EWOULDBLOCK. */
#include "kernel.h"
#include "fs/fasync.h"
#include "fs/file.h"
#include "fs/leases.h"
#include "mm/kmalloc.h"
#include "proc.h"
#include "waitqueue.h"
#include "x86/timer.h"
#include "uapi/errno.h"
#include "uapi/fcntl.h"
#include "uapi/flock.h"
#include "uapi/stat.h"

#define CAP_LEASE 28

unsigned long lease_break_time = 45;    /* seconds, Linux's default */

struct lease {
	struct list_head link;
	struct file *file;
	int type;                       /* F_RDLCK or F_WRLCK */
	int target;                     /* while breaking: what it must become; else type */
	uint64_t deadline;              /* while breaking: when it is taken away (jiffies) */
	struct fasync_struct *fasync;   /* the holder, for the break's SIGIO */
};

static struct list_head leases = LIST_HEAD_INIT(leases);
static DECLARE_WAIT_QUEUE_HEAD(lease_wq);

static struct lease *lease_of(const struct file *f)
{
	struct lease *l;
	list_for_each_entry(l, &leases, link)
		if (l->file == f)
			return l;
	return NULL;
}

/* As Linux's lease_modify(F_UNLCK): the file loses its owner and F_SETSIG signal too. */
static void lease_free(struct lease *l)
{
	__f_setown(l->file, 0, F_OWNER_PID);
	l->file->f_owner.signum = 0;
	fasync_helper(-1, l->file, 0, &l->fasync);
	list_del(&l->link);
	kfree(l);
	wake_up_all(&lease_wq);
}

/* To target: F_UNLCK removes it, F_RDLCK downgrades a write lease. */
static void lease_modify(struct lease *l, int target)
{
	if (target == F_UNLCK) {
		lease_free(l);
		return;
	}
	l->type = l->target = target;
	wake_up_all(&lease_wq);
}

/* Linux's check_conflicting_open: a read lease wants no writer; a write
 * lease no open but the caller's own. */
static int check_conflicting_open(const struct file *f, int type)
{
	const struct inode *in = f->f_inode;
	if (type == F_RDLCK)
		return in->i_writecount > 0 ? -EAGAIN : 0;
	int self_w = file_writable(f) ? 1 : 0, self_r = !self_w && file_readable(f) ? 1 : 0;
	return in->i_writecount != self_w || in->i_readcount != self_r ? -EAGAIN : 0;
}

static long setlease(struct file *f, int fd, long type)
{
	struct inode *in = f->f_inode;
	if (!in || !S_ISREG(in->i_mode))
		return -EINVAL;
	if (current->fsuid != in->i_uid && !capable(CAP_LEASE))
		return -EACCES;
	struct lease *l = lease_of(f);
	if (type == F_UNLCK) {
		if (l)
			lease_free(l);
		return 0;
	}
	if (type != F_RDLCK && type != F_WRLCK)
		return -EINVAL;
	int err = check_conflicting_open(f, (int)type);
	if (err)
		return err;
	/* Another file's lease on the inode: only read leases share. */
	struct lease *o;
	list_for_each_entry(o, &leases, link)
		if (o != l && o->file->f_inode == in && (o->type == F_WRLCK || type == F_WRLCK))
			return -EAGAIN;
	if (!l) {
		l = kzalloc(sizeof *l);
		if (!l)
			return -ENOMEM;
		l->file = f;
		list_add_tail(&l->link, &leases);
	}
	if (fasync_helper(fd, f, 1, &l->fasync) < 0) {
		lease_free(l);
		return -ENOMEM;
	}
	__f_setown(f, current->tgid, F_OWNER_PID);
	lease_modify(l, (int)type);
	return 0;
}

long fcntl_lease(struct file *f, int fd, unsigned int cmd, unsigned long arg)
{
	if (cmd == F_SETLEASE)
		return setlease(f, fd, (long)arg);
	if (cmd != F_GETLEASE)
		return -ENOIOCTLCMD;
	struct lease *l = lease_of(f);
	return l ? l->target : F_UNLCK;
}

/* An open for writing conflicts with any lease, one for reading with a write lease. */
static bool conflicts(const struct lease *l, const struct inode *in, bool want_write)
{
	return l->file->f_inode == in && (want_write || l->type == F_WRLCK);
}

/* Leases past their deadline lose what the break asked for. */
static void time_out_leases(const struct inode *in)
{
	struct lease *l, *n;
	uint64_t now = get_jiffies_64();
	list_for_each_entry_safe(l, n, &leases, link)
		if (l->file->f_inode == in && l->target != l->type && now >= l->deadline)
			lease_modify(l, l->target);
}

static bool any_conflict(const struct inode *in, bool want_write)
{
	struct lease *l;
	time_out_leases(in);
	list_for_each_entry(l, &leases, link)
		if (conflicts(l, in, want_write))
			return true;
	return false;
}

int break_lease(struct inode *in, unsigned int flags)
{
	if (list_empty(&leases))
		return 0;
	bool want_write = (flags & O_ACCMODE) != O_RDONLY;
	struct lease *l, *n;
	list_for_each_entry_safe(l, n, &leases, link) {
		if (!conflicts(l, in, want_write) || l->target != l->type)
			continue;
		l->target = want_write ? F_UNLCK : F_RDLCK;
		l->deadline = get_jiffies_64() + (uint64_t)lease_break_time * HZ;
		kill_fasync(&l->fasync, SIGIO, POLL_MSG);
	}
	if (!any_conflict(in, want_write))
		return 0;
	if (flags & O_NONBLOCK)
		return -EWOULDBLOCK;
	for (;;) {
		uint64_t first = UINT64_MAX, now = get_jiffies_64();
		list_for_each_entry(l, &leases, link)
			if (l->file->f_inode == in && l->target != l->type)
				first = MIN(first, l->deadline);
		long wait = first == UINT64_MAX ? 1 : first > now ? (long)(first - now) : 1;
		long r = wait_event_interruptible_timeout(lease_wq, !any_conflict(in, want_write), wait);
		if (r < 0)
			return (int)r;
		if (!any_conflict(in, want_write))
			return 0;
	}
}

void leases_remove_file(struct file *f)
{
	struct lease *l = list_empty(&leases) ? NULL : lease_of(f);
	if (l)
		lease_free(l);
}
