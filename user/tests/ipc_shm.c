/* ipc_shm: SysV shared memory: shmget's keys, flags and errors, shmat and
 * shmdt (a chosen address, SHM_RND, SHM_RDONLY, SHM_REMAP), what IPC_STAT
 * reports (size, owner, pids, shm_nattch across fork, exec and exit),
 * IPC_RMID of an attached segment (SHM_DEST, gone at the last detach),
 * IPC_SET, IPC_INFO, the permission checks as uid 1000 and /proc/sysvipc/shm. */
#define _GNU_SOURCE
#include "check.h"
#include "ipc_util.h"
#include <sys/shm.h>

#define PAGE 4096

static struct shmid_ds stat_of(int id)
{
	struct shmid_ds ds;
	memset(&ds, 0xff, sizeof ds);
	shmctl(id, IPC_STAT, &ds);
	return ds;
}

static int nattch(int id)
{
	struct shmid_ds ds;
	return shmctl(id, IPC_STAT, &ds) == 0 ? (int)ds.shm_nattch : -1;
}

static void test_get(void)
{
	key_t key = ipc_test_key(1);
	CHECK_ERR(shmget(key, PAGE, 0600), ENOENT, "shmget of a missing key without IPC_CREAT: ENOENT");
	CHECK_ERR(shmget(IPC_PRIVATE, 0, 0600), EINVAL, "shmget of size 0: EINVAL");
	int id = CHECK_OK(shmget(key, 3 * PAGE, IPC_CREAT | 0640), "shmget IPC_CREAT");
	CHECK_EQ(shmget(key, 3 * PAGE, 0), id, "shmget of the same key finds the same id");
	CHECK_EQ(shmget(key, PAGE, IPC_CREAT), id, "a smaller size finds it too");
	CHECK_ERR(shmget(key, 4 * PAGE, 0), EINVAL, "a larger size than the segment's: EINVAL");
	CHECK_ERR(shmget(key, PAGE, IPC_CREAT | IPC_EXCL | 0600), EEXIST, "IPC_CREAT|IPC_EXCL of an existing key: EEXIST");
	int priv = CHECK_OK(shmget(IPC_PRIVATE, PAGE, 0600), "shmget IPC_PRIVATE");
	CHECK(priv != id && shmget(IPC_PRIVATE, PAGE, 0600) != priv, "IPC_PRIVATE makes a new segment each time");
	struct shmid_ds ds = stat_of(id);
	CHECK_EQ(ds.shm_segsz, 3 * PAGE, "IPC_STAT: shm_segsz");
	CHECK_EQ(ds.shm_perm.mode, 0640, "IPC_STAT: mode");
	CHECK(ds.shm_perm.uid == getuid() && ds.shm_perm.cuid == getuid() && ds.shm_perm.gid == getgid() &&
	      ds.shm_perm.cgid == getgid(), "IPC_STAT: uid, cuid, gid, cgid are the creator's");
	CHECK_EQ(ds.shm_cpid, getpid(), "IPC_STAT: shm_cpid is the creator");
	CHECK(ds.shm_lpid == 0 && ds.shm_nattch == 0 && ds.shm_atime == 0 && ds.shm_dtime == 0,
	      "IPC_STAT: never attached: lpid, nattch, atime, dtime 0");
	CHECK((long)ds.shm_ctime >= (long)time(NULL) - 5, "IPC_STAT: shm_ctime is now");
	CHECK_ERR(shmctl(-1, IPC_STAT, &ds), EINVAL, "shmctl of a negative id: EINVAL");
	CHECK_ERR(shmctl(id, 12345, &ds), EINVAL, "shmctl of an unknown command: EINVAL");
	CHECK_ERR(shmctl(id, IPC_STAT, null_ptr()), EFAULT, "IPC_STAT to a bad buffer: EFAULT");
	CHECK_OK(shmctl(priv, IPC_RMID, NULL), "IPC_RMID of an unattached segment");
	CHECK_ERR(shmctl(priv, IPC_STAT, &ds), EINVAL, "it is gone at once: EINVAL");
	CHECK_OK(shmctl(id, IPC_RMID, NULL), "IPC_RMID of the keyed one");
	CHECK_ERR(shmget(key, PAGE, 0), ENOENT, "its key is free again");
}

static int exec_child_nattch(void *arg)
{
	char id[16];
	snprintf(id, sizeof id, "%d", *(int *)arg);
	execl("/proc/self/exe", "ipc_shm", "nattch", id, (char *)NULL);
	return 99;
}

static int sigsegv_write(void *arg)
{
	*(volatile char *)arg = 1;
	return 0;
}

static void test_attach(void)
{
	int id = shmget(IPC_PRIVATE, 2 * PAGE, 0600);
	char *p = shmat(id, NULL, 0);
	CHECK(p != (void *)-1 && ((unsigned long)p & (PAGE - 1)) == 0, "shmat at a chosen address: page aligned");
	CHECK(p[0] == 0 && p[2 * PAGE - 1] == 0, "a new segment reads as zeros");
	strcpy(p, "hello");
	p[PAGE + 5] = 'x';
	struct shmid_ds ds = stat_of(id);
	CHECK(ds.shm_nattch == 1 && ds.shm_lpid == getpid() && ds.shm_atime != 0, "attached: nattch 1, lpid, atime");
	char *q = shmat(id, NULL, SHM_RDONLY);
	CHECK(q != (void *)-1 && q != p && strcmp(q, "hello") == 0 && q[PAGE + 5] == 'x',
	      "a second attachment sees the same bytes");
	CHECK_EQ(nattch(id), 2, "two attachments: nattch 2");
	CHECK_ERR(mprotect(q, PAGE, PROT_READ | PROT_WRITE), EACCES, "mprotect of a SHM_RDONLY attachment to writable: EACCES");
	expect_signal(run_child(sigsegv_write, q), SIGSEGV, "a write through SHM_RDONLY: SIGSEGV");
	CHECK_OK(shmdt(q), "shmdt");
	CHECK_ERR(shmdt(q), EINVAL, "shmdt again: EINVAL");
	CHECK_ERR(shmdt(p + 1), EINVAL, "shmdt of an unaligned address: EINVAL");
	CHECK_ERR(shmdt(p + PAGE), EINVAL, "shmdt inside a segment: EINVAL");
	CHECK_EQ(nattch(id), 1, "after shmdt: nattch 1");

	pid_t pid = fork();
	if (pid == 0) {
		int n = nattch(id);
		strcpy(p, "child");
		_exit(n);
	}
	int st = wait_status(pid);
	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 2, "fork: the child inherits the attachment (nattch 2)");
	CHECK(strcmp(p, "child") == 0, "the child's write is the parent's");
	CHECK_EQ(nattch(id), 1, "the child's exit detached it");
	CHECK_EQ(stat_of(id).shm_lpid, pid, "shm_lpid: the child, whose exit was the last detach");
	st = run_child(exec_child_nattch, &id);
	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 1, "exec detaches: the new image sees nattch 1");

	/* A chosen address: exact, SHM_RND, taken, SHM_REMAP. */
	CHECK_OK(shmdt(p), "shmdt of the first");
	CHECK_EQ(nattch(id), 0, "nattch 0");
	CHECK(stat_of(id).shm_dtime != 0, "shm_dtime set");
	char *at = shmat(id, p, 0);
	CHECK(at == p && strcmp(at, "child") == 0, "shmat at a given address keeps the contents");
	CHECK_ERR(shmat(id, p, 0), EINVAL, "shmat over an attachment: EINVAL");
	CHECK(shmat(id, p, SHM_REMAP) == p, "SHM_REMAP replaces it");
	CHECK_EQ(nattch(id), 1, "the replaced attachment is gone: nattch 1");
	CHECK_ERR(shmat(id, p + 5, 0), EINVAL, "an unaligned address without SHM_RND: EINVAL");
	shmdt(p);
	CHECK(shmat(id, p + 5, SHM_RND) == p, "SHM_RND rounds it down");
	CHECK_ERR(shmat(id, NULL, SHM_REMAP), EINVAL, "SHM_REMAP without an address: EINVAL");
	CHECK_ERR(shmat(-1, NULL, 0), EINVAL, "shmat of a negative id: EINVAL");

	/* IPC_RMID while attached. */
	CHECK_OK(shmctl(id, IPC_RMID, NULL), "IPC_RMID while attached");
	ds = stat_of(id);
	CHECK((ds.shm_perm.mode & SHM_DEST) && ds.shm_nattch == 1, "it stays, SHM_DEST in its mode");
	CHECK(strcmp(p, "child") == 0, "still usable");
	pid = fork();
	if (pid == 0)
		_exit(nattch(id));
	st = wait_status(pid);
	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 2, "a fork still inherits it");
	CHECK_OK(shmdt(p), "the last shmdt");
	CHECK_ERR(shmctl(id, IPC_STAT, &ds), EINVAL, "the segment went with it: EINVAL");
}

static int as_user(void *arg)
{
	int id = *(int *)arg;
	struct shmid_ds ds;
	if (drop_to_user())
		return 100;
	int bad = 0;
	errno = 0;
	bad |= shmat(id, NULL, 0) != (void *)-1 || errno != EACCES;
	errno = 0;
	bad |= (shmctl(id, IPC_STAT, &ds) != -1 || errno != EACCES) << 1;
	errno = 0;
	bad |= (shmctl(id, IPC_RMID, NULL) != -1 || errno != EPERM) << 2;
	errno = 0;
	bad |= (shmctl(id, IPC_SET, &ds) != -1 || errno != EPERM) << 3;
	return bad;
}

static int as_user_readable(void *arg)
{
	int id = *(int *)arg;
	if (drop_to_user())
		return 100;
	void *p = shmat(id, NULL, SHM_RDONLY);
	errno = 0;
	int bad = p == (void *)-1;
	bad |= (shmat(id, NULL, 0) != (void *)-1 || errno != EACCES) << 1;
	return bad;
}

static void test_perms(void)
{
	int id = shmget(IPC_PRIVATE, PAGE, 0600);
	int st = run_child(as_user, &id);
	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0,
	      "uid 1000 on a 0600 root segment: shmat and IPC_STAT EACCES, IPC_RMID and IPC_SET EPERM");
	struct shmid_ds ds = stat_of(id);
	ds.shm_perm.mode = 0604;
	ds.shm_perm.uid = 4242;
	CHECK_OK(shmctl(id, IPC_SET, &ds), "IPC_SET by root");
	ds = stat_of(id);
	CHECK(ds.shm_perm.mode == 0604 && ds.shm_perm.uid == 4242 && ds.shm_perm.cuid == 0,
	      "IPC_SET changed mode and uid, not cuid");
	st = run_child(as_user_readable, &id);
	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0, "mode 0604: uid 1000 attaches SHM_RDONLY, not read-write");
	shmctl(id, IPC_RMID, NULL);
}

static void test_info_proc(void)
{
	struct shminfo info;
	CHECK(shmctl(0, IPC_INFO, (struct shmid_ds *)&info) >= 0, "IPC_INFO");
	/* (SHMMAX is not compared: a 64-bit Linux clamps its own to INT_MAX for a 32-bit caller.) */
	CHECK(info.shmmin == 1 && info.shmmni == 4096 && info.shmseg == 4096, "IPC_INFO: Linux's SHMMIN, SHMMNI, SHMSEG");
	key_t key = ipc_test_key(2);
	int id = shmget(key, 5000, IPC_CREAT | 0644);
	char *p = shmat(id, NULL, 0);
	FILE *f = fopen("/proc/sysvipc/shm", "r");
	char line[512];
	int found = 0, header = f && fgets(line, sizeof line, f) && strncmp(line, "       key      shmid perms", 27) == 0;
	while (f && fgets(line, sizeof line, f)) {
		long v[7];
		if (parse_fields(line, v, 7) && v[0] == key && v[1] == id && v[2] == 0644 && v[3] == 5000 &&
		    v[4] == getpid() && v[5] == getpid() && v[6] == 1)
			found++;
	}
	if (f)
		fclose(f);
	CHECK(header, "/proc/sysvipc/shm: Linux's header");
	CHECK_EQ(found, 1, "/proc/sysvipc/shm: the segment's key, id, perms, size, cpid, lpid, nattch");
	shmdt(p);
	shmctl(id, IPC_RMID, NULL);
}

int main(int argc, char **argv)
{
	if (argc == 3 && strcmp(argv[1], "nattch") == 0)
		return nattch(atoi(argv[2]));
	test_get();
	test_attach();
	test_perms();
	test_info_proc();
	return done();
}
