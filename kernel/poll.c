/* poll.c: poll and select over the drivers' poll methods. Each round asks
 * every file for its ready mask; a driver's poll method calls poll_wait() on
 * the wait queues that will announce a change, and the caller sleeps on all
 * of them at once until one is woken, the timeout passes or a signal comes.
 * As Linux: revents is the mask filtered to the requested events plus POLLERR
 * and POLLHUP; a bad fd gives POLLNVAL; a negative fd is ignored; a file with
 * no poll method is always readable and writable. */
#include "kernel.h"
#include "fdtable.h"
#include "kmalloc.h"
#include "poll.h"
#include "proc.h"
#include "syscall.h"
#include "timer.h"
#include "uapi/errno.h"
#include "uapi/time.h"

#define MAX_POLL_QUEUES 128
#define DEFAULT_MASK (POLLIN | POLLOUT | POLLRDNORM | POLLWRNORM)

struct poll_table_struct {
	bool registering;               /* only the first round queues the sleeper */
	int n;
	struct wait_queue_head *wq[MAX_POLL_QUEUES];
	struct wait_queue_entry entry[MAX_POLL_QUEUES];
};

void poll_wait(struct file *file, struct wait_queue_head *wq, poll_table *pt)
{
	(void)file;
	if (!pt || !pt->registering || pt->n == MAX_POLL_QUEUES)
		return;
	struct wait_queue_entry *w = &pt->entry[pt->n];
	init_wait_entry(w);
	pt->wq[pt->n++] = wq;
	prepare_to_wait(wq, w, TASK_INTERRUPTIBLE);
}

static void poll_release(poll_table *pt)
{
	for (int i = 0; i < pt->n; i++)
		finish_wait(pt->wq[i], &pt->entry[i]);
	pt->n = 0;
}

static unsigned int file_poll(struct file *f, poll_table *pt)
{
	return f->f_op->poll ? f->f_op->poll(f, pt) : DEFAULT_MASK;
}

/* The engine behind poll and select: asks `scan` for the number of ready
 * entries until one is ready, the timeout (in ticks, < 0: none) passes, or a
 * signal arrives. */
static int poll_loop(int (*scan)(void *ctx, poll_table *pt), void *ctx, long timeout)
{
	poll_table *pt = kzalloc(sizeof(*pt));
	if (!pt)
		return -ENOMEM;
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
		timeout = schedule_timeout(timeout);
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
	int ready = 0;
	for (unsigned int i = 0; i < c->nfds; i++) {
		struct pollfd *p = &c->fds[i];
		p->revents = 0;
		if (p->fd < 0)
			continue;
		struct file *f = fget(p->fd);
		if (!f) {
			p->revents = POLLNVAL;
		} else {
			unsigned int mask = file_poll(f, pt);
			p->revents = mask & ((unsigned short)p->events | POLLERR | POLLHUP);
		}
		if (p->revents)
			ready++;
	}
	return ready;
}

static long ms_to_ticks(long ms)
{
	/* One tick more than asked: the current tick is already partly gone. */
	return ms < 0 ? -1 : ms == 0 ? 0 : (ms * HZ + 999) / 1000 + 1;
}

SYSCALL_DEFINE3(poll, struct pollfd *, ufds, unsigned int, nfds, int, timeout_ms)
{
	if (nfds > (unsigned int)current->rlim[RLIMIT_NOFILE].rlim_cur)
		return -EINVAL;
	struct poll_ctx c = { kmalloc(nfds * sizeof(struct pollfd) + 1), nfds };
	if (!c.fds)
		return -ENOMEM;
	int r = copyin(ufds, c.fds, nfds * sizeof(struct pollfd));
	if (!r)
		r = poll_loop(scan_pollfds, &c, ms_to_ticks(timeout_ms));
	if (r >= 0) {
		for (unsigned int i = 0; i < nfds; i++)
			if (copyout(&c.fds[i].revents, &ufds[i].revents, sizeof(short))) {
				r = -EFAULT;
				break;
			}
	}
	kfree(c.fds);
	return r == -ERESTARTNOHAND ? -EINTR : r;
}

#define FD_SETSIZE_BITS 1024
#define SET_WORDS (FD_SETSIZE_BITS / 32)

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
		struct file *f = fget(fd);
		if (!f)
			return -EBADF;
		unsigned int mask = file_poll(f, pt);
		for (int k = 0; k < 3; k++) {
			if (bit(c->in[k], fd) && (mask & want[k])) {
				c->out[k][fd / 32] |= 1u << (fd % 32);
				ready++;
			}
		}
	}
	return ready;
}

SYSCALL_DEFINE5(_newselect, int, nfds, uint32_t *, ur, uint32_t *, uw, uint32_t *, ue, struct k_timeval *, utv)
{
	uint32_t *user[3] = { ur, uw, ue };
	if (nfds < 0 || nfds > FD_SETSIZE_BITS)
		return -EINVAL;
	struct select_ctx *c = kzalloc(sizeof(*c));
	if (!c)
		return -ENOMEM;
	c->nfds = nfds;
	size_t bytes = (nfds + 31) / 32 * 4;
	long timeout = -1;
	int r = 0;
	for (int k = 0; k < 3 && !r; k++)
		if (user[k] && copyin(user[k], c->in[k], bytes))
			r = -EFAULT;
	if (!r && utv) {
		struct k_timeval tv;
		if (copyin(utv, &tv, sizeof(tv)))
			r = -EFAULT;
		else if (tv.tv_sec < 0 || tv.tv_usec < 0)
			r = -EINVAL;
		else
			timeout = ms_to_ticks((long)tv.tv_sec * 1000 + (tv.tv_usec + 999) / 1000);
	}
	if (!r)
		r = poll_loop(scan_select, c, timeout);
	for (int k = 0; k < 3 && r >= 0; k++)
		if (user[k] && copyout(c->out[k], user[k], bytes))
			r = -EFAULT;
	kfree(c);
	return r == -ERESTARTNOHAND ? -EINTR : r;
}
