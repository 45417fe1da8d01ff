/* uapi/shm.h: SysV shared memory as i386 Linux defines it: shmget/shmat
 * flags, shmctl's commands and structures, the default limits. The libc's
 * <sys/shm.h> takes struct shmid64_ds as POSIX's shmid_ds. */
#ifndef UAPI_SHM_H
#define UAPI_SHM_H

#include "ipc.h"

#define SHMMIN 1
#define SHMMNI 4096
#define SHMMAX (0xffffffffUL - (1UL << 24))     /* bytes in one segment */
#define SHMALL (0xffffffffUL - (1UL << 24))     /* pages in all of them */
#define SHMSEG SHMMNI
#define SHMLBA 4096

/* shmat flags */
#define SHM_RDONLY 010000
#define SHM_RND    020000
#define SHM_REMAP  040000
#define SHM_EXEC   0100000

/* In shm_perm.mode: removed, waiting for its last detach; SHM_LOCK'ed. */
#define SHM_DEST   01000
#define SHM_LOCKED 02000

/* shmctl commands beyond IPC_* */
#define SHM_LOCK     11
#define SHM_UNLOCK   12
#define SHM_STAT     13
#define SHM_INFO     14
#define SHM_STAT_ANY 15

struct shmid64_ds {
	struct ipc64_perm shm_perm;
	unsigned int shm_segsz;
	unsigned long shm_atime, shm_atime_high;
	unsigned long shm_dtime, shm_dtime_high;
	unsigned long shm_ctime, shm_ctime_high;
	int shm_cpid, shm_lpid;
	unsigned long shm_nattch;
	unsigned long __unused4, __unused5;
};

/* IPC_INFO */
struct shminfo64 {
	unsigned long shmmax, shmmin, shmmni, shmseg, shmall;
	unsigned long __unused1, __unused2, __unused3, __unused4;
};

/* SHM_INFO */
struct shm_info {
	int used_ids;
	unsigned long shm_tot, shm_rss, shm_swp, swap_attempts, swap_successes;
};

#endif
