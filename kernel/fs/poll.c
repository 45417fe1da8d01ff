/* poll.c: poll and select over the drivers' poll methods. Each round asks
 * every file for its ready mask; a driver's poll method calls poll_wait() on
 * the wait queues that will announce a change, and the caller sleeps on all
 * of them at once until one is woken, the timeout passes or a signal comes.
 * As Linux: revents is the mask filtered to the requested events plus POLLERR
 * and POLLHUP; a bad fd gives POLLNVAL; a negative fd is ignored; a file with
 * no poll method is always readable and writable. */
#include "kernel.h"
#include "locking/kernel_lock.h"
#include "fs/fdtable.h"
#include "mm/kmalloc.h"
#include "fs/poll.h"
#include "proc.h"
#include "syscall.h"
#include "time.h"
#include "x86/timer.h"
#include "errno.h"
#include "uapi/posix_types.h"
#include "uapi/time.h"

#define MAX_POLL_QUEUES 128
#define DEFAULT_MASK (POLLIN | POLLOUT | POLLRDNORM | POLLWRNORM)

struct poll_table_struct {
	bool registering;               /* true while a scan queues the sleeper */
	bool overflow;                  /* a queue did not fit: poll_loop must not sleep long */
	int n;
	/* Each queue's file, referenced as Linux's __pollwait does: the queue
	 * lives in the file's object, which a close during the sleep must not free. */
	struct file *file[MAX_POLL_QUEUES];
	struct wait_queue_head *wq[MAX_POLL_QUEUES];
	struct wait_queue_entry entry[MAX_POLL_QUEUES];
};

void poll_wait(struct file *file, struct wait_queue_head *wq, poll_table *pt)
{
	if (!pt || !pt->registering)
		return;
	if (pt->n == MAX_POLL_QUEUES) {
		pt->overflow = true;
		return;
	}
	struct wait_queue_entry *w = &pt->entry[pt->n];
	init_wait_entry(w);
	lock_kernel();                  /* a driver's poll calls it unlocked; the file count needs it */
	pt->file[pt->n] = get_file(file);
	unlock_kernel();
	pt->wq[pt->n++] = wq;
	prepare_to_wait(wq, w, TASK_INTERRUPTIBLE);
}

static void poll_release(poll_table *pt)
{
	for (int i = 0; i < pt->n; i++)
		finish_wait(pt->wq[i], &pt->entry[i]);
	/* Only now: a last fput frees its queues, which later entries may be on. */
	for (int i = 0; i < pt->n; i++)
		fput(pt->file[i]);
	pt->n = 0;
}

static unsigned int file_poll(struct file *f, poll_table *pt)
{
	return f->f_op->poll ? call_unlocked(f, f->f_op->poll(f, pt)) : DEFAULT_MASK;
}

/* One file of a scan, as Linux's fdget: a reference only if the table is
 * shared (another thread could close the fd while a poll method sleeps);
 * an unshared table keeps the file open, and only this thread, busy here,
 * could share it, so `shared` holds for the whole scan. */
static unsigned int scan_one(struct file *f, poll_table *pt, bool shared)
{
	if (shared)
		get_file(f);
	unsigned int mask = file_poll(f, pt);
	if (shared)
		fput(f);
	return mask;
}

/* The engine behind poll and select: asks `scan` for the number of ready
 * entries until one is ready, the timeout (in ticks, < 0: none) passes, or a
 * signal arrives. */
static int poll_loop(int (*scan)(void *ctx, poll_table *pt), void *ctx, long timeout)
{
	/* A zero timeout never sleeps: one scan joining no queue, as Linux. */
	if (timeout == 0)
		return scan(ctx, NULL);
	/* Not zeroed: poll_wait sets up each entry it hands out. */
	poll_table *pt = kmalloc(sizeof(*pt));
	if (!pt)
		return -ENOMEM;
	pt->overflow = false;
	pt->n = 0;
	int r;
	for (;;) {
		/* Queue on every wait queue and mark ourselves sleeping before
		 * looking, so a wake-up during the scan is not lost. */
		pt->registering = true;
		r = scan(ctx, pt);
		pt->registering = false;
		if (r || timeout == 0)
			break;
		if (signal_pending(current)) {
			r = -ERESTARTNOHAND;
			break;
		}
		if (pt->n == 0)
			current->state = P_SLEEPING, current->sleep_state = TASK_INTERRUPTIBLE;
		if (pt->overflow && (timeout < 0 || timeout > 1)) {
			/* Some wait queues were not joined, so no wake-up would come
			 * from them: look again every tick instead. */
			long left = schedule_timeout(1);
			if (timeout > 0)
				timeout -= 1 - left;
		} else {
			timeout = schedule_timeout(timeout);
		}
		pt->overflow = false;
		poll_release(pt);
	}
	poll_release(pt);
	kfree(pt);
	return r;
}

struct poll_ctx {
	struct pollfd *fds;
	unsigned int nfds;
};

static int scan_pollfds(void *ctx, poll_table *pt)
{
	struct poll_ctx *c = ctx;
	struct fdtable *files = current->files;
	bool shared = files->count > 1;
	int ready = 0;
	for (unsigned int i = 0; i < c->nfds; i++) {
		struct pollfd *p = &c->fds[i];
		p->revents = 0;
		if (p->fd < 0)
			continue;
		struct file *f = files_lookup_fd_raw(files, p->fd);
		p->revents = !f ? POLLNVAL
				: scan_one(f, pt, shared) & ((unsigned short)p->events | POLLERR | POLLHUP);
		if (p->revents)
			ready++;
	}
	return ready;
}

/* A poll or select timeout as ticks: one tick more than asked, as the
 * current tick is already partly gone; < 0: none. A timeout too long for a
 * tick count (about 248 days) waits forever. */
static long timeout_ticks(int64_t ns)
{
	if (ns < 0 || ns > (int64_t)(INT32_MAX - 2) / HZ * NSEC_PER_SEC)
		return -1;
	return ns == 0 ? 0 : (long)ns_to_jiffies(ns) + 1;
}

static long do_poll(struct pollfd *ufds, unsigned int nfds, long ticks)
{
	if (nfds > (unsigned int)current->rlim[RLIMIT_NOFILE].rlim_cur)
		return -EINVAL;
	/* A few entries fit on the stack (Linux's POLL_STACK_ALLOC). */
	struct pollfd small[32];
	struct poll_ctx c = { nfds <= ARRAY_SIZE(small) ? small : kmalloc(nfds * sizeof(struct pollfd)), nfds };
	if (!c.fds)
		return -ENOMEM;
	int r = copyin(ufds, c.fds, nfds * sizeof(struct pollfd)) ? -EFAULT : 0;
	if (!r)
		r = poll_loop(scan_pollfds, &c, ticks);
	/* The whole array in one copy: fd and events go back as they came (no
	 * thread could have changed them meanwhile), revents with the answers. */
	if (r >= 0 && copyout(c.fds, ufds, nfds * sizeof(struct pollfd)))
		r = -EFAULT;
	if (c.fds != small)
		kfree(c.fds);
	return r == -ERESTARTNOHAND ? -EINTR : r;
}

#define SET_WORDS (__FD_SETSIZE / 32)

struct select_ctx {
	int nfds;
	uint32_t in[3][SET_WORDS];      /* read, write, except: what was asked */
	uint32_t out[3][SET_WORDS];
};

static bool bit(const uint32_t *set, int fd)
{
	return set[fd / 32] & (1u << (fd % 32));
}

static int scan_select(void *ctx, poll_table *pt)
{
	static const unsigned int want[3] = {
		POLLIN | POLLRDNORM | POLLHUP | POLLERR, POLLOUT | POLLWRNORM | POLLERR, POLLPRI,
	};
	struct select_ctx *c = ctx;
	int ready = 0;
	memset(c->out, 0, sizeof(c->out));
	for (int fd = 0; fd < c->nfds; fd++) {
		if (!bit(c->in[0], fd) && !bit(c->in[1], fd) && !bit(c->in[2], fd))
			continue;
		struct file *f = files_lookup_fd_raw(current->files, fd);
		if (!f)
			return -EBADF;
		unsigned int mask = scan_one(f, pt, current->files->count > 1);
		for (int k = 0; k < 3; k++) {
			if (bit(c->in[k], fd) && (mask & want[k])) {
				c->out[k][fd / 32] |= 1u << (fd % 32);
				ready++;
			}
		}
	}
	return ready;
}

static long do_select(int nfds, uint32_t *ur, uint32_t *uw, uint32_t *ue, long ticks)
{
	uint32_t *user[3] = { ur, uw, ue };
	if (nfds < 0 || nfds > __FD_SETSIZE)
		return -EINVAL;
	struct select_ctx *c = kzalloc(sizeof(*c));
	if (!c)
		return -ENOMEM;
	c->nfds = nfds;
	size_t bytes = (nfds + 31) / 32 * 4;
	int r = 0;
	for (int k = 0; k < 3 && !r; k++)
		if (user[k] && copyin(user[k], c->in[k], bytes))
			r = -EFAULT;
	if (!r)
		r = poll_loop(scan_select, c, ticks);
	for (int k = 0; k < 3 && r >= 0; k++)
		if (user[k] && copyout(c->out[k], user[k], bytes))
			r = -EFAULT;
	kfree(c);
	return r == -ERESTARTNOHAND ? -EINTR : r;
}

/* Timeouts in their several user forms, as ticks (< 0: wait forever). */
static long timeval_ticks(const struct k_timeval *utv, long *ticks)
{
	struct k_timeval tv;
	*ticks = -1;
	if (!utv)
		return 0;
	if (copyin(utv, &tv, sizeof(tv)))
		return -EFAULT;
	if (tv.tv_sec < 0 || tv.tv_usec < 0 || tv.tv_usec >= 1000000)
		return -EINVAL;
	*ticks = timeout_ticks((int64_t)tv.tv_sec * NSEC_PER_SEC + (int64_t)tv.tv_usec * 1000);
	return 0;
}

static long timespec_ticks(const void __user *uts, bool wide, long *ticks)
{
	int64_t ns;
	*ticks = -1;
	if (!uts)
		return 0;
	int r = copyin_timespec(uts, wide, &ns);
	if (!r)
		*ticks = timeout_ticks(ns);
	return r;
}

SYSCALL_DEFINE3(poll, struct pollfd *, ufds, unsigned int, nfds, int, timeout_ms)
{
	return do_poll(ufds, nfds, timeout_ticks(timeout_ms < 0 ? -1 : (int64_t)timeout_ms * 1000000));
}

/* ppoll in both time_t widths: the timeout, then the signal mask for the wait. */
static long do_ppoll(struct pollfd *ufds, unsigned int nfds, const void *uts, bool wide,
		     const uint64_t *umask, size_t setsize)
{
	long ticks, r = timespec_ticks(uts, wide, &ticks);
	if (!r)
		r = sigmask_push(umask, setsize);
	return r ? r : sigmask_pop(do_poll(ufds, nfds, ticks));
}

SYSCALL_DEFINE5(ppoll, struct pollfd *, ufds, unsigned int, nfds, const struct k_timespec32 *, uts,
		const uint64_t *, umask, size_t, setsize)
{
	return do_ppoll(ufds, nfds, uts, false, umask, setsize);
}

SYSCALL_DEFINE5(ppoll_time64, struct pollfd *, ufds, unsigned int, nfds, const struct k_timespec64 *, uts,
		const uint64_t *, umask, size_t, setsize)
{
	return do_ppoll(ufds, nfds, uts, true, umask, setsize);
}

SYSCALL_DEFINE5(_newselect, int, nfds, uint32_t *, ur, uint32_t *, uw, uint32_t *, ue, struct k_timeval *, utv)
{
	long ticks, r = timeval_ticks(utv, &ticks);
	return r ? r : do_select(nfds, ur, uw, ue, ticks);
}

/* pselect6 in both time_t widths; uarg points at { const sigset_t *set; size_t size; }. */
static long do_pselect6(int nfds, uint32_t *ur, uint32_t *uw, uint32_t *ue, const void *uts, bool wide,
			const uint32_t *uarg)
{
	uint32_t a[2];
	long ticks, r = timespec_ticks(uts, wide, &ticks);
	if (!r && uarg)
		r = copyin(uarg, a, sizeof(a)) ? -EFAULT : sigmask_push((const uint64_t *)a[0], a[1]);
	return r ? r : sigmask_pop(do_select(nfds, ur, uw, ue, ticks));
}

SYSCALL_DEFINE6(pselect6, int, nfds, uint32_t *, ur, uint32_t *, uw, uint32_t *, ue,
		const struct k_timespec32 *, uts, const uint32_t *, uarg)
{
	return do_pselect6(nfds, ur, uw, ue, uts, false, uarg);
}

SYSCALL_DEFINE6(pselect6_time64, int, nfds, uint32_t *, ur, uint32_t *, uw, uint32_t *, ue,
		const struct k_timespec64 *, uts, const uint32_t *, uarg)
{
	return do_pselect6(nfds, ur, uw, ue, uts, true, uarg);
}
