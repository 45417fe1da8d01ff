/* ipc_sem: SysV semaphores: semget's errors, SETVAL/GETVAL, SETALL/GETALL,
 * GETPID, semop's all-or-nothing rule, IPC_NOWAIT, sleeping until a value
 * is there or is zero (GETNCNT, GETZCNT), semtimedop's timeout, EINTR,
 * EIDRM when the set goes, SEM_UNDO at exit, ERANGE, EFBIG, E2BIG, IPC_STAT,
 * IPC_SET, IPC_INFO, the permission checks as uid 1000 and /proc/sysvipc/sem.
 * Every wait is bounded (alarm, timeouts). */
#define _GNU_SOURCE
#include "check.h"
#include "ipc_util.h"
#include <sys/sem.h>

static int getval(int id, int n)
{
	return semctl(id, n, GETVAL);
}

static int op(int id, unsigned short num, short val, short flg)
{
	struct sembuf sb = { num, val, flg };
	return semop(id, &sb, 1);
}

/* Polls until cond(id) holds (a sleeper has queued), at most 5 s. */
static int wait_for(int id, int n, int cmd, int want)
{
	for (int i = 0; i < 500; i++) {
		if (semctl(id, n, cmd) == want)
			return 1;
		sleep_ms(10);
	}
	return 0;
}

static void on_alarm(int sig)
{
	(void)sig;
}

static void test_basic(void)
{
	key_t key = ipc_test_key(1);
	CHECK_ERR(semget(key, 1, 0600), ENOENT, "semget of a missing key: ENOENT");
	CHECK_ERR(semget(IPC_PRIVATE, 0, 0600), EINVAL, "semget of 0 semaphores: EINVAL");
	CHECK_ERR(semget(IPC_PRIVATE, -1, 0600), EINVAL, "semget of -1 semaphores: EINVAL");
	CHECK_ERR(semget(IPC_PRIVATE, 32001, 0600), EINVAL, "semget of more than SEMMSL: EINVAL");
	int id = CHECK_OK(semget(key, 3, IPC_CREAT | 0600), "semget IPC_CREAT of 3");
	CHECK_EQ(semget(key, 2, 0), id, "the key again with fewer: the same set");
	CHECK_EQ(semget(key, 0, 0), id, "with 0: the same set");
	CHECK_ERR(semget(key, 4, 0), EINVAL, "with more: EINVAL");
	CHECK_ERR(semget(key, 3, IPC_CREAT | IPC_EXCL), EEXIST, "IPC_CREAT|IPC_EXCL: EEXIST");

	struct semid_ds ds;
	union semun arg = { .buf = &ds };
	CHECK_OK(semctl(id, 0, IPC_STAT, arg), "IPC_STAT");
	CHECK(ds.sem_nsems == 3 && ds.sem_perm.mode == 0600 && ds.sem_perm.uid == getuid() && ds.sem_otime == 0,
	      "IPC_STAT: nsems, mode, uid, otime 0");
	CHECK(getval(id, 0) == 0 && getval(id, 2) == 0, "a new set's values are 0");
	CHECK_OK(semctl(id, 1, SETVAL, (union semun){ .val = 7 }), "SETVAL 7");
	CHECK_EQ(getval(id, 1), 7, "GETVAL 7");
	CHECK_EQ(semctl(id, 1, GETPID), getpid(), "GETPID: the setter");
	CHECK_ERR(semctl(id, 1, SETVAL, (union semun){ .val = 32768 }), ERANGE, "SETVAL past SEMVMX: ERANGE");
	CHECK_ERR(semctl(id, 1, SETVAL, (union semun){ .val = -1 }), ERANGE, "SETVAL -1: ERANGE");
	CHECK_ERR(semctl(id, 3, SETVAL, (union semun){ .val = 1 }), EINVAL, "SETVAL of semaphore 3 of 3: EINVAL");
	CHECK_ERR(semctl(id, -1, GETVAL), EINVAL, "GETVAL of semaphore -1: EINVAL");
	unsigned short all[3] = { 1, 2, 3 }, got[3] = { 9, 9, 9 };
	CHECK_OK(semctl(id, 0, SETALL, (union semun){ .array = all }), "SETALL 1 2 3");
	CHECK_OK(semctl(id, 0, GETALL, (union semun){ .array = got }), "GETALL");
	CHECK(got[0] == 1 && got[1] == 2 && got[2] == 3, "GETALL after SETALL: 1 2 3");
	unsigned short big[3] = { 1, 40000, 3 };
	CHECK_ERR(semctl(id, 0, SETALL, (union semun){ .array = big }), ERANGE, "SETALL past SEMVMX: ERANGE");
	CHECK_EQ(getval(id, 1), 2, "and changes nothing");
	CHECK_ERR(semctl(id, 0, GETALL, (union semun){ .array = null_ptr() }), EFAULT, "GETALL to a bad buffer: EFAULT");
	CHECK_ERR(semctl(id, 0, 12345), EINVAL, "an unknown command: EINVAL");
	CHECK_ERR(semctl(-1, 0, GETVAL), EINVAL, "a negative id: EINVAL");

	/* semop: all or nothing. */
	struct sembuf two[2] = { { 0, -1, 0 }, { 1, -5, IPC_NOWAIT } };
	CHECK_ERR(semop(id, two, 2), EAGAIN, "semop whose second op would block, IPC_NOWAIT: EAGAIN");
	CHECK(getval(id, 0) == 1 && getval(id, 1) == 2, "and the first op was not done");
	struct sembuf ok2[2] = { { 0, -1, 0 }, { 2, 4, 0 } };
	CHECK_OK(semop(id, ok2, 2), "semop of two ops");
	CHECK(getval(id, 0) == 0 && getval(id, 2) == 7, "both done");
	CHECK_EQ(semctl(id, 2, GETPID), getpid(), "GETPID: the last semop");
	CHECK_OK(semctl(id, 0, IPC_STAT, arg), "IPC_STAT");
	CHECK(ds.sem_otime != 0, "sem_otime set by semop");
	CHECK_ERR(op(id, 1, 0, IPC_NOWAIT), EAGAIN, "wait-for-zero on 2, IPC_NOWAIT: EAGAIN");
	CHECK_OK(op(id, 0, 0, 0), "wait-for-zero on 0 returns at once");
	CHECK_ERR(op(id, 3, 1, 0), EFBIG, "sem_num 3 of 3: EFBIG");
	CHECK_ERR(op(id, 2, 32767, 0), ERANGE, "past SEMVMX: ERANGE");
	struct sembuf many[501];
	memset(many, 0, sizeof many);
	CHECK_ERR(semop(id, many, 501), E2BIG, "501 ops (more than SEMOPM): E2BIG");
	CHECK_ERR(semop(id, many, 0), EINVAL, "0 ops: EINVAL");
	CHECK_ERR(semop(id, null_ptr(), 1), EFAULT, "ops at a bad address: EFAULT");
	struct sembuf dup[2] = { { 2, -7, 0 }, { 2, 3, 0 } };
	CHECK_OK(semop(id, dup, 2), "two ops on one semaphore, applied in order");
	CHECK_EQ(getval(id, 2), 3, "7 - 7 + 3 = 3");
	struct sembuf dupbad[2] = { { 2, 1, 0 }, { 2, -9, IPC_NOWAIT } };
	CHECK_ERR(semop(id, dupbad, 2), EAGAIN, "a later op on it would block: EAGAIN");
	CHECK_EQ(getval(id, 2), 3, "the first is taken back");

	struct seminfo si;
	CHECK(semctl(0, 0, IPC_INFO, (union semun){ .info = &si }) >= 0, "IPC_INFO");
	CHECK(si.semmni == 32000 && si.semmsl == 32000 && si.semopm == 500 && si.semvmx == 32767 &&
	      si.semmns == 1024000000, "IPC_INFO: Linux's SEMMNI, SEMMSL, SEMOPM, SEMVMX, SEMMNS");
	CHECK_OK(semctl(id, 0, IPC_RMID), "IPC_RMID");
	CHECK_ERR(getval(id, 0), EINVAL, "gone: EINVAL");
}

static int child_decrement(void *arg)
{
	int id = *(int *)arg;
	alarm(10);
	return op(id, 0, -2, 0) == 0 ? 0 : 10 + errno;
}

static int child_zero(void *arg)
{
	int id = *(int *)arg;
	alarm(10);
	return op(id, 1, 0, 0) == 0 ? 0 : 10 + errno;
}

static int child_eintr(void *arg)
{
	int id = *(int *)arg;
	set_handler(SIGALRM, on_alarm, SA_RESTART);
	alarm(1);
	errno = 0;
	int r = op(id, 0, -1, 0);
	return r == -1 && errno == EINTR ? 0 : 1;
}

static int child_eidrm(void *arg)
{
	int id = *(int *)arg;
	alarm(10);
	errno = 0;
	int r = op(id, 0, -1, 0);
	return r == -1 && errno == EIDRM ? 0 : 1;
}

static void test_sleep(void)
{
	int id = semget(IPC_PRIVATE, 2, 0600);
	semctl(id, 1, SETVAL, (union semun){ .val = 1 });
	pid_t dec = spawn(child_decrement, &id), zero = spawn(child_zero, &id);
	CHECK(wait_for(id, 0, GETNCNT, 1), "a semop waiting to decrement: GETNCNT 1");
	CHECK(wait_for(id, 1, GETZCNT, 1), "a semop waiting for zero: GETZCNT 1");
	CHECK_OK(op(id, 0, 1, 0), "add 1: not enough for -2");
	sleep_ms(100);
	CHECK(still_running(dec) && semctl(id, 0, GETNCNT) == 1, "the decrement still waits");
	CHECK_OK(op(id, 0, 1, 0), "add 1 more");
	expect_exit(wait_status(dec), 0, "the decrement is woken and done");
	CHECK_EQ(getval(id, 0), 0, "value 0 after it");
	CHECK_OK(op(id, 1, -1, 0), "semaphore 1 to zero");
	expect_exit(wait_status(zero), 0, "the wait-for-zero is woken");
	CHECK(semctl(id, 0, GETNCNT) == 0 && semctl(id, 1, GETZCNT) == 0, "no sleepers left");

	struct timespec ts = { 0, 200 * 1000 * 1000 };
	struct sembuf sb = { 0, -1, 0 };
	long t0 = now_ms();
	CHECK_ERR(semtimedop(id, &sb, 1, &ts), EAGAIN, "semtimedop past its timeout: EAGAIN");
	CHECK(now_ms() - t0 >= 190, "after the timeout");
	ts.tv_nsec = 1000 * 1000 * 1000;
	CHECK_ERR(semtimedop(id, &sb, 1, &ts), EINVAL, "a timeout with tv_nsec 10^9: EINVAL");
	ts = (struct timespec){ 0, 0 };
	CHECK_ERR(semtimedop(id, &sb, 1, &ts), EAGAIN, "a zero timeout: EAGAIN at once");

	expect_exit(run_child(child_eintr, &id), 0, "a signal (even SA_RESTART) ends a waiting semop: EINTR");
	pid_t idrm = spawn(child_eidrm, &id);
	CHECK(wait_for(id, 0, GETNCNT, 1), "a sleeper waits");
	CHECK_OK(semctl(id, 0, IPC_RMID), "IPC_RMID with a sleeper");
	expect_exit(wait_status(idrm), 0, "the sleeper is woken with EIDRM");
}

static int child_undo(void *arg)
{
	int id = *(int *)arg;
	struct sembuf sb[2] = { { 0, 5, SEM_UNDO }, { 1, -1, SEM_UNDO } };
	if (semop(id, sb, 2))
		return 1;
	return op(id, 0, -2, SEM_UNDO) ? 2 : 0;
}

static int child_undo_clamp(void *arg)
{
	int id = *(int *)arg;
	if (op(id, 0, 3, SEM_UNDO))
		return 1;
	/* Someone else takes the value down; the undo of -3 would go below 0. */
	return semctl(id, 0, SETVAL, (union semun){ .val = 1 }) ? 2 : op(id, 1, 2, SEM_UNDO) ? 3 : 0;
}

static void test_undo(void)
{
	int id = semget(IPC_PRIVATE, 2, 0600);
	semctl(id, 1, SETVAL, (union semun){ .val = 4 });
	expect_exit(run_child(child_undo, &id), 0, "a child's SEM_UNDO ops");
	CHECK(getval(id, 0) == 0 && getval(id, 1) == 4, "its exit undid them: 0 and 4 again");
	expect_exit(run_child(child_undo_clamp, &id), 0, "a child's SEM_UNDO op, then SETVAL");
	CHECK(getval(id, 0) == 1 && getval(id, 1) == 4, "SETVAL cleared that semaphore's adjustment; the other's was undone");
	CHECK_ERR(op(id, 0, -32767, SEM_UNDO | IPC_NOWAIT), EAGAIN, "a decrement it cannot do: EAGAIN");
	semctl(id, 0, IPC_RMID);
}

static int as_user(void *arg)
{
	int id = *(int *)arg;
	if (drop_to_user())
		return 100;
	struct semid_ds ds;
	int bad = 0;
	errno = 0;
	bad |= semctl(id, 0, GETVAL) != -1 || errno != EACCES;
	errno = 0;
	bad |= (op(id, 0, 1, IPC_NOWAIT) != -1 || errno != EACCES) << 1;
	errno = 0;
	bad |= (semctl(id, 0, IPC_RMID) != -1 || errno != EPERM) << 2;
	errno = 0;
	bad |= (semctl(id, 0, IPC_SET, (union semun){ .buf = &ds }) != -1 || errno != EPERM) << 3;
	errno = 0;
	bad |= (semctl(id, 0, SETVAL, (union semun){ .val = 1 }) != -1 || errno != EACCES) << 4;
	return bad;
}

static int as_user_reader(void *arg)
{
	int id = *(int *)arg;
	if (drop_to_user())
		return 100;
	errno = 0;
	int bad = op(id, 0, 0, IPC_NOWAIT) != 0;
	bad |= (op(id, 0, 1, IPC_NOWAIT) != -1 || errno != EACCES) << 1;
	return bad;
}

static void test_perms_proc(void)
{
	key_t key = ipc_test_key(2);
	int id = semget(key, 1, IPC_CREAT | 0600);
	expect_exit(run_child(as_user, &id), 0, "uid 1000 on a 0600 root set: GETVAL, semop, SETVAL EACCES; IPC_RMID, IPC_SET EPERM");
	struct semid_ds ds;
	union semun arg = { .buf = &ds };
	semctl(id, 0, IPC_STAT, arg);
	ds.sem_perm.mode = 0644;
	CHECK_OK(semctl(id, 0, IPC_SET, arg), "IPC_SET mode 0644");
	expect_exit(run_child(as_user_reader, &id), 0, "mode 0644: uid 1000 may wait for zero, not change it");
	FILE *f = fopen("/proc/sysvipc/sem", "r");
	char line[512];
	int found = 0, header = f && fgets(line, sizeof line, f) && strncmp(line, "       key      semid perms      nsems", 38) == 0;
	while (f && fgets(line, sizeof line, f)) {
		long v[5];
		if (parse_fields(line, v, 5) && v[0] == key && v[1] == id && v[2] == 0644 && v[3] == 1 && v[4] == 0)
			found++;
	}
	if (f)
		fclose(f);
	CHECK(header, "/proc/sysvipc/sem: Linux's header");
	CHECK_EQ(found, 1, "/proc/sysvipc/sem: the set's key, id, perms, nsems, uid");
	semctl(id, 0, IPC_RMID);
}

int main(void)
{
	test_basic();
	test_sleep();
	test_undo();
	test_perms_proc();
	return done();
}
