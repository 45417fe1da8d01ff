/* ipc.c: SysV IPC (ftok, shm*, sem*, msg*) through the direct system calls
 * Linux 5.1 gave i386 (glibc still goes through ipc(2); the kernel answers
 * both). semtimedop converts the 32-bit struct timespec for the one
 * semtimedop number i386 has, the 64-bit one. msgsnd and msgrcv are
 * cancellation points, as POSIX says. */
#include <stdarg.h>
#include <sys/msg.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/stat.h>
#include <uapi/time.h>
#include "sysdep.h"

key_t ftok(const char *path, int proj_id)
{
	struct stat st;
	if (stat(path, &st) < 0)
		return -1;
	return (key_t)((st.st_ino & 0xffff) | ((st.st_dev & 0xff) << 16) | ((unsigned)(proj_id & 0xff) << 24));
}

int shmget(key_t key, size_t size, int shmflg) { return (int)__sysret(__NR_shmget, key, size, shmflg); }
void *shmat(int shmid, const void *addr, int shmflg) { return (void *)__sysret(__NR_shmat, shmid, addr, shmflg); }
int shmdt(const void *addr) { return (int)__sysret(__NR_shmdt, addr); }
int shmctl(int shmid, int cmd, struct shmid_ds *buf) { return (int)__sysret(__NR_shmctl, shmid, cmd, buf); }

int semget(key_t key, int nsems, int semflg) { return (int)__sysret(__NR_semget, key, nsems, semflg); }

int semtimedop(int semid, struct sembuf *sops, size_t nsops, const struct timespec *timeout)
{
	struct k_timespec64 ts;
	if (timeout)
		ts = (struct k_timespec64){ timeout->tv_sec, timeout->tv_nsec };
	return (int)__sysret(__NR_semtimedop_time64, semid, sops, nsops, timeout ? &ts : NULL);
}

int semop(int semid, struct sembuf *sops, size_t nsops) { return semtimedop(semid, sops, nsops, NULL); }

/* union semun is one word on i386 (an int or a pointer): the kernel takes it by value. */
int semctl(int semid, int semnum, int cmd, ...)
{
	unsigned long arg = 0;
	switch (cmd) {
	case IPC_STAT: case IPC_SET: case IPC_INFO: case SEM_STAT: case SEM_INFO: case SEM_STAT_ANY:
	case GETALL: case SETALL: case SETVAL:
		arg = __va_opt_arg(cmd, unsigned long, 1);
	}
	return (int)__sysret(__NR_semctl, semid, semnum, cmd, arg);
}

int msgget(key_t key, int msgflg) { return (int)__sysret(__NR_msgget, key, msgflg); }

int msgsnd(int msqid, const void *msgp, size_t msgsz, int msgflg)
{
	return (int)__sysret_cp(__NR_msgsnd, msqid, msgp, msgsz, msgflg);
}

ssize_t msgrcv(int msqid, void *msgp, size_t msgsz, long msgtyp, int msgflg)
{
	return __sysret_cp(__NR_msgrcv, msqid, msgp, msgsz, msgtyp, msgflg);
}

int msgctl(int msqid, int cmd, struct msqid_ds *buf) { return (int)__sysret(__NR_msgctl, msqid, cmd, buf); }
