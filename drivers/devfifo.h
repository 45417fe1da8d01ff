/* devfifo.h: a blocking byte FIFO for character drivers (chardev,
 * scullpipe), a module of its own (devfifo.ko) that they depend on. Written
 * against Linux's driver API only, so it builds for this kernel and for
 * Linux alike: a buffer, a semaphore around it (the seeds' chardev_sem and
 * LDD3's scull_pipe.sem), a wait queue for readers and one for writers, O_NONBLOCK and poll. read blocks while empty and write while
 * full; each moves as much as it can at once and returns the count, as a
 * pipe does. */
#ifndef DRIVERS_DEVFIFO_H
#define DRIVERS_DEVFIFO_H

#include <linux/fs.h>
#include <linux/poll.h>
#include <linux/semaphore.h>
#include <linux/types.h>
#include <linux/wait.h>

struct devfifo {
	char *buf;                      /* NULL until devfifo_alloc */
	size_t size, head, len;         /* data is len bytes from buf[head], wrapping */
	struct semaphore sem;           /* buf, head, len (a binary semaphore) */
	wait_queue_head_t readq, writeq;
	/* The O_ASYNC openers (the driver's fasync puts them here with
	 * fasync_helper): SIGIO with POLL_IN when data comes, as LDD3's scullpipe. */
	struct fasync_struct *async_queue;
};

void devfifo_init(struct devfifo *f);
/* Gives the FIFO an empty buffer of size bytes: 0, -EINVAL or -ENOMEM. */
int devfifo_alloc(struct devfifo *f, size_t size);
void devfifo_free(struct devfifo *f);

/* The count moved (short if the user buffer faults part-way); 0 for count 0;
 * -EAGAIN when it would block and nonblock; -ERESTARTSYS when a signal
 * interrupts the wait; -EFAULT when a bad buffer let nothing move. */
ssize_t devfifo_read(struct devfifo *f, char __user *buf, size_t count, bool nonblock);
ssize_t devfifo_write(struct devfifo *f, const char __user *buf, size_t count, bool nonblock);
/* EPOLLIN|EPOLLRDNORM when not empty, EPOLLOUT|EPOLLWRNORM when not full. */
__poll_t devfifo_poll(struct devfifo *f, struct file *file, poll_table *pt);

#endif
