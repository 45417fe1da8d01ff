/* fd_rules: the file descriptor table (dup, dup2, dup3, close, fcntl).
 * Lowest-free allocation, dup2/dup3 edge cases, EBADF everywhere a bad fd can go,
 * EMFILE at RLIMIT_NOFILE, F_DUPFD minimums, FD_CLOEXEC per descriptor versus status
 * flags and offsets shared per open file (through dup and through fork), and
 * close-on-exec across execve: the test re-executes itself with --check-fds to look
 * at what survived.  After LTP's dup*, dup2*, dup3*, close*, fcntl* tests. */
#include "check.h"

#include <fcntl.h>
#include <stdlib.h>
/* RLIMIT_NOFILE and the ugetrlimit/setrlimit record: <sys/resource.h> is not required
 * of the libc, and the raw calls want the kernel's layout anyway. */
#include <uapi/resource.h>

#define BADFD 999 /* below any limit, never opened here */
#define MAX_TRACKED 4096

static char path[64];

static int open_tmp(void)
{
	snprintf(path, sizeof path, "/tmp/fd_rules.%d", (int)getpid());
	int fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0600);
	unlink(path); /* keeps working through the fd; nothing left behind */
	return fd;
}

static int is_open(int fd)
{
	return fcntl(fd, F_GETFD) != -1;
}

static void test_alloc(void)
{
	int a = dup(1), b = dup(1);
	/* Lowest free: every fd below each result was already open (stdin or stderr may
	 * be closed when the harness starts us, so a need not be 3). */
	int below_open = a >= 0 && b > a;
	for (int fd = 0; fd < b && below_open; fd++)
		below_open = is_open(fd);
	CHECK(below_open, "dup returns the lowest free fds in order");
	CHECK_OK(close(a), "close first dup");
	CHECK_EQ(dup(1), a, "freed fd is reused first");
	CHECK_ERR(close(BADFD), EBADF, "close of an fd never opened EBADF");
	CHECK_ERR(close(-1), EBADF, "close(-1) EBADF");
	close(b);
	CHECK_ERR(close(b), EBADF, "second close EBADF");
	CHECK_ERR(read(b, path, 1), EBADF, "read on closed fd EBADF");
	CHECK_ERR(write(b, "x", 1), EBADF, "write on closed fd EBADF");
	CHECK_ERR(dup(b), EBADF, "dup of closed fd EBADF");
	CHECK_ERR(dup(-1), EBADF, "dup(-1) EBADF");
	CHECK_ERR(fcntl(b, F_GETFD), EBADF, "fcntl F_GETFD on closed fd EBADF");
	CHECK_ERR(fcntl(b, F_GETFL), EBADF, "fcntl F_GETFL on closed fd EBADF");
	close(a);
}

static void test_dup2_dup3(void)
{
	int f = open_tmp();
	int g = dup(1);
	CHECK_EQ(dup2(f, f), f, "dup2(fd, fd) returns fd");
	CHECK(is_open(f), "dup2(fd, fd) leaves fd open");
	CHECK_ERR(dup2(BADFD, BADFD), EBADF, "dup2(bad, bad) EBADF");
	CHECK_ERR(dup2(BADFD, g), EBADF, "dup2 from a closed fd EBADF");
	CHECK(is_open(g), "failed dup2 leaves the target open");
	CHECK_ERR(dup2(f, -1), EBADF, "dup2 to -1 EBADF");
	CHECK_ERR(dup2(f, 1 << 20), EBADF, "dup2 beyond the fd limit EBADF");

	/* g was a copy of stdout: after dup2 it must write into the file instead. */
	CHECK_EQ(dup2(f, g), g, "dup2 onto an open fd");
	CHECK_EQ(write(g, "hello", 5), 5, "write through the new copy");
	CHECK_EQ(lseek(f, 0, SEEK_CUR), 5, "it went to the file (offset shared)");
	fcntl(f, F_SETFD, FD_CLOEXEC);
	CHECK_EQ(dup2(f, g), g, "dup2 replaces an existing copy");
	CHECK_EQ(fcntl(g, F_GETFD), 0, "dup2 does not copy FD_CLOEXEC");

	CHECK_ERR(sys_dup3(f, f, 0), EINVAL, "dup3 with equal fds EINVAL");
	CHECK_ERR(sys_dup3(f, g, 0x12345), EINVAL, "dup3 with bad flags EINVAL");
	CHECK_EQ(sys_dup3(f, g, O_CLOEXEC), g, "dup3 with O_CLOEXEC");
	CHECK_EQ(fcntl(g, F_GETFD), FD_CLOEXEC, "dup3 O_CLOEXEC sets FD_CLOEXEC");
	CHECK_EQ(sys_dup3(f, g, 0), g, "dup3 without flags");
	CHECK_EQ(fcntl(g, F_GETFD), 0, "dup3 without flags clears FD_CLOEXEC");
	CHECK_ERR(sys_dup3(BADFD, g, 0), EBADF, "dup3 from a closed fd EBADF");
	close(f);
	close(g);
}

static void test_fcntl(void)
{
	int f = open_tmp();
	for (int fd = 10; fd < 14; fd++)
		close(fd);
	CHECK_EQ(fcntl(f, F_DUPFD, 10), 10, "F_DUPFD returns the minimum when free");
	CHECK_EQ(fcntl(f, F_DUPFD, 10), 11, "F_DUPFD returns the next free above it");
	CHECK_EQ(fcntl(f, F_GETFD), 0, "new fd has no FD_CLOEXEC");
	CHECK_EQ(fcntl(f, F_DUPFD_CLOEXEC, 10), 12, "F_DUPFD_CLOEXEC");
	CHECK_EQ(fcntl(12, F_GETFD), FD_CLOEXEC, "F_DUPFD_CLOEXEC sets FD_CLOEXEC");
	CHECK_EQ(fcntl(10, F_GETFD), 0, "F_DUPFD leaves FD_CLOEXEC clear");
	CHECK_ERR(fcntl(f, F_DUPFD, -1), EINVAL, "F_DUPFD negative minimum EINVAL");
	CHECK_ERR(fcntl(f, F_DUPFD, 1 << 20), EINVAL, "F_DUPFD minimum beyond limit EINVAL");

	/* FD_CLOEXEC belongs to the descriptor: setting it on f leaves the dups alone. */
	CHECK_OK(fcntl(f, F_SETFD, FD_CLOEXEC), "F_SETFD FD_CLOEXEC");
	CHECK_EQ(fcntl(f, F_GETFD), FD_CLOEXEC, "F_GETFD sees FD_CLOEXEC");
	CHECK_EQ(fcntl(10, F_GETFD), 0, "FD_CLOEXEC not shared with a dup");
	CHECK_OK(fcntl(f, F_SETFD, 0), "F_SETFD 0");
	CHECK_EQ(fcntl(f, F_GETFD), 0, "FD_CLOEXEC cleared");

	/* Status flags belong to the open file: a dup sees them. */
	CHECK_EQ(fcntl(f, F_GETFL) & O_ACCMODE, O_RDWR, "F_GETFL access mode O_RDWR");
	CHECK_OK(fcntl(f, F_SETFL, O_NONBLOCK | O_APPEND), "F_SETFL O_NONBLOCK|O_APPEND");
	int fl = fcntl(10, F_GETFL);
	CHECK((fl & O_NONBLOCK) && (fl & O_APPEND), "status flags shared through dup");
	CHECK_OK(fcntl(f, F_SETFL, O_RDONLY), "F_SETFL with an access mode");
	CHECK_EQ(fcntl(f, F_GETFL) & (O_ACCMODE | O_NONBLOCK | O_APPEND), O_RDWR,
		 "F_SETFL cleared flags but kept the access mode");

	/* O_APPEND: every write lands at the end, whatever the offset. */
	write(f, "0123456789", 10);
	fcntl(f, F_SETFL, O_APPEND);
	lseek(f, 2, SEEK_SET);
	write(f, "AB", 2);
	CHECK_EQ(lseek(f, 0, SEEK_CUR), 12, "O_APPEND write went to the end");
	char buf[16] = { 0 };
	lseek(f, 0, SEEK_SET);
	read(f, buf, 12);
	CHECK(memcmp(buf, "0123456789AB", 12) == 0, "O_APPEND kept the old bytes");
	CHECK_ERR(fcntl(f, 12345), EINVAL, "fcntl unknown command EINVAL");
	close(10);
	close(11);
	close(12);
	close(f);
}

static void test_shared_offset(void)
{
	int f = open_tmp();
	write(f, "abcdefghij", 10);
	int d = dup(f);
	CHECK_EQ(lseek(d, 0, SEEK_CUR), 10, "dup shares the offset");
	lseek(f, 3, SEEK_SET);
	CHECK_EQ(lseek(d, 0, SEEK_CUR), 3, "lseek on one moves the other");
	char c = 0;
	read(d, &c, 1);
	CHECK_EQ(c, 'd', "read through the dup at the shared offset");
	CHECK_EQ(lseek(f, 0, SEEK_CUR), 4, "read through the dup moved the offset");

	pid_t pid = fork();
	if (pid == 0) {
		char two[2];
		read(f, two, 2);
		lseek(d, 2, SEEK_CUR);
		_exit(0);
	}
	int st;
	waitpid(pid, &st, 0);
	CHECK_EQ(lseek(f, 0, SEEK_CUR), 8, "offset shared with a forked child");
	close(d);
	close(f);
}

/* Opening the same file twice gives independent offsets. */
static void test_independent_offset(void)
{
	snprintf(path, sizeof path, "/tmp/fd_rules2.%d", (int)getpid());
	int a = open(path, O_RDWR | O_CREAT | O_TRUNC, 0600);
	int b = open(path, O_RDWR);
	write(a, "xyz", 3);
	CHECK_EQ(lseek(b, 0, SEEK_CUR), 0, "second open has its own offset");
	char c = 0;
	read(b, &c, 1);
	CHECK_EQ(c, 'x', "second open reads what the first wrote");
	close(a);
	close(b);
	unlink(path);
}

static void test_emfile(void)
{
	struct k_rlimit old, lim;
	CHECK_OK(sys_call(__NR_ugetrlimit, RLIMIT_NOFILE, (long)&old, 0), "getrlimit NOFILE");
	/* A small limit keeps the test fast; a kernel without setrlimit keeps its own. */
	lim.rlim_cur = 64;
	lim.rlim_max = old.rlim_max;
	unsigned long limit = old.rlim_cur;
	if (sys_call(__NR_setrlimit, RLIMIT_NOFILE, (long)&lim, 0) == 0)
		limit = 64;
	if (!CHECK(limit <= MAX_TRACKED, "fd limit small enough to exhaust"))
		return;
	/* Remember which fds we opened: there may be holes below the ones we had. */
	static char mine[MAX_TRACKED];
	int last = -1, fd;
	while ((fd = dup(1)) >= 0 && fd < MAX_TRACKED) {
		mine[fd] = 1;
		last = fd;
	}
	CHECK_EQ(errno, EMFILE, "dup fails with EMFILE at the limit");
	CHECK_EQ(last + 1, limit, "highest fd is the limit minus one");
	CHECK_ERR(open("/dev/null", O_RDONLY), EMFILE, "open at the limit EMFILE");
	CHECK_ERR(fcntl(1, F_DUPFD, 0), EMFILE, "F_DUPFD at the limit EMFILE");
	CHECK_ERR(pipe((int[2]){ 0, 0 }), EMFILE, "pipe at the limit EMFILE");
	CHECK_ERR(dup2(1, limit), EBADF, "dup2 to the limit EBADF");
	/* The descriptor comes first: nothing is looked up or created without one. */
	CHECK_ERR(open("/no/such/file", O_RDONLY), EMFILE, "open of a missing path at the limit EMFILE");
	char made[64];
	snprintf(made, sizeof made, "/tmp/fd_rules_emfile.%d", (int)getpid());
	CHECK_ERR(open(made, O_CREAT | O_WRONLY, 0600), EMFILE, "O_CREAT at the limit EMFILE");
	CHECK_ERR(access(made, F_OK), ENOENT, "and it created nothing");
	/* One fd free: pipe2 needs two and must give the one back. */
	close(last);
	mine[last] = 0;
	CHECK_ERR(pipe((int[2]){ 0, 0 }), EMFILE, "pipe with one fd free EMFILE");
	fd = dup(1);
	CHECK_EQ(fd, last, "the free fd is still free after the failed pipe");
	if (fd >= 0)
		mine[fd] = 1;
	for (fd = 0; fd < MAX_TRACKED; fd++)
		if (mine[fd])
			close(fd);
	sys_call(__NR_setrlimit, RLIMIT_NOFILE, (long)&old, 0);
	fd = dup(1);
	CHECK(fd >= 0, "fds available again after closing");
	close(fd);
}

/* Re-exec'd with: --check-fds CLOEXEC_FD KEPT_FD. */
static int check_fds(char **argv)
{
	int gone = atoi(argv[2]), kept = atoi(argv[3]);
	if (is_open(gone))
		return 10;
	if (!is_open(kept))
		return 11;
	return 0;
}

static void test_cloexec_exec(const char *argv0)
{
	char self[256];
	if (strchr(argv0, '/'))
		snprintf(self, sizeof self, "%s", argv0);
	else
		snprintf(self, sizeof self, "/tests/%s", argv0);
	pid_t pid = fork();
	if (pid == 0) {
		int gone = open("/dev/null", O_RDONLY | O_CLOEXEC);
		int kept = dup(gone);
		char a[16], b[16];
		snprintf(a, sizeof a, "%d", gone);
		snprintf(b, sizeof b, "%d", kept);
		char *args[] = { "fd_rules", "--check-fds", a, b, NULL };
		char *envp[] = { NULL };
		execve(self, args, envp);
		_exit(127);
	}
	expect_exit(wait_status(pid), 0, "execve closes O_CLOEXEC fds and keeps the others");
}

int main(int argc, char **argv)
{
	if (argc == 4 && strcmp(argv[1], "--check-fds") == 0)
		return check_fds(argv);
	test_alloc();
	test_dup2_dup3();
	test_fcntl();
	test_shared_offset();
	test_independent_offset();
	test_emfile();
	test_cloexec_exec(argc > 0 ? argv[0] : "fd_rules");
	return done();
}
