/* uapi/ipc.h: what SysV IPC's three kinds share, as i386 Linux defines it:
 * the key and flag bits of the *get calls, the control commands every *ctl
 * takes, struct ipc64_perm, and ipc(2)'s call numbers. The libc's <sys/ipc.h>
 * takes struct ipc64_perm under POSIX's name, ipc_perm. */
#ifndef UAPI_IPC_H
#define UAPI_IPC_H

typedef int __kernel_key_t;

#define IPC_PRIVATE ((__kernel_key_t)0)

/* The *get flags (the low 9 bits are the mode) and the operation flag. */
#define IPC_CREAT  00001000
#define IPC_EXCL   00002000
#define IPC_NOWAIT 00004000

/* Control commands of shmctl, semctl and msgctl. */
#define IPC_RMID 0
#define IPC_SET  1
#define IPC_STAT 2
#define IPC_INFO 3

/* Or-ed into a command through ipc(2): the caller uses the 64-bit structures.
 * The direct calls take them always and refuse the flag, as Linux's. */
#define IPC_64 0x0100

struct ipc64_perm {
	__kernel_key_t key;
	unsigned int uid, gid, cuid, cgid;
	unsigned short mode;
	unsigned char __pad1[2];
	unsigned short seq;
	unsigned short __pad2;
	unsigned long __unused1, __unused2;
};

/* ipc(2)'s call numbers: the low 16 bits of its first argument; the high
 * 16 bits are the call's version. */
#define SEMOP      1
#define SEMGET     2
#define SEMCTL     3
#define SEMTIMEDOP 4
#define MSGSND     11
#define MSGRCV     12
#define MSGGET     13
#define MSGCTL     14
#define SHMAT      21
#define SHMDT      22
#define SHMGET     23
#define SHMCTL     24

/* msgrcv's two last arguments through ipc(2) version 0, in user memory. */
struct ipc_kludge {
	void *msgp;
	long msgtyp;
};

#endif
