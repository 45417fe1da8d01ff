/* limits.h: POSIX limits of this system. gcc's own <limits.h> reaches this file through
 * #include_next and then adds the integer type limits (INT_MAX, ...). */
#ifndef _LIBC_LIMITS_H_
#define _LIBC_LIMITS_H_

#define PATH_MAX   4096
#define NAME_MAX   255
#define PIPE_BUF   4096
#define ARG_MAX    131072
#define IOV_MAX    1024
#define LINE_MAX   2048
#define SSIZE_MAX  2147483647
#define LONG_BIT   32
#define WORD_BIT   32

#endif
