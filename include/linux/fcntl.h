/* linux/fcntl.h: Linux's <linux/fcntl.h>: O_ACCMODE, O_NONBLOCK and the other open flags. */
#ifndef _INCLUDE_LINUX_FCNTL_H
#define _INCLUDE_LINUX_FCNTL_H

#include <uapi/fcntl.h>

#endif
