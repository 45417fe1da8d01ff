/* locks.c: POSIX record locks (fcntl F_GETLK/F_SETLK/F_SETLKW and the 64-bit
 * forms), open-file-description locks (F_OFD_*) and flock(2), with Linux's
 * rules (fs/locks.c there). A record lock covers a byte range and belongs to
 * the process (its fd table) or, for OFD locks, to the open file; a process's
 * own locks on a file never overlap: setting one splits, replaces or merges
 * what it held. Record locks conflict when their owners differ and one is a
 * write lock; flock locks are a separate class on the whole file. F_SETLKW
 * finds a cycle of processes waiting on each other (EDEADLK). Every change
 * wakes all waiters, who look again. */
#include "kernel.h"
#include "fs/fdtable.h"
#include "fs/file.h"
#include "fs/locks.h"
#include "mm/kmalloc.h"
#include "proc.h"
#include "syscall.h"
#include "uaccess.h"
#include "waitqueue.h"
#include "uapi/errno.h"
#include "uapi/fcntl.h"
#include "uapi/fs.h"
#include "uapi/flock.h"

#define OFFSET_MAX INT64_MAX
#define OFFT_OFFSET_MAX INT32_MAX
#define MAX_DEADLK_DEPTH 16

#define FL_POSIX 1
#define FL_OFD   2
#define FL_FLOCK 4

struct file_lock {
	struct list_head link;
	struct inode *inode;
	void *owner;                    /* the fd table (FL_POSIX) or the file */
	int pid;                        /* who set it, for F_GETLK */
	int flags, type;
	int64_t start, end;             /* inclusive; end OFFSET_MAX: to the end of any file */
};

/* A process sleeping in F_SETLKW, for the deadlock walk. */
struct lock_waiter {
	struct list_head link;
	const struct file_lock *want;
};

static struct list_head all_locks = LIST_HEAD_INIT(all_locks);
static struct list_head waiters = LIST_HEAD_INIT(waiters);
static DECLARE_WAIT_QUEUE_HEAD(lock_wq);

static bool same_class(const struct file_lock *a, const struct file_lock *b)
{
	return (a->flags == FL_FLOCK) == (b->flags == FL_FLOCK);
}

static bool conflicts(const struct file_lock *held, const struct file_lock *req)
{
	return held->inode == req->inode && held->owner != req->owner && same_class(held, req) &&
	       (held->type == F_WRLCK || req->type == F_WRLCK) && held->start <= req->end &&
	       req->start <= held->end;
}

static struct file_lock *first_conflict(const struct file_lock *req)
{
	struct file_lock *l;
	list_for_each_entry(l, &all_locks, link)
		if (conflicts(l, req))
			return l;
	return NULL;
}

/* Whether waiting for req would close a cycle: the holder of the conflicting
 * lock waits for a lock whose holder waits ... for req's owner. */
static bool would_deadlock(const struct file_lock *req)
{
	const struct file_lock *c = first_conflict(req);
	for (int depth = 0; c && c->flags == FL_POSIX && depth < MAX_DEADLK_DEPTH; depth++) {
		if (c->owner == req->owner)
			return true;
		const struct lock_waiter *w, *found = NULL;
		list_for_each_entry(w, &waiters, link)
			if (w->want->owner == c->owner)
				found = w;
		if (!found)
			return false;
		c = first_conflict(found->want);
	}
	return false;
}

static struct file_lock *lock_copy(const struct file_lock *l, int64_t start, int64_t end)
{
	struct file_lock *n = kmalloc(sizeof *n);
	if (n) {
		*n = *l;
		n->start = start;
		n->end = end;
		list_add_tail(&n->link, &all_locks);
	}
	return n;
}

/* Makes req the owner's lock over its range (F_UNLCK: none), keeping the
 * owner's locks disjoint and merging touching locks of the same type. */
static int apply_lock(struct file_lock *req)
{
	struct file_lock *l, *n;
	/* Splitting one lock in two is the only step that needs memory: take it first. */
	struct file_lock *spare = kmalloc(sizeof *spare);
	if (!spare)
		return -ENOLCK;
	int64_t start = req->start, end = req->end;
	list_for_each_entry_safe(l, n, &all_locks, link) {
		if (l->inode != req->inode || l->owner != req->owner || !same_class(l, req))
			continue;
		bool touches = l->start <= (end == OFFSET_MAX ? end : end + 1) &&
			       (l->end == OFFSET_MAX ? l->end : l->end + 1) >= start;
		if (!touches)
			continue;
		if (l->type == req->type) {
			start = MIN(start, l->start);
			end = MAX(end, l->end);
		} else if (l->start <= req->end && req->start <= l->end) {
			if (l->start < req->start && l->end > req->end) {
				*spare = *l;
				spare->start = req->end + 1;
				list_add_tail(&spare->link, &all_locks);
				spare = NULL;
				l->end = req->start - 1;
				continue;
			}
			if (l->start < req->start) {
				l->end = req->start - 1;
				continue;
			}
			if (l->end > req->end) {
				l->start = req->end + 1;
				continue;
			}
		} else {
			continue;
		}
		list_del(&l->link);
		kfree(l);
	}
	kfree(spare);
	int err = 0;
	if (req->type != F_UNLCK && !lock_copy(req, start, end))
		err = -ENOLCK;
	wake_up_all(&lock_wq);
	return err;
}

/* Sets req, waiting (wait) or not for conflicting locks to go. */
static int set_lock(struct file_lock *req, bool wait)
{
	if (req->type == F_UNLCK)
		return apply_lock(req);
	while (first_conflict(req)) {
		if (!wait)
			return -EAGAIN;
		if (req->flags == FL_POSIX && would_deadlock(req))
			return -EDEADLK;
		struct lock_waiter w = { .want = req };
		list_add_tail(&w.link, &waiters);
		int err = wait_event_interruptible(lock_wq, !first_conflict(req));
		list_del(&w.link);
		if (err)
			return err;
	}
	return apply_lock(req);
}

static void remove_where(bool (*match)(const struct file_lock *l, const void *a, const void *b),
			 const void *a, const void *b)
{
	struct file_lock *l, *n;
	bool any = false;
	list_for_each_entry_safe(l, n, &all_locks, link) {
		if (match(l, a, b)) {
			list_del(&l->link);
			kfree(l);
			any = true;
		}
	}
	if (any)
		wake_up_all(&lock_wq);
}

static bool posix_of(const struct file_lock *l, const void *inode, const void *owner)
{
	return l->flags == FL_POSIX && l->inode == inode && l->owner == owner;
}

static bool owned_by_file(const struct file_lock *l, const void *file, const void *unused)
{
	(void)unused;
	return l->flags != FL_POSIX && l->owner == file;
}

void locks_remove_posix(struct file *f, struct fdtable *owner)
{
	if (f && !list_empty(&all_locks))
		remove_where(posix_of, f->f_inode, owner);
}

void locks_remove_file(struct file *f)
{
	if (!list_empty(&all_locks))
		remove_where(owned_by_file, f, NULL);
}

/* struct flock's fields into a lock over [start, end], as flock64_to_posix_lock. */
static int flock_to_lock(struct file *f, const struct k_flock64 *fl, struct file_lock *req)
{
	int64_t base;
	switch (fl->l_whence) {
	case SEEK_SET: base = 0; break;
	case SEEK_CUR: base = f->f_pos; break;
	case SEEK_END: base = f->f_inode->i_size; break;
	default: return -EINVAL;
	}
	if (fl->l_start > OFFSET_MAX - base)
		return -EOVERFLOW;
	int64_t start = base + fl->l_start;
	if (start < 0)
		return -EINVAL;
	if (fl->l_len > 0) {
		if (fl->l_len - 1 > OFFSET_MAX - start)
			return -EOVERFLOW;
		req->start = start;
		req->end = start + fl->l_len - 1;
	} else if (fl->l_len < 0) {
		if (start + fl->l_len < 0)
			return -EINVAL;
		req->start = start + fl->l_len;
		req->end = start - 1;
	} else {
		req->start = start;
		req->end = OFFSET_MAX;
	}
	if (fl->l_type != F_RDLCK && fl->l_type != F_WRLCK && fl->l_type != F_UNLCK)
		return -EINVAL;
	req->type = fl->l_type;
	req->inode = f->f_inode;
	req->pid = current->pid;
	return 0;
}

static long getlk(struct file *f, struct k_flock64 *fl, bool ofd, bool narrow)
{
	struct file_lock req;
	if (fl->l_type != F_RDLCK && fl->l_type != F_WRLCK)
		return -EINVAL;
	if (ofd && fl->l_pid != 0)
		return -EINVAL;
	int err = flock_to_lock(f, fl, &req);
	if (err)
		return err;
	req.flags = ofd ? FL_OFD : FL_POSIX;
	req.owner = ofd ? (void *)f : (void *)current->files;
	const struct file_lock *c = first_conflict(&req);
	if (!c) {
		fl->l_type = F_UNLCK;
		return 0;
	}
	if (narrow && (c->start > OFFT_OFFSET_MAX || (c->end != OFFSET_MAX && c->end > OFFT_OFFSET_MAX)))
		return -EOVERFLOW;
	fl->l_type = (int16_t)c->type;
	fl->l_whence = SEEK_SET;
	fl->l_start = c->start;
	fl->l_len = c->end == OFFSET_MAX ? 0 : c->end - c->start + 1;
	fl->l_pid = c->flags == FL_OFD ? -1 : c->pid;
	return 0;
}

static long setlk(struct file *f, const struct k_flock64 *fl, bool ofd, bool wait)
{
	struct file_lock req;
	if (ofd && fl->l_pid != 0)
		return -EINVAL;
	int err = flock_to_lock(f, fl, &req);
	if (err)
		return err;
	if ((req.type == F_RDLCK && !file_readable(f)) || (req.type == F_WRLCK && !file_writable(f)))
		return -EBADF;
	req.flags = ofd ? FL_OFD : FL_POSIX;
	req.owner = ofd ? (void *)f : (void *)current->files;
	return set_lock(&req, wait);
}

static int copy_flock_in(unsigned long arg, bool is64, struct k_flock64 *fl)
{
	if (is64)
		return copyin((const void __user *)arg, fl, sizeof *fl) ? -EFAULT : 0;
	struct k_flock f32;
	if (copyin((const void __user *)arg, &f32, sizeof f32))
		return -EFAULT;
	*fl = (struct k_flock64){ f32.l_type, f32.l_whence, f32.l_start, f32.l_len, f32.l_pid };
	return 0;
}

static int copy_flock_out(const struct k_flock64 *fl, unsigned long arg, bool is64)
{
	if (is64)
		return copyout(fl, (void __user *)arg, sizeof *fl) ? -EFAULT : 0;
	struct k_flock f32 = { fl->l_type, fl->l_whence, (int32_t)fl->l_start, (int32_t)fl->l_len, fl->l_pid };
	return copyout(&f32, (void __user *)arg, sizeof f32) ? -EFAULT : 0;
}

long fcntl_lock(struct file *f, unsigned int cmd, unsigned long arg, bool is64)
{
	bool wide;                      /* struct flock64 */
	switch (cmd) {
	case F_GETLK: case F_SETLK: case F_SETLKW:
		wide = false;
		break;
	case F_GETLK64: case F_SETLK64: case F_SETLKW64:
	case F_OFD_GETLK: case F_OFD_SETLK: case F_OFD_SETLKW:
		if (!is64)
			return -EINVAL;         /* 32-bit Linux takes these through fcntl64 only */
		wide = true;
		break;
	default:
		return -ENOIOCTLCMD;
	}
	struct k_flock64 fl;
	int err = copy_flock_in(arg, wide, &fl);
	if (err)
		return err;
	bool ofd = cmd >= F_OFD_GETLK;
	if (cmd == F_GETLK || cmd == F_GETLK64 || cmd == F_OFD_GETLK) {
		err = getlk(f, &fl, ofd, !wide);
		return err ? err : copy_flock_out(&fl, arg, wide);
	}
	bool wait = cmd == F_SETLKW || cmd == F_SETLKW64 || cmd == F_OFD_SETLKW;
	return setlk(f, &fl, ofd, wait);
}

SYSCALL_DEFINE2(flock, int, fd, unsigned int, op)
{
	struct file_lock req = { .flags = FL_FLOCK, .start = 0, .end = OFFSET_MAX };
	switch (op & ~LOCK_NB) {
	case LOCK_SH: req.type = F_RDLCK; break;
	case LOCK_EX: req.type = F_WRLCK; break;
	case LOCK_UN: req.type = F_UNLCK; break;
	default: return -EINVAL;
	}
	struct file *f = fget(fd);
	if (!f)
		return -EBADF;
	req.inode = f->f_inode;
	req.owner = f;
	req.pid = current->pid;
	/* A conversion drops the old lock first, as Linux's flock_lock_inode. */
	struct file_lock unlock = req;
	unlock.type = F_UNLCK;
	long err = apply_lock(&unlock);
	if (!err && req.type != F_UNLCK)
		err = set_lock(&req, !(op & LOCK_NB));
	fput(f);
	return err == -EAGAIN ? -EWOULDBLOCK : err;
}
