/* sys/ipc.h: what SysV IPC's three kinds share: keys, the flags and
 * commands, ftok(). struct ipc_perm is the kernel's struct ipc64_perm,
 * defined once in uapi/ipc.h and taken here under POSIX's name. */
#ifndef _SYS_IPC_H
#define _SYS_IPC_H

#include <sys/types.h>

#ifdef UAPI_IPC_H
#error "<uapi/ipc.h> included before <sys/ipc.h>: struct ipc_perm would be missing"
#endif
#define ipc64_perm ipc_perm
#include <uapi/ipc.h>
#undef ipc64_perm

typedef __kernel_key_t key_t;

key_t ftok(const char *path, int proj_id);

#endif
