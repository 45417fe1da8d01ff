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
#include "mm/kmalloc.h"
#include "uaccess.h"
#include "uapi/errno.h"

void devfifo_init(struct devfifo *f)
{
	f->buf = NULL;
	f->size = f->head = f->len = 0;
	init_waitqueue_head(&f->readq);
	init_waitqueue_head(&f->writeq);
}

int devfifo_alloc(struct devfifo *f, size_t size)
{
	if (size == 0)
		return -EINVAL;
	char *buf = kmalloc(size);
	if (!buf)
		return -ENOMEM;
	kfree(f->buf);
	f->buf = buf;
	f->size = size;
	f->head = f->len = 0;
	return 0;
}

void devfifo_free(struct devfifo *f)
{
	kfree(f->buf);
	f->buf = NULL;
	f->size = f->head = f->len = 0;
}

static void pass_on(struct devfifo *f)
{
	if (f->len > 0)
		wake_up_interruptible(&f->readq);
	if (f->len < f->size)
		wake_up_interruptible(&f->writeq);
}

/* Copies between the user buffer and the ring at ring offset `at`, in two
 * pieces when the bytes wrap around the end of the buffer. */
static int ring_copy(struct devfifo *f, size_t at, char __user *ubuf, size_t n, bool to_user)
{
	size_t first = MIN(n, f->size - at);
	unsigned long left;
	if (to_user)
		left = copy_to_user(ubuf, f->buf + at, first) +
		       copy_to_user(ubuf + first, f->buf, n - first);
	else
		left = copy_from_user(f->buf + at, ubuf, first) +
		       copy_from_user(f->buf, ubuf + first, n - first);
	return left ? -EFAULT : 0;
}

ssize_t devfifo_read(struct devfifo *f, char __user *buf, size_t count, bool nonblock)
{
	if (count == 0)
		return 0;
	if (f->len == 0) {
		if (nonblock)
			return -EAGAIN;
		int err = wait_event_interruptible_exclusive(f->readq, f->len != 0);
		if (err) {
			pass_on(f);
			return err;
		}
	}
	size_t n = MIN(count, f->len);
	if (ring_copy(f, f->head, buf, n, true)) {
		pass_on(f);
		return -EFAULT;
	}
	f->head = (f->head + n) % f->size;
	f->len -= n;
	pass_on(f);
	return (ssize_t)n;
}

ssize_t devfifo_write(struct devfifo *f, const char __user *buf, size_t count, bool nonblock)
{
	if (count == 0)
		return 0;
	if (f->len == f->size) {
		if (nonblock)
			return -EAGAIN;
		int err = wait_event_interruptible_exclusive(f->writeq, f->len != f->size);
		if (err) {
			pass_on(f);
			return err;
		}
	}
	size_t n = MIN(count, f->size - f->len);
	if (ring_copy(f, (f->head + f->len) % f->size, (char __user *)buf, n, false)) {
		pass_on(f);
		return -EFAULT;
	}
	f->len += n;
	pass_on(f);
	return (ssize_t)n;
}

unsigned int devfifo_poll(struct devfifo *f, struct file *file, poll_table *pt)
{
	poll_wait(file, &f->readq, pt);
	poll_wait(file, &f->writeq, pt);
	unsigned int mask = 0;
	if (f->len > 0)
		mask |= POLLIN | POLLRDNORM;
	if (f->len < f->size)
		mask |= POLLOUT | POLLWRNORM;
	return mask;
}
