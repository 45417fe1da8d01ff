/* devfifo.c: the blocking byte FIFO of devfifo.h.
 *
 * Readers and writers wait exclusively (LDD3's prepare_to_wait_exclusive), so
 * a wake-up rouses one sleeper instead of the whole herd. The price is that a
 * woken sleeper must pass the wake-up on when it leaves something for the next
 * one: data still in the FIFO, room still free, or a wake-up it consumed but
 * could not use because a signal arrived. poll waiters are not exclusive and
 * always see every wake-up. */
#include "dev/devfifo.h"
#include "kernel.h"
#include "uapi/errno.h"

void devfifo_init(struct devfifo *f)
{
	f->ring = (struct ringbuf){ 0 };
	init_waitqueue_head(&f->readq);
	init_waitqueue_head(&f->writeq);
}

int devfifo_alloc(struct devfifo *f, size_t size)
{
	return ringbuf_alloc(&f->ring, size);
}

void devfifo_free(struct devfifo *f)
{
	ringbuf_free(&f->ring);
}

/* Data to read (to_user), or room to write. */
static bool devfifo_ready(const struct devfifo *f, bool to_user)
{
	return to_user ? f->ring.len > 0 : ringbuf_avail(&f->ring) > 0;
}

static void pass_on(struct devfifo *f)
{
	if (devfifo_ready(f, true))
		wake_up_interruptible(&f->readq);
	if (devfifo_ready(f, false))
		wake_up_interruptible(&f->writeq);
}

static ssize_t devfifo_xfer(struct devfifo *f, char __user *buf, size_t count, bool nonblock, bool to_user)
{
	if (count == 0)
		return 0;
	if (!devfifo_ready(f, to_user)) {
		if (nonblock)
			return -EAGAIN;
		struct wait_queue_head *q = to_user ? &f->readq : &f->writeq;
		int err = wait_event_interruptible_exclusive(*q, devfifo_ready(f, to_user));
		if (err) {
			pass_on(f);
			return err;
		}
	}
	ssize_t n = to_user ? ringbuf_to_user(&f->ring, buf, count) : ringbuf_from_user(&f->ring, buf, count);
	pass_on(f);
	return n;
}

ssize_t devfifo_read(struct devfifo *f, char __user *buf, size_t count, bool nonblock)
{
	return devfifo_xfer(f, buf, count, nonblock, true);
}

ssize_t devfifo_write(struct devfifo *f, const char __user *buf, size_t count, bool nonblock)
{
	return devfifo_xfer(f, (char __user *)buf, count, nonblock, false);
}

unsigned int devfifo_poll(struct devfifo *f, struct file *file, poll_table *pt)
{
	poll_wait(file, &f->readq, pt);
	poll_wait(file, &f->writeq, pt);
	unsigned int mask = 0;
	if (devfifo_ready(f, true))
		mask |= POLLIN | POLLRDNORM;
	if (devfifo_ready(f, false))
		mask |= POLLOUT | POLLWRNORM;
	return mask;
}
