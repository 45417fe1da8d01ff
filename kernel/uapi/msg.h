/* uapi/msg.h: SysV message queues as i386 Linux defines them: msgrcv's
 * flags, msgctl's commands and structures, the default limits. The libc's
 * <sys/msg.h> takes struct msqid64_ds as POSIX's msqid_ds. */
#ifndef UAPI_MSG_H
#define UAPI_MSG_H

#include "ipc.h"

#define MSGMNI 32000            /* queues */
#define MSGMAX 8192             /* bytes in one message */
#define MSGMNB 16384            /* default bytes in one queue */
#define MSGPOOL (MSGMNI * MSGMNB / 1024)
#define MSGTQL MSGMNB
#define MSGMAP MSGMNB
#define MSGSSZ 16
#define __MSGSEG ((MSGPOOL * 1024) / MSGSSZ)
#define MSGSEG (__MSGSEG <= 0xffff ? __MSGSEG : 0xffff)

/* msgrcv flags */
#define MSG_NOERROR 010000
#define MSG_EXCEPT  020000
#define MSG_COPY    040000

/* msgctl commands beyond IPC_* */
#define MSG_STAT     11
#define MSG_INFO     12
#define MSG_STAT_ANY 13

struct msqid64_ds {
	struct ipc64_perm msg_perm;
	unsigned long msg_stime, msg_stime_high;
	unsigned long msg_rtime, msg_rtime_high;
	unsigned long msg_ctime, msg_ctime_high;
	unsigned long msg_cbytes, msg_qnum, msg_qbytes;
	int msg_lspid, msg_lrpid;
	unsigned long __unused4, __unused5;
};

/* IPC_INFO and MSG_INFO */
struct msginfo {
	int msgpool, msgmap, msgmax, msgmnb, msgmni, msgssz, msgtql;
	unsigned short msgseg;
};

#endif
