/* sys/types.h: FreeBSD's <sys/types.h> in the kernel: the fixed-width and device types. */
#ifndef _INCLUDE_SYS_TYPES_H
#define _INCLUDE_SYS_TYPES_H

#include <linux/types.h>

typedef uint8_t u_char;
typedef uint16_t u_short;
typedef uint32_t u_int;
typedef unsigned long u_long;
typedef char *caddr_t;

#endif
