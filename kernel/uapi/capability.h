/* uapi/capability.h: Linux capability numbers. This kernel has no capability
 * sets: an effective uid of 0 holds them all (capable() in proc.h). */
#ifndef UAPI_CAPABILITY_H
#define UAPI_CAPABILITY_H

#define CAP_IPC_LOCK     14
#define CAP_IPC_OWNER    15
#define CAP_SYS_RAWIO    17
#define CAP_SYS_PTRACE   19
#define CAP_SYS_ADMIN    21
#define CAP_SYS_RESOURCE 24

#endif
