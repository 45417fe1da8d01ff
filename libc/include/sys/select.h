/* sys/select.h: select() and fd_set (1024 descriptors, as the kernel's _newselect expects). */
#ifndef _SYS_SELECT_H
#define _SYS_SELECT_H

#include <sys/types.h>
#include <time.h>		/* struct timeval lives with struct timespec */
#include <uapi/posix_types.h>

#define FD_SETSIZE __FD_SETSIZE
#define __NFDBITS  (8 * (int)sizeof(unsigned long))

typedef struct {
	unsigned long fds_bits[FD_SETSIZE / (8 * sizeof(unsigned long))];
} fd_set;

#define FD_ZERO(s)     __builtin_memset((s), 0, sizeof(fd_set))
#define FD_SET(fd, s)  ((s)->fds_bits[(fd) / __NFDBITS] |= 1UL << ((fd) % __NFDBITS))
#define FD_CLR(fd, s)  ((s)->fds_bits[(fd) / __NFDBITS] &= ~(1UL << ((fd) % __NFDBITS)))
#define FD_ISSET(fd, s) (((s)->fds_bits[(fd) / __NFDBITS] >> ((fd) % __NFDBITS)) & 1)

int select(int nfds, fd_set *rd, fd_set *wr, fd_set *ex, struct timeval *timeout);

#endif
