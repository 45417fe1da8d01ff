/* linux/poll.h: Linux's <linux/poll.h>: poll_wait and the POLL* masks. */
#ifndef _INCLUDE_LINUX_POLL_H
#define _INCLUDE_LINUX_POLL_H

#include <fs/poll.h>
#include <uapi/poll.h>

#endif
