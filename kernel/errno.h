/* errno.h: the kernel's error codes: every errno user space can see (uapi/errno.h) and, as
 * in Linux's include/linux/errno.h, the kernel-internal codes that must never reach it. */
#ifndef ERRNO_H
#define ERRNO_H

#include "uapi/errno.h"

/* A sleep was interrupted by a signal. On the way back to user space the signal code turns
 * ERESTARTSYS into a restart of the call if the handler has SA_RESTART (or no handler runs),
 * else into EINTR; ERESTARTNOHAND restarts only if no handler runs. */
#define ERESTARTSYS    512
#define ERESTARTNOHAND 514
/* A driver's ioctl says "not mine": the generic ioctl path reports ENOTTY. */
#define ENOIOCTLCMD    515

#endif
