/* devfifo.h: a blocking byte FIFO for character drivers (chardev, scullpipe):
 * a ring buffer, a wait queue for readers and one for writers, O_NONBLOCK
 * and poll. read blocks while empty and write while full; each moves as much
 * as it can at once and returns the count, as a pipe does. */
#ifndef DEVFIFO_H
#define DEVFIFO_H

#include <stdbool.h>
#include <stddef.h>
#include "fs/file.h"
#include "fs/poll.h"
#include "waitqueue.h"

struct devfifo {
	char *buf;                      /* NULL until devfifo_alloc */
	size_t size, head, len;         /* bytes held: [head, head + len) mod size */
	struct wait_queue_head readq, writeq;
};

void devfifo_init(struct devfifo *f);
/* Gives the FIFO an empty buffer of size bytes: 0 or -ENOMEM / -EINVAL. */
int devfifo_alloc(struct devfifo *f, size_t size);
void devfifo_free(struct devfifo *f);

/* 0 for count 0; -EAGAIN when it would block and nonblock; -ERESTARTSYS when
 * a signal interrupts the wait; -EFAULT for a bad buffer (nothing moved). */
ssize_t devfifo_read(struct devfifo *f, char __user *buf, size_t count, bool nonblock);
ssize_t devfifo_write(struct devfifo *f, const char __user *buf, size_t count, bool nonblock);
/* POLLIN|POLLRDNORM when not empty, POLLOUT|POLLWRNORM when not full. */
unsigned int devfifo_poll(struct devfifo *f, struct file *file, poll_table *pt);

#endif
