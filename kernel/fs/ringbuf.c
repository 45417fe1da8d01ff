/* ringbuf.c: the byte ring of ringbuf.h. */
#include "fs/ringbuf.h"
#include "kernel.h"
#include "mm/kmalloc.h"
#include "uapi/errno.h"

int ringbuf_alloc(struct ringbuf *rb, size_t size)
{
	if (size == 0)
		return -EINVAL;
	char *buf = kmalloc(size);
	if (!buf)
		return -ENOMEM;
	kfree(rb->buf);
	*rb = (struct ringbuf){ .buf = buf, .size = size };
	return 0;
}

void ringbuf_free(struct ringbuf *rb)
{
	kfree(rb->buf);
	*rb = (struct ringbuf){ 0 };
}

ssize_t ringbuf_to_user(struct ringbuf *rb, char __user *ubuf, size_t n)
{
	size_t done = 0;
	n = MIN(n, rb->len);
	while (done < n) {
		size_t piece = MIN(n - done, rb->size - rb->head);
		if (copyout(rb->buf + rb->head, ubuf + done, piece))
			return done ? (ssize_t)done : -EFAULT;
		rb->head = (rb->head + piece) % rb->size;
		rb->len -= piece;
		done += piece;
	}
	return (ssize_t)done;
}

ssize_t ringbuf_from_user(struct ringbuf *rb, const char __user *ubuf, size_t n)
{
	size_t done = 0;
	n = MIN(n, ringbuf_avail(rb));
	while (done < n) {
		size_t tail = (rb->head + rb->len) % rb->size;
		size_t piece = MIN(n - done, rb->size - tail);
		if (copyin(ubuf + done, rb->buf + tail, piece))
			return done ? (ssize_t)done : -EFAULT;
		rb->len += piece;
		done += piece;
	}
	return (ssize_t)done;
}

int ringbuf_resize(struct ringbuf *rb, size_t size)
{
	if (size < rb->len || size == 0)
		return -EINVAL;
	char *buf = kmalloc(size);
	if (!buf)
		return -ENOMEM;
	for (size_t i = 0; i < rb->len; i++)
		buf[i] = rb->buf[(rb->head + i) % rb->size];
	kfree(rb->buf);
	*rb = (struct ringbuf){ .buf = buf, .size = size, .len = rb->len };
	return 0;
}
