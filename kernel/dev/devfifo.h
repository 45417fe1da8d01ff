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
#include "fs/ringbuf.h"
#include "waitqueue.h"

/* Used from process context only (no interrupt handler touches it); the
 * caller's kernel is not preempted, so a read or write between two sleeps
 * sees the ring as nobody else is changing it. */
struct devfifo {
	struct ringbuf ring;            /* ring.buf is NULL until devfifo_alloc */
	struct wait_queue_head readq, writeq;
};

void devfifo_init(struct devfifo *f);
/* Gives the FIFO an empty buffer of size bytes: 0 or -ENOMEM / -EINVAL. */
int devfifo_alloc(struct devfifo *f, size_t size);
void devfifo_free(struct devfifo *f);

/* The count moved (short if the user buffer faults part-way); 0 for count 0;
 * -EAGAIN when it would block and nonblock; -ERESTARTSYS when a signal
 * interrupts the wait; -EFAULT when a bad buffer let nothing move. */
ssize_t devfifo_read(struct devfifo *f, char __user *buf, size_t count, bool nonblock);
ssize_t devfifo_write(struct devfifo *f, const char __user *buf, size_t count, bool nonblock);
/* POLLIN|POLLRDNORM when not empty, POLLOUT|POLLWRNORM when not full. */
unsigned int devfifo_poll(struct devfifo *f, struct file *file, poll_table *pt);

#endif
