/* check.h: the small check library shared by the user test programs in user/tests/.
 *
 * A test prints one deterministic line per check ("ok - what" or "FAIL - what (...)") and
 * ends with done(), which prints "N checks, M failed" and gives the exit status.
 * The same test binary runs on the host Linux and inside the kernel and the harness diffs
 * their stdout, so only ok lines may appear in a passing run and their text must never
 * depend on the system (no pids, addresses or times).
 *
 * Rules the helpers rely on:
 *  - Output goes straight to fd 1 with write(2): nothing sits in a stdio buffer that a
 *    fork() would duplicate.
 *  - Children never print checks; they report through their exit status (or a pipe) and
 *    the parent checks that.  run_child() and the expect_*() helpers do the plumbing.
 *  - Calls outside the POSIX set the project's libc promises (pipe2, dup3, rlimits, mknod,
 *    brk, an unimplemented syscall number) go through raw_syscall() with the numbers from
 *    <uapi/syscall_nr.h>: both kernels speak the Linux i386 int 0x80 ABI, so that behaves
 *    the same under glibc and the project's libc.
 */
#ifndef USER_TESTS_CHECK_H
#define USER_TESTS_CHECK_H

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* The one list of Linux i386 syscall numbers (kernel/uapi, on the path through -Ikernel). */
#include <uapi/syscall_nr.h>

/* Everything here is static and a test uses only part of it. */
#define CHECK_FN static inline __attribute__((unused))

static int check_total __attribute__((unused)), check_failed __attribute__((unused));

/* Formats into a stack buffer and writes it in one write(2), so that lines from
 * concurrently running processes never interleave mid-line. */
CHECK_FN void check_line(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
CHECK_FN void check_line(const char *fmt, ...)
{
	char buf[512];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(buf, sizeof buf - 1, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if (n > (int)sizeof buf - 2)
		n = sizeof buf - 2;
	buf[n++] = '\n';
	for (int off = 0; off < n;) {
		ssize_t w = write(1, buf + off, n - off);
		if (w <= 0)
			break;
		off += w;
	}
}

/* Records one check.  detail is printed only on failure: it may hold values that
 * differ between systems because a failing run is going to differ anyway. */
CHECK_FN int check_record(int ok, const char *what, const char *detail)
{
	check_total++;
	if (ok) {
		check_line("ok - %s", what);
	} else {
		check_failed++;
		check_line("FAIL - %s (%s)", what, detail ? detail : "false");
	}
	return ok;
}

CHECK_FN int check_eq_long(long got, long expected, const char *what)
{
	char d[96];
	snprintf(d, sizeof d, "got %ld expected %ld", got, expected);
	return check_record(got == expected, what, d);
}

CHECK_FN int check_err_long(long ret, int err, int expected_errno, const char *what)
{
	char d[128];
	snprintf(d, sizeof d, "got %ld errno %d (%s) expected -1 errno %d (%s)", ret,
		 ret == -1 ? err : 0, ret == -1 ? strerror(err) : "-", expected_errno,
		 strerror(expected_errno));
	return check_record(ret == -1 && err == expected_errno, what, d);
}

CHECK_FN int check_ok_long(long ret, int err, const char *what)
{
	char d[96];
	snprintf(d, sizeof d, "got -1 errno %d (%s)", err, strerror(err));
	return check_record(ret != -1, what, d);
}

/* CHECK(cond, what): cond must be true. */
#define CHECK(cond, what) check_record(!!(cond), (what), NULL)
/* CHECK_EQ(a, b, what): integer a must equal b. */
#define CHECK_EQ(a, b, what) check_eq_long((long)(a), (long)(b), (what))
/* CHECK_ERR(call, ERRNO, what): call must fail with -1 and errno == ERRNO. */
#define CHECK_ERR(call, ERRNO, what)                                   \
	({                                                             \
		errno = 0;                                             \
		long check_r_ = (long)(call);                          \
		check_err_long(check_r_, errno, (ERRNO), (what));      \
	})
/* CHECK_OK(call, what): call must not return -1; evaluates to its result. */
#define CHECK_OK(call, what)                                           \
	({                                                             \
		errno = 0;                                             \
		long check_r_ = (long)(call);                          \
		check_ok_long(check_r_, errno, (what));                \
		check_r_;                                              \
	})

/* Prints the summary line and returns the process exit status for main(). */
CHECK_FN int done(void)
{
	check_line("%d checks, %d failed", check_total, check_failed);
	return check_failed ? 1 : 0;
}

/* ---- processes ---- */

/* Starts fn(arg) in a forked child whose exit status is fn's return value;
 * its pid, or -1 if fork failed. */
CHECK_FN pid_t spawn(int (*fn)(void *), void *arg)
{
	pid_t pid = fork();
	if (pid == 0)
		_exit(fn(arg));
	return pid;
}

/* Waits for pid; its raw wait status, or -1. */
CHECK_FN int wait_status(pid_t pid)
{
	int st;
	return pid > 0 && waitpid(pid, &st, 0) == pid ? st : -1;
}

CHECK_FN int still_running(pid_t pid)
{
	int st;
	return waitpid(pid, &st, WNOHANG) == 0;
}

/* A child body for spawn that only waits for the signals its parent sends
 * (stops, continues, kills), dying of its own alarm after 20 s so that no
 * failure leaves it behind. */
CHECK_FN int pause_child(void *arg)
{
	(void)arg;
	alarm(20);
	for (;;)
		pause();
	return 0;
}

/* Runs fn(arg) in a child and returns its raw wait status (-1 on failure). */
CHECK_FN int run_child(int (*fn)(void *), void *arg)
{
	return wait_status(spawn(fn, arg));
}

/* A handler that only makes a signal interrupt a blocking call. */
CHECK_FN void ignore_signal(int sig)
{
	(void)sig;
}

CHECK_FN int expect_exit(int status, int code, const char *what)
{
	char d[96];
	if (status == -1)
		snprintf(d, sizeof d, "fork/wait failed");
	else if (WIFEXITED(status))
		snprintf(d, sizeof d, "exited %d expected exit %d", WEXITSTATUS(status), code);
	else if (WIFSIGNALED(status))
		snprintf(d, sizeof d, "killed by signal %d expected exit %d", WTERMSIG(status), code);
	else
		snprintf(d, sizeof d, "status 0x%x expected exit %d", status, code);
	return check_record(status != -1 && WIFEXITED(status) && WEXITSTATUS(status) == code,
			    what, d);
}

CHECK_FN int expect_signal(int status, int sig, const char *what)
{
	char d[96];
	if (status == -1)
		snprintf(d, sizeof d, "fork/wait failed");
	else if (WIFEXITED(status))
		snprintf(d, sizeof d, "exited %d expected signal %d", WEXITSTATUS(status), sig);
	else if (WIFSIGNALED(status))
		snprintf(d, sizeof d, "killed by signal %d expected signal %d", WTERMSIG(status), sig);
	else
		snprintf(d, sizeof d, "status 0x%x expected signal %d", status, sig);
	return check_record(status != -1 && WIFSIGNALED(status) && WTERMSIG(status) == sig,
			    what, d);
}

/* Signals pid with sig until it exits (a signal that lands before the child
 * blocks is caught by its handler and harmless); its wait status, or -1 if it
 * was still there after 5 s (it is then killed). */
CHECK_FN int interrupt_until_exit(pid_t pid, int sig);

/* ---- paths ---- */

/* dir + "/" + rel, in one of two rotating static buffers (rename needs two at once). */
CHECK_FN const char *path_in(const char *dir, const char *rel)
{
	static char p[2][128];
	static int which;
	which ^= 1;
	snprintf(p[which], sizeof p[which], "%s/%s", dir, rel);
	return p[which];
}

/* ---- memory ---- */

/* A /proc/meminfo field ("MemFree:") in kB, or -1. */
CHECK_FN long meminfo_kb(const char *field)
{
	char buf[1024] = { 0 };
	int fd = open("/proc/meminfo", O_RDONLY);
	ssize_t n = fd < 0 ? -1 : read(fd, buf, sizeof buf - 1);
	if (fd >= 0)
		close(fd);
	size_t len = strlen(field);
	for (char *at = n > 0 ? strstr(buf, field) : NULL; at; at = strstr(at + 1, field))
		if (at == buf || at[-1] == '\n')
			return strtol(at + len, NULL, 10);
	return -1;
}

/* ---- time ---- */

CHECK_FN void sleep_ms(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };
	while (nanosleep(&ts, &ts) == -1 && errno == EINTR)
		;
}

CHECK_FN int interrupt_until_exit(pid_t pid, int sig)
{
	int st;
	for (int i = 0; i < 50; i++) {
		sleep_ms(100);
		kill(pid, sig);
		if (waitpid(pid, &st, WNOHANG) == pid)
			return st;
	}
	kill(pid, SIGKILL);
	waitpid(pid, &st, 0);
	return -1;
}

CHECK_FN long now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
}

/* ---- signals ---- */

/* Installs handler for sig with the given sa_flags; returns sigaction's result. */
CHECK_FN int set_handler(int sig, void (*handler)(int), int flags)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = handler;
	sa.sa_flags = flags;
	sigemptyset(&sa.sa_mask);
	return sigaction(sig, &sa, NULL);
}

/* ---- device numbers ---- */

/* Linux's encoding of st_rdev (new_encode_dev), spelled out because major()/minor()
 * live in a glibc-only header. */
CHECK_FN unsigned dev_major(unsigned long long rdev)
{
	return (unsigned)((rdev >> 8) & 0xfff);
}

CHECK_FN unsigned dev_minor(unsigned long long rdev)
{
	return (unsigned)((rdev & 0xff) | ((rdev >> 12) & 0xfff00));
}

/* ---- bad pointers for EFAULT checks ---- */

/* NULL hidden behind a volatile, so the compiler's nonnull checks let it through. */
static void *volatile check_null_ __attribute__((unused));
CHECK_FN void *null_ptr(void)
{
	return check_null_;
}

/* An address that is unmapped under every kernel: a page we mapped and gave back.
 * (Fixed addresses are not: a 32-bit process on a 64-bit Linux may map 0xC0000000.) */
CHECK_FN void *unmapped_page(void)
{
	void *p = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	munmap(p, 4096);
	return p;
}

/* ---- raw system calls ---- */

/* int 0x80 with up to three arguments; returns the kernel's raw result (-errno on error). */
CHECK_FN long raw_syscall(long nr, long a, long b, long c)
{
	long ret;
	__asm__ volatile("int $0x80"
			 : "=a"(ret)
			 : "a"(nr), "b"(a), "c"(b), "d"(c)
			 : "memory");
	return ret;
}

/* int 0x80 with all six arguments (the sixth in ebp). ebp cannot be an asm operand,
 * so the sixth argument is pushed while esp-relative operands are still valid and
 * loaded from the stack after ebp is saved (musl's __syscall6 trick). */
CHECK_FN long raw_syscall6(long nr, long a, long b, long c, long d, long e, long f)
{
	long ret;
	__asm__ volatile("pushl %7\n\t"
			 "push %%ebp\n\t"
			 "mov 4(%%esp), %%ebp\n\t"
			 "int $0x80\n\t"
			 "pop %%ebp\n\t"
			 "add $4, %%esp"
			 : "=a"(ret)
			 : "a"(nr), "b"(a), "c"(b), "d"(c), "S"(d), "D"(e), "g"(f)
			 : "memory");
	return ret;
}

/* The libc convention on top of a raw result: -1 and errno on failure. */
CHECK_FN long sys_result(long r)
{
	if (r < 0 && r > -4096) {
		errno = (int)-r;
		return -1;
	}
	return r;
}

CHECK_FN long sys_call(long nr, long a, long b, long c)
{
	return sys_result(raw_syscall(nr, a, b, c));
}

CHECK_FN long sys_call6(long nr, long a, long b, long c, long d, long e, long f)
{
	return sys_result(raw_syscall6(nr, a, b, c, d, e, f));
}

CHECK_FN int sys_pipe2(int fds[2], int flags)
{
	return (int)sys_call(__NR_pipe2, (long)fds, flags, 0);
}

CHECK_FN int sys_dup3(int oldfd, int newfd, int flags)
{
	return (int)sys_call(__NR_dup3, oldfd, newfd, flags);
}

/* /proc/PID/NAME's start, NUL-terminated, in buf; false if unreadable. */
CHECK_FN int read_proc_file(pid_t pid, const char *name, char *buf, size_t size)
{
	char path[64];
	snprintf(path, sizeof path, "/proc/%d/%s", (int)pid, name);
	int fd = open(path, O_RDONLY);
	ssize_t n = fd < 0 ? -1 : read(fd, buf, size - 1);
	if (fd >= 0)
		close(fd);
	if (n <= 0)
		return 0;
	buf[n] = '\0';
	return 1;
}

/* The state letter /proc/PID/stat shows for pid (R, S, Z...), '?' if unreadable. */
CHECK_FN char proc_state(pid_t pid)
{
	char buf[256];
	if (!read_proc_file(pid, "stat", buf, sizeof buf))
		return '?';
	char *paren = strrchr(buf, ')');
	return paren && paren[1] == ' ' ? paren[2] : '?';
}

#endif
