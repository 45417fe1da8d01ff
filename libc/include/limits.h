/* limits.h: POSIX limits of this system. gcc's own <limits.h> reaches this file through
 * #include_next and then adds the integer type limits (INT_MAX, ...). */
#ifndef _LIBC_LIMITS_H_
#define _LIBC_LIMITS_H_

#include <uapi/limits.h>	/* ARG_MAX, NAME_MAX, PATH_MAX, PIPE_BUF */
#include <uapi/uio.h>

#define IOV_MAX    UIO_MAXIOV
#define LINE_MAX   2048
#define SSIZE_MAX  2147483647
#define LONG_BIT   32
#define WORD_BIT   32

#endif
