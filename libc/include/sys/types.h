/* sys/types.h: the POSIX scalar types, sized as glibc sizes them on i386 (32-bit off_t and time_t),
 * so that the same source prints and behaves identically with either libc. */
#ifndef _SYS_TYPES_H
#define _SYS_TYPES_H

#include <stddef.h>
#include <stdint.h>

typedef int ssize_t;
typedef int pid_t;
typedef unsigned int uid_t;
typedef unsigned int gid_t;
typedef unsigned int id_t;
typedef unsigned int mode_t;
typedef unsigned int nlink_t;
typedef unsigned long ino_t;
typedef unsigned long long dev_t;
typedef long off_t;
typedef long long off64_t;
typedef long blksize_t;
typedef long blkcnt_t;
typedef long time_t;
typedef long suseconds_t;
typedef unsigned int useconds_t;
typedef long clock_t;
typedef int clockid_t;

#endif
