/* ipc_raw: the two ways into SysV IPC at the system-call level, the same on
 * both kernels: ipc(2) (117; what glibc uses) with its quirks (shmat's
 * address through the third argument, version 1 refused; semctl's argument
 * through a pointer; msgrcv version 0's struct ipc_kludge, version 1's plain
 * arguments; IPC_64 in a *ctl command; semtimedop's 32-bit timespec; an
 * unknown call ENOSYS), and the direct numbers of Linux 5.1 (shmctl refuses IPC_64,
 * semctl's argument by value, semtimedop_time64's 64-bit timespec). */
#define _GNU_SOURCE
#include "check.h"
#include "ipc_util.h"
#include <stdint.h>
#include <sys/msg.h>
#include <sys/sem.h>
#include <sys/shm.h>

#define IPC_CALL_SEMTIMEDOP 4
#define IPC_CALL_SEMGET 2
#define IPC_CALL_SEMCTL 3
#define IPC_CALL_MSGSND 11
#define IPC_CALL_MSGRCV 12
#define IPC_CALL_MSGGET 13
#define IPC_CALL_SHMAT 21
#define IPC_CALL_SHMDT 22
#define IPC_CALL_SHMGET 23
#define IPC_CALL_SHMCTL 24
#define IPC_64_ 0x100

/* Out of line: inlined, raw_syscall6's asm runs out of registers. */
__attribute__((noinline)) static long ipc(long call, long first, long second, long third, void *ptr, long fifth)
{
	return raw_syscall6(__NR_ipc, call, first, second, third, (long)ptr, fifth);
}

static void test_shm(void)
{
	long id = ipc(IPC_CALL_SHMGET, IPC_PRIVATE, 4096, 0600, NULL, 0);
	CHECK(id >= 0, "ipc(SHMGET)");
	unsigned long addr = 0;
	CHECK_EQ(ipc(IPC_CALL_SHMAT, id, 0, (long)&addr, NULL, 0), 0, "ipc(SHMAT) returns 0");
	CHECK(addr != 0 && (addr & 4095) == 0, "and writes the address through its third argument");
	*(volatile int *)addr = 42;
	CHECK_EQ(ipc(IPC_CALL_SHMAT | (1 << 16), id, 0, (long)&addr, NULL, 0), -EINVAL, "ipc(SHMAT) version 1: EINVAL");
	CHECK_EQ(ipc(IPC_CALL_SHMAT, id, 0, (long)null_ptr(), NULL, 0), -EFAULT, "ipc(SHMAT) with a bad result pointer: EFAULT");
	struct shmid_ds ds;
	CHECK_EQ(ipc(IPC_CALL_SHMCTL, id, IPC_STAT | IPC_64_, 0, &ds, 0), 0, "ipc(SHMCTL, IPC_STAT|IPC_64)");
	CHECK(ds.shm_segsz == 4096 && ds.shm_nattch == 2, "the 64-bit layout: segsz 4096, nattch 2");
	CHECK_EQ(raw_syscall(__NR_shmctl, id, IPC_STAT | IPC_64_, (long)&ds), -EINVAL, "direct shmctl with IPC_64: EINVAL");
	CHECK_EQ(raw_syscall(__NR_shmctl, id, IPC_STAT, (long)&ds), 0, "direct shmctl IPC_STAT: the 64-bit layout without the flag");
	CHECK_EQ(ds.shm_nattch, 2, "nattch 2");
	unsigned long a2 = (unsigned long)raw_syscall(__NR_shmat, id, 0, SHM_RDONLY);
	CHECK(a2 < -4096ul && *(volatile int *)a2 == 42, "direct shmat returns the address");
	CHECK_EQ(raw_syscall(__NR_shmdt, a2, 0, 0), 0, "direct shmdt");
	CHECK_EQ(ipc(IPC_CALL_SHMDT, 0, 0, 0, (void *)addr, 0), 0, "ipc(SHMDT) takes the address in ptr");
	CHECK_EQ(ipc(IPC_CALL_SHMCTL, id, IPC_RMID, 0, NULL, 0), 0, "ipc(SHMCTL, IPC_RMID)");
	CHECK_EQ(ipc(99, 0, 0, 0, NULL, 0), -ENOSYS, "ipc of an unknown call: ENOSYS");
}

static void test_sem(void)
{
	long id = ipc(IPC_CALL_SEMGET, IPC_PRIVATE, 2, 0600, NULL, 0);
	CHECK(id >= 0, "ipc(SEMGET)");
	union semun arg = { .val = 5 };
	CHECK_EQ(ipc(IPC_CALL_SEMCTL, id, 0, SETVAL, &arg, 0), 0, "ipc(SEMCTL, SETVAL) takes the union through ptr");
	CHECK_EQ(ipc(IPC_CALL_SEMCTL, id, 0, GETVAL, &arg, 0), 5, "ipc(SEMCTL, GETVAL): 5");
	CHECK_EQ(ipc(IPC_CALL_SEMCTL, id, 0, GETVAL, NULL, 0), -EINVAL, "ipc(SEMCTL) without ptr: EINVAL");
	CHECK_EQ(raw_syscall6(__NR_semctl, id, 1, SETVAL, 9, 0, 0), 0, "direct semctl SETVAL takes the value itself");
	CHECK_EQ(raw_syscall6(__NR_semctl, id, 1, GETVAL, 0, 0, 0), 9, "direct semctl GETVAL: 9");
	struct semid_ds ds;
	arg.buf = &ds;
	CHECK_EQ(ipc(IPC_CALL_SEMCTL, id, 0, IPC_STAT | IPC_64_, &arg, 0), 0, "ipc(SEMCTL, IPC_STAT|IPC_64)");
	CHECK_EQ(ds.sem_nsems, 2, "nsems 2");

	struct sembuf sb = { 0, -6, 0 };
	struct { int32_t sec, nsec; } ts32 = { 0, 100 * 1000 * 1000 };
	long t0 = now_ms();
	CHECK_EQ(ipc(IPC_CALL_SEMTIMEDOP, id, 1, 0, &sb, (long)&ts32), -EAGAIN, "ipc(SEMTIMEDOP), 32-bit timespec: EAGAIN");
	CHECK(now_ms() - t0 >= 90, "after its 100 ms");
	struct { int64_t sec, nsec; } ts64 = { 0, 100 * 1000 * 1000 };
	t0 = now_ms();
	CHECK_EQ(raw_syscall6(__NR_semtimedop_time64, id, (long)&sb, 1, (long)&ts64, 0, 0), -EAGAIN,
		 "semtimedop_time64, 64-bit timespec: EAGAIN");
	CHECK(now_ms() - t0 >= 90, "after its 100 ms");
	sb.sem_op = -5;
	CHECK_EQ(raw_syscall6(__NR_semtimedop_time64, id, (long)&sb, 1, (long)&ts64, 0, 0), 0, "semtimedop_time64 that can go");
	CHECK_EQ(ipc(IPC_CALL_SEMCTL, id, 0, IPC_RMID, &arg, 0), 0, "ipc(SEMCTL, IPC_RMID)");
}

static void test_msg(void)
{
	long id = ipc(IPC_CALL_MSGGET, IPC_PRIVATE, 0600, 0, NULL, 0);
	CHECK(id >= 0, "ipc(MSGGET)");
	struct { long mtype; char mtext[8]; } m = { 7, "seven" }, r;
	CHECK_EQ(ipc(IPC_CALL_MSGSND, id, 5, 0, &m, 0), 0, "ipc(MSGSND)");
	m.mtype = 8;
	CHECK_EQ(raw_syscall6(__NR_msgsnd, id, (long)&m, 5, 0, 0, 0), 0, "direct msgsnd");
	struct { void *msgp; long msgtyp; } kludge = { &r, 8 };
	memset(&r, 0, sizeof r);
	CHECK_EQ(ipc(IPC_CALL_MSGRCV, id, sizeof r.mtext, IPC_NOWAIT, &kludge, 0), 5, "ipc(MSGRCV) version 0: ptr is the kludge");
	CHECK_EQ(r.mtype, 8, "it asked for type 8");
	CHECK_EQ(ipc(IPC_CALL_MSGRCV, id, sizeof r.mtext, IPC_NOWAIT, NULL, 0), -EINVAL, "version 0 without ptr: EINVAL");
	memset(&r, 0, sizeof r);
	CHECK_EQ(ipc(IPC_CALL_MSGRCV | (1 << 16), id, sizeof r.mtext, IPC_NOWAIT, &r, 7), 5,
		 "ipc(MSGRCV) version 1: the buffer in ptr, the type in fifth");
	CHECK(r.mtype == 7 && strcmp(r.mtext, "seven") == 0, "type 7, its text");
	CHECK_EQ(raw_syscall6(__NR_msgrcv, id, (long)&r, sizeof r.mtext, 0, IPC_NOWAIT, 0), -ENOMSG, "direct msgrcv: ENOMSG");
	struct msqid_ds ds;
	CHECK_EQ(ipc(14, id, IPC_STAT | IPC_64_, 0, &ds, 0), 0, "ipc(MSGCTL, IPC_STAT|IPC_64)");
	CHECK(ds.msg_qnum == 0 && ds.msg_lspid == getpid(), "qnum 0, lspid");
	CHECK_EQ(raw_syscall(__NR_msgctl, id, IPC_RMID, 0), 0, "direct msgctl IPC_RMID");
}

int main(void)
{
	test_shm();
	test_sem();
	test_msg();
	return done();
}
