/* ipc/ipc.h: the SysV IPC calls as the direct system calls and ipc(2)
 * (ipc/syscall.c) both reach them, and what the rest of the kernel asks of
 * SysV IPC: the semaphore adjustments undone at exit. */
#ifndef IPC_IPC_H
#define IPC_IPC_H

#include <stdint.h>
#include "uaccess.h"
#include "uapi/ipc.h"
#include "uapi/sem.h"

long ksys_shmget(__kernel_key_t key, uint32_t size, int shmflg);
/* 0 with the address in *raddr, or -errno. */
long do_shmat(int shmid, uint32_t addr, int shmflg, uint32_t *raddr);
long ksys_shmdt(uint32_t addr);
long ksys_shmctl(int shmid, int cmd, void __user *buf);

long ksys_semget(__kernel_key_t key, int nsems, int semflg);
/* timeout: the user's struct timespec (wide: 64-bit time_t), or NULL. */
long ksys_semtimedop(int semid, struct sembuf __user *tsops, unsigned nsops, const void __user *timeout,
		     bool wide);
long ksys_semctl(int semid, int semnum, int cmd, unsigned long arg);

long ksys_msgget(__kernel_key_t key, int msgflg);
long ksys_msgsnd(int msqid, const void __user *msgp, uint32_t msgsz, int msgflg);
long ksys_msgrcv(int msqid, void __user *msgp, uint32_t msgsz, long msgtyp, int msgflg);
long ksys_msgctl(int msqid, int cmd, void __user *buf);

/* do_exit: the exiting process's SEM_UNDO adjustments are applied. */
void exit_sem(void);

#endif
