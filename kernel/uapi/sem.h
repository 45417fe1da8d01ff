/* uapi/sem.h: SysV semaphores as i386 Linux defines them: semop's struct
 * sembuf and SEM_UNDO, semctl's commands and structures, the default limits.
 * The libc's <sys/sem.h> takes struct semid64_ds as POSIX's semid_ds. */
#ifndef UAPI_SEM_H
#define UAPI_SEM_H

#include "ipc.h"

#define SEMMNI 32000            /* sets */
#define SEMMSL 32000            /* semaphores in a set */
#define SEMMNS (SEMMNI * SEMMSL) /* semaphores in all sets */
#define SEMOPM 500              /* operations in one semop */
#define SEMVMX 32767            /* largest value */
#define SEMAEM SEMVMX           /* largest undo adjustment */
#define SEMUME SEMOPM
#define SEMMNU SEMMNS
#define SEMMAP SEMMNS
#define SEMUSZ 20

#define SEM_UNDO 0x1000

/* semctl commands beyond IPC_* */
#define GETPID       11
#define GETVAL       12
#define GETALL       13
#define GETNCNT      14
#define GETZCNT      15
#define SETVAL       16
#define SETALL       17
#define SEM_STAT     18
#define SEM_INFO     19
#define SEM_STAT_ANY 20

struct sembuf {
	unsigned short sem_num;
	short sem_op;
	short sem_flg;
};

struct semid64_ds {
	struct ipc64_perm sem_perm;
	unsigned long sem_otime, sem_otime_high;
	unsigned long sem_ctime, sem_ctime_high;
	unsigned long sem_nsems;
	unsigned long __unused3, __unused4;
};

/* IPC_INFO and SEM_INFO */
struct seminfo {
	int semmap, semmni, semmns, semmnu, semmsl, semopm, semume, semusz, semvmx, semaem;
};

#endif
