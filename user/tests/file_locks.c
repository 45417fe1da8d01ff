/* file_locks: POSIX record locks through fcntl64 (struct flock64) and fcntl
 * (struct flock): conflicts between processes, F_GETLK's report, splitting
 * a lock by unlocking its middle, release when the process closes any fd of
 * the file, F_SETLKW sleeping until the holder unlocks and EDEADLK for a
 * cycle, the EBADF/EINVAL rules; OFD locks conflicting between two opens in
 * one process; flock(2) shared by dup and fork, separate from record locks.
 * Raw system calls with the kernel's structures, so both libcs ask the same. */
#include "check.h"

#include <fcntl.h>
#include <sys/file.h>

#include <uapi/flock.h>

#define F1 "/tmp/file_locks.1"

static int lk64(int fd, int cmd, int type, long long start, long long len, struct k_flock64 *out)
{
	struct k_flock64 fl = { .l_type = (short)type, .l_whence = SEEK_SET, .l_start = start, .l_len = len };
	long r = raw_syscall(__NR_fcntl64, fd, cmd, (long)&fl);
	if (out)
		*out = fl;
	return (int)r;
}

static int lk(int fd, int type, long long start, long long len)
{
	return lk64(fd, F_SETLK64, type, start, len, NULL);
}

static int open_rw(const char *path)
{
	return open(path, O_RDWR | O_CREAT, 0600);
}

/* The lock state as another process sees it: 0 if the write lock over
 * [start, start+len) can be taken (it is then dropped again at exit), else the
 * errno. */
struct probe { long long start, len; int type; };

static int probe_child(void *arg)
{
	const struct probe *p = arg;
	int fd = open_rw(F1);
	int r = lk(fd, p->type, p->start, p->len);
	return r == 0 ? 0 : -r;
}

static int can_lock(int type, long long start, long long len)
{
	struct probe p = { start, len, type };
	int st = run_child(probe_child, &p);
	return WIFEXITED(st) ? WEXITSTATUS(st) : 255;
}

static int getlk_child(void *arg)
{
	pid_t parent = *(pid_t *)arg;
	int fd = open_rw(F1);
	struct k_flock64 fl;
	if (lk64(fd, F_GETLK64, F_WRLCK, 5, 1, &fl) != 0)
		return 1;
	if (fl.l_type != F_WRLCK || fl.l_pid != parent || fl.l_start != 0 || fl.l_len != 10 ||
	    fl.l_whence != SEEK_SET)
		return 2;
	if (lk64(fd, F_GETLK64, F_WRLCK, 10, 5, &fl) != 0 || fl.l_type != F_UNLCK)
		return 3;
	struct k_flock f32 = { .l_type = F_RDLCK, .l_whence = SEEK_SET, .l_start = 0, .l_len = 0 };
	if (raw_syscall(__NR_fcntl, fd, F_GETLK, (long)&f32) != 0 || f32.l_type != F_WRLCK || f32.l_len != 10)
		return 4;
	return 0;
}

/* Waits (bounded) until pid sleeps. */
static int wait_sleeping(pid_t pid)
{
	for (int i = 0; i < 200; i++) {
		if (proc_state(pid) == 'S')
			return 1;
		sleep_ms(10);
	}
	return 0;
}

static int setlkw_child(void *arg)
{
	(void)arg;
	int fd = open_rw(F1);
	return lk64(fd, F_SETLKW64, F_WRLCK, 0, 1, NULL) == 0 ? 0 : 1;
}

static int deadlock_child(void *arg)
{
	int *pipefd = arg;
	int fd = open_rw(F1);
	if (lk(fd, F_WRLCK, 1, 1) != 0)
		return 1;
	if (write(pipefd[1], "x", 1) != 1)
		return 2;
	return lk64(fd, F_SETLKW64, F_WRLCK, 0, 1, NULL) == 0 ? 0 : 3;
}

static int flock_inherited(void *arg)
{
	int fd = *(int *)arg;
	return flock(fd, LOCK_EX | LOCK_NB) == 0 ? 0 : 1;
}

int main(void)
{
	unlink(F1);
	int fd = open_rw(F1);
	CHECK(fd >= 0 && write(fd, "0123456789abcdef", 16) == 16, "a file to lock");

	CHECK_EQ(lk(fd, F_WRLCK, 0, 10), 0, "F_SETLK64 a write lock on bytes 0-9");
	pid_t me = getpid();
	expect_exit(run_child(getlk_child, &me), 0, "F_GETLK64/F_GETLK in another process report it and its owner");
	CHECK_EQ(can_lock(F_WRLCK, 5, 1), EAGAIN, "another process's write lock over it: EAGAIN");
	CHECK_EQ(can_lock(F_RDLCK, 9, 1), EAGAIN, "a read lock over it: EAGAIN");
	CHECK_EQ(can_lock(F_WRLCK, 10, 0), 0, "past it, to the end of the file: allowed");
	struct k_flock64 fl;
	CHECK(lk64(fd, F_GETLK64, F_WRLCK, 0, 0, &fl) == 0 && fl.l_type == F_UNLCK, "F_GETLK64 ignores the caller's own locks");

	CHECK_EQ(lk(fd, F_WRLCK, 0, 100), 0, "extend the lock to bytes 0-99");
	CHECK_EQ(lk(fd, F_UNLCK, 40, 20), 0, "unlock bytes 40-59");
	CHECK_EQ(can_lock(F_WRLCK, 45, 5), 0, "the hole is free");
	CHECK_EQ(can_lock(F_WRLCK, 30, 5), EAGAIN, "the left part stays locked");
	CHECK_EQ(can_lock(F_WRLCK, 65, 5), EAGAIN, "the right part stays locked");
	CHECK_EQ(lk(fd, F_RDLCK, 0, 100), 0, "turn it into one read lock");
	CHECK_EQ(can_lock(F_RDLCK, 0, 100), 0, "read locks share");
	CHECK_EQ(can_lock(F_WRLCK, 50, 1), EAGAIN, "but keep writers out");

	int other = open(F1, O_RDONLY);
	close(other);
	CHECK_EQ(can_lock(F_WRLCK, 0, 0), 0, "closing any fd of the file drops the process's locks");

	/* Errors. */
	int ro = open(F1, O_RDONLY), wo = open(F1, O_WRONLY);
	CHECK_EQ(lk(ro, F_WRLCK, 0, 1), -EBADF, "a write lock through a read-only fd: EBADF");
	CHECK_EQ(lk(wo, F_RDLCK, 0, 1), -EBADF, "a read lock through a write-only fd: EBADF");
	CHECK_EQ(lk(fd, 7, 0, 1), -EINVAL, "an unknown lock type: EINVAL");
	CHECK_EQ(lk64(fd, F_GETLK64, F_UNLCK, 0, 1, NULL), -EINVAL, "F_GETLK64 of F_UNLCK: EINVAL");
	CHECK_EQ(lk(fd, F_WRLCK, -5, 1), -EINVAL, "a negative start: EINVAL");
	CHECK_EQ(lk(fd, F_WRLCK, 2, -5), -EINVAL, "a negative length reaching below 0: EINVAL");
	struct k_flock64 bad = { .l_type = F_WRLCK, .l_whence = 9 };
	CHECK_EQ(raw_syscall(__NR_fcntl64, fd, F_SETLK64, (long)&bad), -EINVAL, "an unknown whence: EINVAL");
	CHECK_EQ(raw_syscall(__NR_fcntl64, fd, F_SETLK64, (long)null_ptr()), -EFAULT, "a bad struct pointer: EFAULT");
	CHECK_EQ(raw_syscall(__NR_fcntl, fd, F_SETLK64, (long)&bad), -EINVAL, "F_SETLK64 through the old fcntl: EINVAL");
	struct k_flock f32 = { .l_type = F_WRLCK, .l_whence = SEEK_END, .l_start = -4, .l_len = 2 };
	CHECK_EQ(raw_syscall(__NR_fcntl, fd, F_SETLK, (long)&f32), 0, "fcntl F_SETLK with struct flock, from the end");
	CHECK_EQ(can_lock(F_WRLCK, 12, 1), EAGAIN, "locks bytes 12-13");
	CHECK_EQ(can_lock(F_WRLCK, 14, 1), 0, "and no more");
	close(ro);
	close(wo);          /* drops the locks too */

	/* F_SETLKW waits for the holder. */
	CHECK_EQ(lk(fd, F_WRLCK, 0, 1), 0, "hold byte 0");
	pid_t w = spawn(setlkw_child, NULL);
	CHECK(wait_sleeping(w), "F_SETLKW64 in another process sleeps");
	CHECK_EQ(lk(fd, F_UNLCK, 0, 1), 0, "unlock");
	expect_exit(wait_status(w), 0, "the waiter gets the lock");

	/* Two processes waiting for each other. */
	int p[2];
	char c;
	CHECK_OK(pipe(p), "a pipe");
	CHECK_EQ(lk(fd, F_WRLCK, 0, 1), 0, "hold byte 0 again");
	pid_t d = spawn(deadlock_child, p);
	CHECK(read(p[0], &c, 1) == 1 && wait_sleeping(d), "the child holds byte 1 and waits for byte 0");
	CHECK_EQ(lk64(fd, F_SETLKW64, F_WRLCK, 1, 1, NULL), -EDEADLK, "waiting for byte 1 would close a cycle: EDEADLK");
	CHECK_EQ(lk(fd, F_UNLCK, 0, 1), 0, "give byte 0 up");
	expect_exit(wait_status(d), 0, "the child gets it");
	close(fd);

	/* OFD locks belong to the open file, not the process. */
	int a = open_rw(F1), b = open_rw(F1);
	CHECK_EQ(lk64(a, F_OFD_SETLK, F_WRLCK, 0, 10, NULL), 0, "F_OFD_SETLK through one open");
	CHECK_EQ(lk64(b, F_OFD_SETLK, F_WRLCK, 5, 1, NULL), -EAGAIN, "another open in the same process: EAGAIN");
	CHECK_EQ(lk(b, F_WRLCK, 5, 1), -EAGAIN, "a POSIX lock of the same process conflicts too");
	CHECK(lk64(b, F_OFD_GETLK, F_RDLCK, 0, 0, &fl) == 0 && fl.l_type == F_WRLCK && fl.l_pid == -1 &&
	      fl.l_len == 10, "F_OFD_GETLK reports it with l_pid -1");
	struct k_flock64 withpid = { .l_type = F_WRLCK, .l_whence = SEEK_SET, .l_pid = 1 };
	CHECK_EQ(raw_syscall(__NR_fcntl64, b, F_OFD_SETLK, (long)&withpid), -EINVAL, "F_OFD_SETLK with l_pid set: EINVAL");
	CHECK_EQ(raw_syscall(__NR_fcntl, b, F_OFD_SETLK, (long)&withpid), -EINVAL, "OFD commands through the old fcntl: EINVAL");
	close(a);
	CHECK_EQ(lk64(b, F_OFD_SETLK, F_WRLCK, 0, 10, NULL), 0, "closing that open releases it");
	close(b);

	/* flock. */
	a = open_rw(F1);
	b = open_rw(F1);
	int a2 = dup(a);
	CHECK_OK(flock(a, LOCK_EX), "flock LOCK_EX");
	CHECK_ERR(flock(b, LOCK_EX | LOCK_NB), EWOULDBLOCK, "another open: LOCK_EX|LOCK_NB EWOULDBLOCK");
	CHECK_ERR(flock(b, LOCK_SH | LOCK_NB), EWOULDBLOCK, "LOCK_SH|LOCK_NB too");
	CHECK_OK(flock(a2, LOCK_EX | LOCK_NB), "a dup shares the lock");
	expect_exit(run_child(flock_inherited, &a), 0, "so does a forked child");
	CHECK_EQ(lk(b, F_WRLCK, 0, 0), 0, "record locks are separate");
	close(a);
	CHECK_ERR(flock(b, LOCK_EX | LOCK_NB), EWOULDBLOCK, "still held through the dup");
	close(a2);
	CHECK_OK(flock(b, LOCK_EX | LOCK_NB), "released with the last fd of that open");
	CHECK_OK(flock(b, LOCK_SH), "converted to shared");
	CHECK_OK(flock(b, LOCK_UN), "LOCK_UN");
	CHECK_ERR(flock(b, 0), EINVAL, "no operation: EINVAL");
	CHECK_ERR(flock(b, LOCK_SH | LOCK_EX), EINVAL, "two operations: EINVAL");
	CHECK_ERR(flock(1000, LOCK_SH), EBADF, "a closed fd: EBADF");
	close(b);
	unlink(F1);
	return done();
}
