/* dev_efault: every system call that takes a user pointer, called through int 0x80
 * with a bad pointer in each pointer argument in turn: NULL, two kernel addresses,
 * an object that wraps past 4 GiB, one that crosses from the last user byte into
 * the kernel, and an unmapped page. Each must return -EFAULT without touching
 * anything; afterwards the system must still work and no fd may have leaked.
 *
 * Pointer arguments that are not checked here, and why:
 *  - NULL where it means "no argument" (marked NULL_OK below; the other bad
 *    addresses still apply): rusage, old values, optional sets and timeouts.
 *  - set_tid_address, set_robust_list, clone's tid pointers: stored, not
 *    dereferenced by the call (Linux ignores a bad parent tid pointer too).
 *  - brk, mmap2, munmap, mprotect, madvise: addresses of mappings, not data.
 *  - reboot's arg: an exit code here, no command reads through it.
 *  - getgroups32: there are no supplementary groups, so the list is never written.
 *  - nanosleep's and clock_nanosleep's rem: written only when a signal interrupts.
 *  - TIOCGPGRP: answers ENOTTY before the pointer unless the tty is ours.
 * sigreturn and rt_sigreturn read their frame from the stack: a bad stack must
 * kill the caller with SIGSEGV, which a child checks. */
#include "check.h"

#include <fcntl.h>
#include <poll.h>
#include <stdint.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/stat.h>

#define USER_TOP 0xC0000000u

/* Placeholders in the call table, replaced by real values just before each call. */
enum {
	M_BAD = 0x7e570000,     /* the bad address under test */
	M_FILE,                 /* a regular file with data, rewound */
	M_DIR,                  /* a directory, rewound */
	M_PIPE_R,               /* a pipe's read end, with data waiting */
	M_PIPE_W,
	M_TTY,                  /* stdout, a terminal */
	M_PATH,                 /* an existing file's path */
	M_NEWPATH,              /* a path that does not exist */
	M_LINK,                 /* a symlink's path */
	M_EXE,                  /* a program's path */
	M_ARGV,                 /* a good argv */
	M_BADVEC,               /* a vector whose first element is the bad address */
	M_BADIOV,               /* an iovec whose base is the bad address */
	M_BUF,                  /* a good buffer */
	M_CHILD,                /* a child that exits at once */
	M_ZERO,                 /* zeros: a zero timeout */
	M_POLLFD,               /* one pollfd that poll ignores (fd -1) */
	M_BADSIGARG,            /* pselect6's { set, size } with the bad address as set */
};

#define NULL_OK  1              /* NULL is a valid "no argument" here */
#define IN_CHILD 2              /* run in a child: success would replace the process */

struct call {
	const char *name;
	long nr;
	int flags;
	long arg[6];
};
#define CALL(name, nr, ...) { name, nr, 0, { __VA_ARGS__ } }
#define CALLF(flags, name, nr, ...) { name, nr, flags, { __VA_ARGS__ } }

#define STATX_ALL_BASIC 0x7ff
#define BADLEN 0x100            /* a length that wraps or crosses from the bad addresses */

static const struct call calls[] = {
	/* names */
	CALL("open", __NR_open, M_BAD, O_RDONLY, 0),
	CALL("openat", __NR_openat, AT_FDCWD, M_BAD, O_RDONLY, 0),
	CALL("creat", __NR_creat, M_BAD, 0600),
	CALL("mknod", __NR_mknod, M_BAD, S_IFIFO | 0600, 0),
	CALL("mknodat", __NR_mknodat, AT_FDCWD, M_BAD, S_IFIFO | 0600, 0),
	CALL("mkdir", __NR_mkdir, M_BAD, 0700),
	CALL("mkdirat", __NR_mkdirat, AT_FDCWD, M_BAD, 0700),
	CALL("symlink target", __NR_symlink, M_BAD, M_NEWPATH),
	CALL("symlink path", __NR_symlink, M_PATH, M_BAD),
	CALL("symlinkat target", __NR_symlinkat, M_BAD, AT_FDCWD, M_NEWPATH),
	CALL("symlinkat path", __NR_symlinkat, M_PATH, AT_FDCWD, M_BAD),
	CALL("rename old", __NR_rename, M_BAD, M_NEWPATH),
	CALL("rename new", __NR_rename, M_PATH, M_BAD),
	CALL("renameat old", __NR_renameat, AT_FDCWD, M_BAD, AT_FDCWD, M_NEWPATH),
	CALL("renameat new", __NR_renameat, AT_FDCWD, M_PATH, AT_FDCWD, M_BAD),
	CALL("renameat2 old", __NR_renameat2, AT_FDCWD, M_BAD, AT_FDCWD, M_NEWPATH, 0),
	CALL("renameat2 new", __NR_renameat2, AT_FDCWD, M_PATH, AT_FDCWD, M_BAD, 0),
	CALL("unlink", __NR_unlink, M_BAD),
	CALL("rmdir", __NR_rmdir, M_BAD),
	CALL("unlinkat", __NR_unlinkat, AT_FDCWD, M_BAD, 0),
	CALL("readlink path", __NR_readlink, M_BAD, M_BUF, BADLEN),
	CALL("readlink buf", __NR_readlink, M_LINK, M_BAD, BADLEN),
	CALL("readlinkat path", __NR_readlinkat, AT_FDCWD, M_BAD, M_BUF, BADLEN),
	CALL("readlinkat buf", __NR_readlinkat, AT_FDCWD, M_LINK, M_BAD, BADLEN),
	CALL("chdir", __NR_chdir, M_BAD),
	CALL("getcwd", __NR_getcwd, M_BAD, BADLEN),
	CALL("stat64 path", __NR_stat64, M_BAD, M_BUF),
	CALL("stat64 buf", __NR_stat64, M_PATH, M_BAD),
	CALL("lstat64 path", __NR_lstat64, M_BAD, M_BUF),
	CALL("lstat64 buf", __NR_lstat64, M_PATH, M_BAD),
	CALL("fstatat64 path", __NR_fstatat64, AT_FDCWD, M_BAD, M_BUF, 0),
	CALL("fstatat64 buf", __NR_fstatat64, AT_FDCWD, M_PATH, M_BAD, 0),
	CALL("fstat64", __NR_fstat64, M_FILE, M_BAD),
	CALL("statx path", __NR_statx, AT_FDCWD, M_BAD, 0, STATX_ALL_BASIC, M_BUF),
	CALL("statx buf", __NR_statx, AT_FDCWD, M_PATH, 0, STATX_ALL_BASIC, M_BAD),
	CALL("access", __NR_access, M_BAD, F_OK),
	CALL("faccessat", __NR_faccessat, AT_FDCWD, M_BAD, F_OK),
	CALL("faccessat2", __NR_faccessat2, AT_FDCWD, M_BAD, F_OK, 0),
	CALL("chmod", __NR_chmod, M_BAD, 0600),
	CALL("fchmodat", __NR_fchmodat, AT_FDCWD, M_BAD, 0600),
	CALL("chown32", __NR_chown32, M_BAD, 0, 0),
	CALL("lchown32", __NR_lchown32, M_BAD, 0, 0),
	CALL("fchownat", __NR_fchownat, AT_FDCWD, M_BAD, 0, 0, 0),
	CALL("truncate", __NR_truncate, M_BAD, 0),
	CALL("truncate64", __NR_truncate64, M_BAD, 0, 0),
	CALL("getdents64", __NR_getdents64, M_DIR, M_BAD, BADLEN),
	CALLF(IN_CHILD, "execve path", __NR_execve, M_BAD, M_ARGV, 0),
	CALLF(IN_CHILD | NULL_OK, "execve argv", __NR_execve, M_EXE, M_BAD, 0),
	CALLF(IN_CHILD | NULL_OK, "execve argv[0]", __NR_execve, M_EXE, M_BADVEC, 0),
	CALLF(IN_CHILD | NULL_OK, "execve envp", __NR_execve, M_EXE, M_ARGV, M_BAD),
	CALLF(IN_CHILD | NULL_OK, "execve envp[0]", __NR_execve, M_EXE, M_ARGV, M_BADVEC),
	/* data through fds */
	CALL("read file", __NR_read, M_FILE, M_BAD, BADLEN),
	CALL("write file", __NR_write, M_FILE, M_BAD, BADLEN),
	CALL("read pipe", __NR_read, M_PIPE_R, M_BAD, BADLEN),
	CALL("write pipe", __NR_write, M_PIPE_W, M_BAD, BADLEN),
	CALL("pread64", __NR_pread64, M_FILE, M_BAD, BADLEN, 0, 0),
	CALL("pwrite64", __NR_pwrite64, M_FILE, M_BAD, BADLEN, 0, 0),
	CALL("readv iov", __NR_readv, M_FILE, M_BAD, 1),
	CALL("readv iov_base", __NR_readv, M_FILE, M_BADIOV, 1),
	CALL("writev iov", __NR_writev, M_FILE, M_BAD, 1),
	CALL("writev iov_base", __NR_writev, M_FILE, M_BADIOV, 1),
	CALL("_llseek result", __NR__llseek, M_FILE, 0, 0, M_BAD, SEEK_SET),
	CALL("ioctl FIONBIO", __NR_ioctl, M_FILE, FIONBIO, M_BAD),
	CALL("ioctl FIOASYNC", __NR_ioctl, M_FILE, FIOASYNC, M_BAD),
	CALL("ioctl FIONREAD file", __NR_ioctl, M_FILE, FIONREAD, M_BAD),
	CALL("ioctl FIONREAD pipe", __NR_ioctl, M_PIPE_R, FIONREAD, M_BAD),
	CALL("ioctl FIONREAD tty", __NR_ioctl, M_TTY, FIONREAD, M_BAD),
	CALL("ioctl TCGETS", __NR_ioctl, M_TTY, TCGETS, M_BAD),
	CALL("ioctl TCSETS", __NR_ioctl, M_TTY, TCSETS, M_BAD),
	CALL("ioctl TIOCGWINSZ", __NR_ioctl, M_TTY, TIOCGWINSZ, M_BAD),
	CALL("ioctl TIOCSWINSZ", __NR_ioctl, M_TTY, TIOCSWINSZ, M_BAD),
	CALL("ioctl TIOCSPGRP", __NR_ioctl, M_TTY, TIOCSPGRP, M_BAD),
	CALL("pipe", __NR_pipe, M_BAD),
	CALL("pipe2", __NR_pipe2, M_BAD, 0),
	CALL("poll", __NR_poll, M_BAD, 1, 0),
	CALLF(NULL_OK, "_newselect readfds", __NR__newselect, 1, M_BAD, 0, 0, 0),
	CALLF(NULL_OK, "_newselect writefds", __NR__newselect, 1, 0, M_BAD, 0, 0),
	CALLF(NULL_OK, "_newselect exceptfds", __NR__newselect, 1, 0, 0, M_BAD, 0),
	CALLF(NULL_OK, "_newselect timeout", __NR__newselect, 1, 0, 0, 0, M_BAD),
	CALL("ppoll fds", __NR_ppoll, M_BAD, 1, M_ZERO, 0, 8),
	CALLF(NULL_OK, "ppoll timeout", __NR_ppoll, M_POLLFD, 1, M_BAD, 0, 8),
	CALLF(NULL_OK, "ppoll sigmask", __NR_ppoll, M_POLLFD, 1, M_ZERO, M_BAD, 8),
	CALL("ppoll_time64 fds", __NR_ppoll_time64, M_BAD, 1, M_ZERO, 0, 8),
	CALLF(NULL_OK, "ppoll_time64 timeout", __NR_ppoll_time64, M_POLLFD, 1, M_BAD, 0, 8),
	CALLF(NULL_OK, "ppoll_time64 sigmask", __NR_ppoll_time64, M_POLLFD, 1, M_ZERO, M_BAD, 8),
	CALLF(NULL_OK, "pselect6 readfds", __NR_pselect6, 1, M_BAD, 0, 0, M_ZERO, 0),
	CALLF(NULL_OK, "pselect6 writefds", __NR_pselect6, 1, 0, M_BAD, 0, M_ZERO, 0),
	CALLF(NULL_OK, "pselect6 exceptfds", __NR_pselect6, 1, 0, 0, M_BAD, M_ZERO, 0),
	CALLF(NULL_OK, "pselect6 timeout", __NR_pselect6, 1, 0, 0, 0, M_BAD, 0),
	CALLF(NULL_OK, "pselect6 sigmask arg", __NR_pselect6, 1, 0, 0, 0, M_ZERO, M_BAD),
	CALLF(NULL_OK, "pselect6 sigmask set", __NR_pselect6, 1, 0, 0, 0, M_ZERO, M_BADSIGARG),
	CALLF(NULL_OK, "pselect6_time64 readfds", __NR_pselect6_time64, 1, M_BAD, 0, 0, M_ZERO, 0),
	CALLF(NULL_OK, "pselect6_time64 timeout", __NR_pselect6_time64, 1, 0, 0, 0, M_BAD, 0),
	CALLF(NULL_OK, "pselect6_time64 sigmask arg", __NR_pselect6_time64, 1, 0, 0, 0, M_ZERO, M_BAD),
	CALLF(NULL_OK, "pselect6_time64 sigmask set", __NR_pselect6_time64, 1, 0, 0, 0, M_ZERO,
	      M_BADSIGARG),
	/* processes, signals, identity, limits, time */
	CALLF(NULL_OK, "wait4 status", __NR_wait4, M_CHILD, M_BAD, 0, 0),
	CALLF(NULL_OK, "wait4 rusage", __NR_wait4, M_CHILD, 0, 0, M_BAD),
	CALLF(NULL_OK, "waitpid status", __NR_waitpid, M_CHILD, M_BAD, 0),
	CALLF(NULL_OK, "rt_sigaction act", __NR_rt_sigaction, SIGUSR2, M_BAD, 0, 8),
	CALLF(NULL_OK, "rt_sigaction oldact", __NR_rt_sigaction, SIGUSR2, 0, M_BAD, 8),
	CALLF(NULL_OK, "rt_sigprocmask set", __NR_rt_sigprocmask, SIG_BLOCK, M_BAD, 0, 8),
	CALLF(NULL_OK, "rt_sigprocmask oldset", __NR_rt_sigprocmask, SIG_BLOCK, 0, M_BAD, 8),
	CALL("rt_sigpending", __NR_rt_sigpending, M_BAD, 8),
	CALL("rt_sigsuspend", __NR_rt_sigsuspend, M_BAD, 8),
	CALL("uname", __NR_uname, M_BAD),
	CALL("set_thread_area", __NR_set_thread_area, M_BAD),
	CALL("old mmap args", __NR_mmap, M_BAD),
	CALL("getrandom", __NR_getrandom, M_BAD, BADLEN, 0),
	CALL("getresuid32 ruid", __NR_getresuid32, M_BAD, M_BUF, M_BUF),
	CALL("getresuid32 euid", __NR_getresuid32, M_BUF, M_BAD, M_BUF),
	CALL("getresuid32 suid", __NR_getresuid32, M_BUF, M_BUF, M_BAD),
	CALL("getresgid32 rgid", __NR_getresgid32, M_BAD, M_BUF, M_BUF),
	CALL("getresgid32 egid", __NR_getresgid32, M_BUF, M_BAD, M_BUF),
	CALL("getresgid32 sgid", __NR_getresgid32, M_BUF, M_BUF, M_BAD),
	CALL("ugetrlimit", __NR_ugetrlimit, RLIMIT_NOFILE, M_BAD),
	CALL("getrlimit", __NR_getrlimit, RLIMIT_NOFILE, M_BAD),
	CALL("setrlimit", __NR_setrlimit, RLIMIT_NOFILE, M_BAD),
	CALLF(NULL_OK, "prlimit64 new", __NR_prlimit64, 0, RLIMIT_NOFILE, M_BAD, 0),
	CALLF(NULL_OK, "prlimit64 old", __NR_prlimit64, 0, RLIMIT_NOFILE, 0, M_BAD),
	CALL("getrusage", __NR_getrusage, RUSAGE_SELF, M_BAD),
	CALL("clock_gettime", __NR_clock_gettime, CLOCK_MONOTONIC, M_BAD),
	CALL("clock_gettime64", __NR_clock_gettime64, CLOCK_MONOTONIC, M_BAD),
	CALLF(NULL_OK, "clock_getres", __NR_clock_getres, CLOCK_MONOTONIC, M_BAD),
	CALLF(NULL_OK, "clock_getres_time64", __NR_clock_getres_time64, CLOCK_MONOTONIC, M_BAD),
	CALLF(NULL_OK, "gettimeofday tv", __NR_gettimeofday, M_BAD, 0),
	CALLF(NULL_OK, "gettimeofday tz", __NR_gettimeofday, M_BUF, M_BAD),
	CALLF(NULL_OK, "time", __NR_time, M_BAD),
	CALLF(NULL_OK, "times", __NR_times, M_BAD),
	CALL("nanosleep", __NR_nanosleep, M_BAD, 0),
	CALL("clock_nanosleep", __NR_clock_nanosleep, CLOCK_MONOTONIC, 0, M_BAD, 0),
	CALL("clock_nanosleep_time64", __NR_clock_nanosleep_time64, CLOCK_MONOTONIC, 0, M_BAD, 0),
};

struct bad_addr {
	const char *name;
	uintptr_t addr;
};

/* Set up once in main. */
static int file_fd, dir_fd, pipe_fds[2];
static char buf[4096];
static char *argv_good[] = { "/bin/true", NULL };
static uintptr_t badvec[2];
static struct { uintptr_t base; uint32_t len; } badiov;
static struct { uintptr_t set; uint32_t size; } badsigarg;
/* Writable, so that a call which wrongly went ahead could not fail with EFAULT
 * on them instead of on the bad pointer. */
static char zeros[16];
static struct pollfd ignored_pollfd = { -1, 0, 0 };

#define TMP "/tmp/dev_efault."

/* A fresh child that exits at once, for the wait calls to reap. */
static long exited_child(void)
{
	pid_t pid = fork();
	if (pid == 0)
		_exit(0);
	return pid;
}

static long resolve(long v, uintptr_t bad)
{
	switch (v) {
	case M_BAD: return (long)bad;
	case M_FILE: lseek(file_fd, 0, SEEK_SET); return file_fd;
	case M_DIR: lseek(dir_fd, 0, SEEK_SET); return dir_fd;
	case M_PIPE_R: write(pipe_fds[1], "data", 4); return pipe_fds[0];
	case M_PIPE_W: return pipe_fds[1];
	case M_TTY: return 1;
	case M_PATH: return (long)TMP "file";
	case M_NEWPATH: return (long)TMP "new";
	case M_LINK: return (long)TMP "link";
	case M_EXE: return (long)argv_good[0];
	case M_ARGV: return (long)argv_good;
	case M_BADVEC: badvec[0] = bad; return (long)badvec;
	case M_BADIOV: badiov.base = bad; badiov.len = BADLEN; return (long)&badiov;
	case M_BUF: return (long)buf;
	case M_CHILD: return exited_child();
	case M_ZERO: return (long)zeros;
	case M_POLLFD: return (long)&ignored_pollfd;
	case M_BADSIGARG: badsigarg.set = bad; badsigarg.size = 8; return (long)&badsigarg;
	}
	return v;
}

/* The call's raw result. An IN_CHILD call runs in a child, which passes an errno
 * as its exit status and anything else (or a program it managed to exec) as
 * not an errno, so that the check fails. */
static long call_with(const struct call *c, uintptr_t bad)
{
	long a[6];
	for (int i = 0; i < 6; i++)
		a[i] = resolve(c->arg[i], bad);
	if (!(c->flags & IN_CHILD))
		return raw_syscall6(c->nr, a[0], a[1], a[2], a[3], a[4], a[5]);
	pid_t pid = fork();
	if (pid == 0) {
		long r = raw_syscall6(c->nr, a[0], a[1], a[2], a[3], a[4], a[5]);
		_exit(r < 0 && r > -256 ? (int)-r : 0);
	}
	int st;
	if (waitpid(pid, &st, 0) != pid || !WIFEXITED(st))
		return 1;       /* not an errno: the check shows it failed */
	return -WEXITSTATUS(st);
}

static void walk(const struct bad_addr *bad, size_t nbad)
{
	char what[160];
	for (size_t i = 0; i < sizeof calls / sizeof calls[0]; i++) {
		const struct call *c = &calls[i];
		for (size_t j = 0; j < nbad; j++) {
			if (!bad[j].addr && (c->flags & NULL_OK))
				continue;
			snprintf(what, sizeof what, "%s: %s", c->name, bad[j].name);
			CHECK_EQ(call_with(c, bad[j].addr), -EFAULT, what);
		}
	}
	/* Reap what the wait cases left behind (a bad rusage fails before reaping). */
	while (wait(NULL) > 0)
		;
}

static void setup(void)
{
	file_fd = open(TMP "file", O_RDWR | O_CREAT | O_TRUNC, 0600);
	write(file_fd, buf, sizeof buf);
	symlink(TMP "file", TMP "link");
	dir_fd = open("/", O_RDONLY | O_DIRECTORY);
	pipe(pipe_fds);
}

static void teardown(void)
{
	close(file_fd);
	close(dir_fd);
	close(pipe_fds[0]);
	close(pipe_fds[1]);
	unlink(TMP "file");
	unlink(TMP "link");
}

/* A signal return whose frame would be read from a kernel address. */
static int sigreturn_bad_stack(void *nr)
{
	__asm__ volatile("mov %1, %%esp\n\tint $0x80" : : "a"(nr), "r"(USER_TOP + 0x100000) : "memory");
	return 0;
}

/* Lowest free fd: the same before and after the walk, or something leaked. */
static int lowest_fd(void)
{
	int fd = dup(0);
	close(fd);
	return fd;
}

static int exit_7(void *unused)
{
	(void)unused;
	return 7;
}

static void test_still_working(int fd_before)
{
	CHECK_EQ(lowest_fd(), fd_before, "no fd leaked by the failed calls");
	char cwd[64];
	CHECK(getcwd(cwd, sizeof cwd) && !strcmp(cwd, "/"), "getcwd still works");
	int fd = open(TMP "after", O_RDWR | O_CREAT | O_TRUNC, 0600);
	char back[6] = { 0 };
	CHECK(fd >= 0 && write(fd, "after", 5) == 5 && lseek(fd, 0, SEEK_SET) == 0 &&
	      read(fd, back, 5) == 5 && !strcmp(back, "after"), "a file can be written and read back");
	close(fd);
	unlink(TMP "after");
	CHECK(access(TMP "new", F_OK) == -1, "nothing was created through a bad pointer");
	expect_exit(run_child(exit_7, NULL), 7, "fork and wait still work");
}

int main(void)
{
	int fd_before = lowest_fd();
	setup();
	/* The last user byte is part of the stack's top page: make it a non-NUL so a
	 * string there runs into the kernel; objects of two bytes or more cross. */
	volatile char *last = (volatile char *)(USER_TOP - 1);
	char saved = *last;
	*last = 'x';
	const struct bad_addr bad[] = {
		{ "NULL", 0 },
		{ "kernel 0xC0000000", USER_TOP },
		{ "kernel 0xC0100000", USER_TOP + 0x100000 },
		{ "wrapping past 4 GiB", 0xFFFFFFFFu },
		{ "crossing into the kernel", USER_TOP - 1 },
		{ "unmapped page", (uintptr_t)unmapped_page() },
	};
	walk(bad, sizeof bad / sizeof bad[0]);
	*last = saved;
	teardown();
	expect_signal(run_child(sigreturn_bad_stack, (void *)__NR_sigreturn), SIGSEGV,
		      "sigreturn with a frame in the kernel kills with SIGSEGV");
	expect_signal(run_child(sigreturn_bad_stack, (void *)__NR_rt_sigreturn), SIGSEGV,
		      "rt_sigreturn with a frame in the kernel kills with SIGSEGV");
	test_still_working(fd_before);
	return done();
}
