/* ipc/syscall.c: the ways into SysV IPC. i386 Linux had only ipc(2), one
 * multiplexed call (what Debian's glibc still uses); Linux 5.1 added a
 * number for each call (what the project's libc uses). Through ipc(2) a *ctl
 * command may carry IPC_64 (the caller's structures are the 64-bit ones;
 * glibc always sets it), shmat returns the address through its third
 * argument, and msgrcv version 0 finds its buffer and type in a struct
 * ipc_kludge. The direct calls take the 64-bit structures without the flag. */
#include "initcall.h"
#include "ipc/ipc.h"
#include "ipc/util.h"
#include "kernel.h"
#include "syscall.h"
#include "uapi/errno.h"
#include "uapi/msg.h"
#include "uapi/shm.h"

int shm_init(void);
int sem_init(void);
int msg_init(void);

SYSCALL_DEFINE3(shmget, int, key, uint32_t, size, int, shmflg) { return ksys_shmget(key, size, shmflg); }
SYSCALL_DEFINE3(shmctl, int, shmid, int, cmd, void *, buf) { return ksys_shmctl(shmid, cmd, buf); }
SYSCALL_DEFINE1(shmdt, uint32_t, addr) { return ksys_shmdt(addr); }

SYSCALL_DEFINE3(shmat, int, shmid, uint32_t, addr, int, shmflg)
{
	uint32_t raddr;
	long r = do_shmat(shmid, addr, shmflg, &raddr);
	return r ? r : (long)raddr;
}

SYSCALL_DEFINE3(semget, int, key, int, nsems, int, semflg) { return ksys_semget(key, nsems, semflg); }

SYSCALL_DEFINE4(semctl, int, semid, int, semnum, int, cmd, unsigned long, arg)
{
	return ksys_semctl(semid, semnum, cmd, arg);
}

SYSCALL_DEFINE4(semtimedop_time64, int, semid, struct sembuf *, sops, unsigned, nsops, const void *, timeout)
{
	return ksys_semtimedop(semid, sops, nsops, timeout, true);
}

SYSCALL_DEFINE2(msgget, int, key, int, msgflg) { return ksys_msgget(key, msgflg); }

SYSCALL_DEFINE4(msgsnd, int, msqid, const void *, msgp, uint32_t, msgsz, int, msgflg)
{
	return ksys_msgsnd(msqid, msgp, msgsz, msgflg);
}

SYSCALL_DEFINE5(msgrcv, int, msqid, void *, msgp, uint32_t, msgsz, long, msgtyp, int, msgflg)
{
	return ksys_msgrcv(msqid, msgp, msgsz, msgtyp, msgflg);
}

SYSCALL_DEFINE3(msgctl, int, msqid, int, cmd, void *, buf) { return ksys_msgctl(msqid, cmd, buf); }

/* Linux's ipc_parse_version for ipc(2)'s *ctl calls, the flag taken off
 * cmd. Whether the command copies a pre-2.4 structure (no IPC_64): those
 * layouts are not kept here, so such a command is EINVAL. */
static bool old_layout(int *cmd, int stat, int stat_any)
{
	if (ipc_parse_version(cmd) == IPC_64)
		return false;
	return *cmd == IPC_STAT || *cmd == IPC_SET || *cmd == stat || *cmd == stat_any;
}

SYSCALL_DEFINE6(ipc, uint32_t, call, int, first, uint32_t, second, uint32_t, third, void *, ptr, long, fifth)
{
	int version = (int)(call >> 16);
	switch (call & 0xffff) {
	case SEMOP:
		return ksys_semtimedop(first, ptr, second, NULL, false);
	case SEMTIMEDOP:
		return ksys_semtimedop(first, ptr, second, (const void __user *)fifth, false);
	case SEMGET:
		return ksys_semget(first, (int)second, (int)third);
	case SEMCTL: {
		unsigned long arg;
		int cmd = (int)third;
		if (!ptr)
			return -EINVAL;
		if (get_user(arg, (unsigned long __user *)ptr))
			return -EFAULT;
		return old_layout(&cmd, SEM_STAT, SEM_STAT_ANY) ? -EINVAL : ksys_semctl(first, (int)second, cmd, arg);
	}
	case MSGSND:
		return ksys_msgsnd(first, ptr, second, (int)third);
	case MSGRCV:
		if (version == 0) {
			struct ipc_kludge k;
			if (!ptr)
				return -EINVAL;
			if (copyin(ptr, &k, sizeof k))
				return -EFAULT;
			return ksys_msgrcv(first, k.msgp, second, k.msgtyp, (int)third);
		}
		return ksys_msgrcv(first, ptr, second, fifth, (int)third);
	case MSGGET:
		return ksys_msgget(first, (int)second);
	case MSGCTL: {
		int cmd = (int)second;
		return old_layout(&cmd, MSG_STAT, MSG_STAT_ANY) ? -EINVAL : ksys_msgctl(first, cmd, ptr);
	}
	case SHMAT: {
		if (version == 1)               /* iBCS2's, which Linux never had on i386 */
			return -EINVAL;
		uint32_t raddr;
		long r = do_shmat(first, (uint32_t)ptr, (int)second, &raddr);
		return r ? r : put_user(raddr, (uint32_t __user *)third);
	}
	case SHMDT:
		return ksys_shmdt((uint32_t)ptr);
	case SHMGET:
		return ksys_shmget(first, second, (int)third);
	case SHMCTL: {
		int cmd = (int)second;
		return old_layout(&cmd, SHM_STAT, SHM_STAT_ANY) ? -EINVAL : ksys_shmctl(first, cmd, ptr);
	}
	default:
		return -ENOSYS;
	}
}

static int ipc_init(void)
{
	int r = shm_init();
	if (!r)
		r = sem_init();
	return r ? r : msg_init();
}
fs_initcall(ipc_init);
