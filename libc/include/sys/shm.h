/* sys/shm.h: SysV shared memory. struct shmid_ds is the kernel's struct
 * shmid64_ds (uapi/shm.h) under POSIX's name. */
#ifndef _SYS_SHM_H
#define _SYS_SHM_H

#include <sys/ipc.h>

#define ipc64_perm ipc_perm
#define shmid64_ds shmid_ds
#define shminfo64 shminfo
#include <uapi/shm.h>
#undef shmid64_ds
#undef shminfo64
#undef ipc64_perm

typedef unsigned long shmatt_t;

int shmget(key_t key, size_t size, int shmflg);
void *shmat(int shmid, const void *addr, int shmflg);
int shmdt(const void *addr);
int shmctl(int shmid, int cmd, struct shmid_ds *buf);

#endif
