/* sys/msg.h: SysV message queues. struct msqid_ds is the kernel's struct
 * msqid64_ds (uapi/msg.h) under POSIX's name. */
#ifndef _SYS_MSG_H
#define _SYS_MSG_H

#include <sys/ipc.h>

#define ipc64_perm ipc_perm
#define msqid64_ds msqid_ds
#include <uapi/msg.h>
#undef msqid64_ds
#undef ipc64_perm

typedef unsigned long msgqnum_t;
typedef unsigned long msglen_t;

int msgget(key_t key, int msgflg);
int msgsnd(int msqid, const void *msgp, size_t msgsz, int msgflg);
ssize_t msgrcv(int msqid, void *msgp, size_t msgsz, long msgtyp, int msgflg);
int msgctl(int msqid, int cmd, struct msqid_ds *buf);

#endif
