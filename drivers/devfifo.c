/* devfifo.c: the blocking byte FIFO of devfifo.h.
 *
 * Readers and writers wait exclusively (LDD3's prepare_to_wait_exclusive), so
 * a wake-up rouses one sleeper instead of the whole herd. The price is that a
 * woken sleeper must pass the wake-up on when it leaves something for the next
 * one: data still in the FIFO, room still free, or a wake-up it consumed but
 * could not use because a signal arrived. poll waiters are not exclusive and
 * always see every wake-up. The semaphore is held across the user copies
 * (which may sleep on a page fault), never across a wait: as in the seeds,
 * a sleeper gives it up (up), waits, and takes it again (down_interruptible)
 * before it looks at the buffer, because another CPU may have emptied or
 * filled it in between. */
#include <linux/module.h>
#include <linux/sched.h>            /* SIGIO, POLL_IN */
#include <linux/slab.h>
#include <linux/uaccess.h>
#include "devfifo.h"

void devfifo_init(struct devfifo *f)
{
	f->buf = NULL;
	f->size = f->head = f->len = 0;
	sema_init(&f->sem, 1);
	init_waitqueue_head(&f->readq);
	init_waitqueue_head(&f->writeq);
	f->async_queue = NULL;
}
EXPORT_SYMBOL(devfifo_init);

int devfifo_alloc(struct devfifo *f, size_t size)
{
	if (size == 0)
		return -EINVAL;
	f->buf = kmalloc(size, GFP_KERNEL);
	if (!f->buf)
		return -ENOMEM;
	f->size = size;
	f->head = f->len = 0;
	return 0;
}
EXPORT_SYMBOL(devfifo_alloc);

void devfifo_free(struct devfifo *f)
{
	kfree(f->buf);
	f->buf = NULL;
	f->size = f->head = f->len = 0;
}
EXPORT_SYMBOL(devfifo_free);

/* Data to read (to_user), or room to write. */
static bool devfifo_ready(const struct devfifo *f, bool to_user)
{
	return to_user ? f->len > 0 : f->len < f->size;
}

static void pass_on(struct devfifo *f)
{
	if (devfifo_ready(f, true))
		wake_up_interruptible(&f->readq);
	if (devfifo_ready(f, false))
		wake_up_interruptible(&f->writeq);
}

/* Moves up to count bytes in at most two pieces (the ring wraps); stops at
 * the first byte a user copy could not move. */
static size_t devfifo_copy(struct devfifo *f, char __user *ubuf, size_t count, bool to_user)
{
	size_t done = 0;
	count = min_t(size_t, count, to_user ? f->len : f->size - f->len);
	while (done < count) {
		size_t at = to_user ? f->head : (f->head + f->len) % f->size;
		size_t piece = min_t(size_t, count - done, f->size - at);
		size_t left = to_user ? copy_to_user(ubuf + done, f->buf + at, piece)
				      : copy_from_user(f->buf + at, ubuf + done, piece);
		piece -= left;
		if (to_user) {
			f->head = (f->head + piece) % f->size;
			f->len -= piece;
		} else {
			f->len += piece;
		}
		done += piece;
		if (left)
			break;
	}
	return done;
}

static ssize_t devfifo_xfer(struct devfifo *f, char __user *buf, size_t count, bool nonblock,
			    bool to_user)
{
	wait_queue_head_t *q = to_user ? &f->readq : &f->writeq;
	if (count == 0)
		return 0;
	if (down_interruptible(&f->sem))
		return -ERESTARTSYS;
	while (!devfifo_ready(f, to_user)) {
		up(&f->sem);
		if (nonblock)
			return -EAGAIN;
		if (wait_event_interruptible_exclusive(*q, devfifo_ready(f, to_user)) ||
		    down_interruptible(&f->sem)) {
			pass_on(f);
			return -ERESTARTSYS;
		}
	}
	size_t n = devfifo_copy(f, buf, count, to_user);
	pass_on(f);
	up(&f->sem);
	if (n && !to_user)
		kill_fasync(&f->async_queue, SIGIO, POLL_IN);
	return n ? (ssize_t)n : -EFAULT;
}

ssize_t devfifo_read(struct devfifo *f, char __user *buf, size_t count, bool nonblock)
{
	return devfifo_xfer(f, buf, count, nonblock, true);
}
EXPORT_SYMBOL(devfifo_read);

ssize_t devfifo_write(struct devfifo *f, const char __user *buf, size_t count, bool nonblock)
{
	return devfifo_xfer(f, (char __user *)buf, count, nonblock, false);
}
EXPORT_SYMBOL(devfifo_write);

__poll_t devfifo_poll(struct devfifo *f, struct file *file, poll_table *pt)
{
	__poll_t mask = 0;
	poll_wait(file, &f->readq, pt);
	poll_wait(file, &f->writeq, pt);
	if (devfifo_ready(f, true))
		mask |= EPOLLIN | EPOLLRDNORM;
	if (devfifo_ready(f, false))
		mask |= EPOLLOUT | EPOLLWRNORM;
	return mask;
}
EXPORT_SYMBOL(devfifo_poll);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("the blocking byte FIFO of chardev and scullpipe");
