/* uapi/posix_types.h: the size of select(2)'s fd_set (Linux's include/uapi/linux/posix_types.h). */
#ifndef UAPI_POSIX_TYPES_H
#define UAPI_POSIX_TYPES_H

#define __FD_SETSIZE 1024

#endif
