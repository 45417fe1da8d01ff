/* ringbuf.h: a byte ring between user buffers (Linux calls its one kfifo):
 * what a pipe and the drivers' devfifo keep their bytes in. Data goes in at
 * the tail and out at the head, in at most two pieces when it wraps around
 * the end of the buffer. The ring does no locking and no waiting: its owner
 * does both (pipes and devfifos are used from process context only). */
#ifndef RINGBUF_H
#define RINGBUF_H

#include <stddef.h>
#include "fs/file.h"

struct ringbuf {
	char *buf;                      /* NULL until ringbuf_alloc */
	size_t size, head, len;         /* bytes held: [head, head + len) mod size */
};

/* An empty ring of size bytes: 0, -EINVAL for size 0, -ENOMEM. */
int ringbuf_alloc(struct ringbuf *rb, size_t size);
void ringbuf_free(struct ringbuf *rb);
/* A new capacity keeping the bytes held: 0, -EINVAL below them, -ENOMEM. */
int ringbuf_resize(struct ringbuf *rb, size_t size);

static inline size_t ringbuf_avail(const struct ringbuf *rb)
{
	return rb->size - rb->len;
}

/* Moves up to n bytes from the head out to ubuf (or in from ubuf at the
 * tail): the count moved, short if a piece faults, or -EFAULT if nothing
 * could be moved. What was moved stays moved. */
ssize_t ringbuf_to_user(struct ringbuf *rb, char __user *ubuf, size_t n);
ssize_t ringbuf_from_user(struct ringbuf *rb, const char __user *ubuf, size_t n);

#endif
