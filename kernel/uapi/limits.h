/* uapi/limits.h: the size limits the kernel enforces and user space reads from <limits.h>
 * (Linux's include/uapi/linux/limits.h values). */
#ifndef UAPI_LIMITS_H
#define UAPI_LIMITS_H

#define ARG_MAX  131072         /* bytes of argv and envp execve always has room for */
#define NAME_MAX 255            /* bytes in one path component */
#define PATH_MAX 4096           /* bytes in a path, the NUL included */
#define PIPE_BUF 4096           /* bytes a pipe write moves in one piece */

#endif
