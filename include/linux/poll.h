/* linux/poll.h: Linux's <linux/poll.h>: poll_wait, __poll_t and the (E)POLL* masks. */
#ifndef _INCLUDE_LINUX_POLL_H
#define _INCLUDE_LINUX_POLL_H

#include <linux/types.h>
#include <fs/poll.h>
#include <uapi/poll.h>

#define EPOLLIN     ((__poll_t)POLLIN)
#define EPOLLPRI    ((__poll_t)POLLPRI)
#define EPOLLOUT    ((__poll_t)POLLOUT)
#define EPOLLERR    ((__poll_t)POLLERR)
#define EPOLLHUP    ((__poll_t)POLLHUP)
#define EPOLLRDNORM ((__poll_t)POLLRDNORM)
#define EPOLLWRNORM ((__poll_t)POLLWRNORM)

#endif
