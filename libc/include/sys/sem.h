/* sys/sem.h: SysV semaphores. struct semid_ds is the kernel's struct
 * semid64_ds (uapi/sem.h) under POSIX's name; the caller defines union
 * semun, as POSIX says. */
#ifndef _SYS_SEM_H
#define _SYS_SEM_H

#include <sys/ipc.h>
#include <time.h>

#define ipc64_perm ipc_perm
#define semid64_ds semid_ds
#include <uapi/sem.h>
#undef semid64_ds
#undef ipc64_perm

int semget(key_t key, int nsems, int semflg);
int semop(int semid, struct sembuf *sops, size_t nsops);
int semtimedop(int semid, struct sembuf *sops, size_t nsops, const struct timespec *timeout);
/* The fourth argument, when cmd takes one, is a union semun. */
int semctl(int semid, int semnum, int cmd, ...);

#endif
