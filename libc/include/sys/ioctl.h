/* sys/ioctl.h: ioctl() and the generic file and terminal commands. */
#ifndef _SYS_IOCTL_H
#define _SYS_IOCTL_H

#include <uapi/ioctl.h>
#include <uapi/termios.h>	/* struct winsize */

int ioctl(int fd, unsigned long request, ...);

#endif
