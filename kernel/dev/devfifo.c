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

static void pass_on(struct devfifo *f)
{
	if (f->ring.len > 0)
		wake_up_interruptible(&f->readq);
	if (ringbuf_avail(&f->ring) > 0)
		wake_up_interruptible(&f->writeq);
}

ssize_t devfifo_read(struct devfifo *f, char __user *buf, size_t count, bool nonblock)
{
	if (count == 0)
		return 0;
	if (f->ring.len == 0) {
		if (nonblock)
			return -EAGAIN;
		int err = wait_event_interruptible_exclusive(f->readq, f->ring.len != 0);
		if (err) {
			pass_on(f);
			return err;
		}
	}
	ssize_t n = ringbuf_to_user(&f->ring, buf, count);
	pass_on(f);
	return n;
}

ssize_t devfifo_write(struct devfifo *f, const char __user *buf, size_t count, bool nonblock)
{
	if (count == 0)
		return 0;
	if (ringbuf_avail(&f->ring) == 0) {
		if (nonblock)
			return -EAGAIN;
		int err = wait_event_interruptible_exclusive(f->writeq, ringbuf_avail(&f->ring) != 0);
		if (err) {
			pass_on(f);
			return err;
		}
	}
	ssize_t n = ringbuf_from_user(&f->ring, buf, count);
	pass_on(f);
	return n;
}

unsigned int devfifo_poll(struct devfifo *f, struct file *file, poll_table *pt)
{
	poll_wait(file, &f->readq, pt);
	poll_wait(file, &f->writeq, pt);
	unsigned int mask = 0;
	if (f->ring.len > 0)
		mask |= POLLIN | POLLRDNORM;
	if (ringbuf_avail(&f->ring) > 0)
		mask |= POLLOUT | POLLWRNORM;
	return mask;
}
