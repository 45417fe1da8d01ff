/* fuzz: the project's system-call fuzzer.
 *
 *   fuzz [-s SEED] [-n CALLS] [-u UID] [-k CALLS_PER_CHILD] [-c CHILD [-v]] [-m]
 *
 * Makes CALLS random system calls (default 20000) in a series of children,
 * each with its own generator seeded from SEED and its number, so that
 * `fuzz -s SEED -c CHILD -v` replays child CHILD alone and logs every call
 * (on stderr, written before the call is made, so the last line before a
 * panic is the culprit). -u makes the children drop to that uid (and gid)
 * after their setup. Before each child the fuzzer prints its seed and number,
 * so a kernel panic names the child that caused it. -m checks that free
 * memory and the kernel heap (/proc/meminfo: MemFree, Slab) come back to
 * where they were, within a few pages, once everything is cleaned up; exit
 * status 1 if not.
 *
 * The arguments come from what a child really has: its fds (files, pipes, a
 * FIFO, the seed drivers' devices), a scratch buffer with an unmapped page
 * after it, bad and kernel addresses (0xC0000000 and up), boundary sizes and
 * the ioctl numbers of kernel/uapi. What is left out is only what would end
 * or wreck the run rather than test the kernel: reboot, exit, execve, a
 * fchdir out of the child's directory, signals or priorities aimed beyond
 * the child's own session, paths outside its directory for calls that write
 * (read-only calls may name system files), device numbers of the terminals.
 * Each child runs in its own session and directory; an alarm every few calls
 * interrupts a call that blocks, and the parent kills a child that outlives
 * its time (a watchdog) and reports it if SIGKILL cannot end it. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <sched.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/msg.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <uapi/chardev.h>
#include <uapi/char_dev.h>
#include <uapi/ioctltest.h>
#include <uapi/scull.h>
#include <uapi/termios.h>
#include <uapi/uaccess_test.h>
#include <uapi/wq_test.h>

#define CHILD_TIMEOUT_S 20      /* the watchdog: a child's whole life */
#define KILL_TIMEOUT_S 10       /* SIGKILL must end a process within this */
#define PROGRESS_FD 200         /* the child reports its call count here */
#define LOG_FD 201              /* and logs its calls here with -v */
#define SCRATCH_PAGES 4
#define ARENA_PAGES 16
#define PG 4096u

/* Argument kinds, one letter each in a call's signature. */
enum {
	A_INT = 'i', A_FD = 'f', A_PTR = 'p', A_LEN = 'l', A_PATH = 'w', A_OPATH = 'o',
	A_RPATH = 'r', A_FLAGS = 'x', A_PID = 'd', A_SIG = 's', A_CMD = 'c', A_ADDR = 'a',
	A_MODE = 'm', A_TIME = 't', A_DEV = 'v', A_MS = 'T', A_SIGACT = 'h',
};

struct call {
	int nr;
	const char *name;
	const char *sig;        /* argument kinds; a leading '!' marks a call made 1 time in 64:
				 * one that always blocks (a second lost) or kills the child */
};

#define C(n, s) { __NR_##n, #n, s }
static const struct call calls[] = {
	C(read, "fpl"), C(write, "fpl"), C(open, "oxm"), C(close, "f"), C(creat, "wm"),
	C(unlink, "w"), C(chdir, "w"), C(time, "p"), C(mknod, "wmv"), C(chmod, "wm"),
	C(lchown32, "wii"), C(lseek, "fii"), C(getpid, ""), C(alarm, "i"), C(pause, "!"),
	C(access, "ri"), C(nice, "i"), C(kill, "!ds"), C(rename, "ww"), C(mkdir, "wm"),
	C(rmdir, "w"), C(dup, "f"), C(pipe, "p"), C(times, "p"), C(brk, "a"),
	C(setgid32, "i"), C(getgid32, ""), C(ioctl, "fcp"), C(ioctl, "fci"), C(fcntl64, "fip"),
	C(setpgid, "di"), C(umask, "m"), C(dup2, "ff"), C(getppid, ""), C(getpgrp, ""),
	C(setsid, ""), C(rt_sigaction, "shpl"), C(rt_sigsuspend, "!pl"), C(rt_sigprocmask, "ippl"),
	C(setrlimit, "ip"), C(ugetrlimit, "ip"), C(getrusage, "ip"), C(gettimeofday, "pp"),
	C(getgroups32, "ip"), C(symlink, "ww"), C(readlink, "rpl"), C(munmap, "al"),
	C(truncate, "wl"), C(ftruncate, "fl"), C(fchmod, "fm"), C(fchown32, "fii"),
	C(getpriority, "id"), C(setpriority, "idi"), C(wait4, "dpip"), C(clone, "x"),
	C(uname, "p"), C(mprotect, "alx"), C(_llseek, "fiipi"), C(getdents64, "fpl"),
	C(_newselect, "ipppt"), C(readv, "fpi"), C(writev, "fpi"), C(getsid, "d"),
	C(sched_yield, ""), C(nanosleep, "tp"), C(poll, "piT"), C(getresuid32, "ppp"),
	C(getresgid32, "ppp"), C(rt_sigpending, "pl"), C(pread64, "fplii"), C(pwrite64, "fplii"),
	C(chown32, "wii"), C(getcwd, "pl"), C(vfork, ""), C(fork, ""), C(mmap2, "alxxfi"),
	C(mmap, "p"), C(stat64, "rp"), C(lstat64, "rp"), C(fstat64, "fp"), C(getuid32, ""),
	C(geteuid32, ""), C(setuid32, "i"), C(madvise, "ali"), C(gettid, ""), C(tkill, "!ds"),
	C(set_thread_area, "p"), C(set_tid_address, "p"), C(clock_gettime, "ip"),
	C(clock_getres, "ip"), C(clock_nanosleep, "ixtp"), C(statx, "frxxp"), C(tgkill, "!dds"),
	C(openat, "foxm"), C(mkdirat, "fwm"), C(mknodat, "fwmv"), C(fchownat, "fwiix"),
	C(fstatat64, "frpx"), C(unlinkat, "fwx"), C(renameat, "fwfw"), C(symlinkat, "wfw"),
	C(readlinkat, "frpl"), C(fchmodat, "fwm"), C(faccessat, "fri"), C(pselect6, "ipppti"),
	C(ppoll, "pitpl"), C(set_robust_list, "pl"), C(dup3, "ffx"), C(pipe2, "px"),
	C(prlimit64, "dipp"), C(getrandom, "plx"), C(renameat2, "fwfwx"), C(faccessat2, "frix"),
	C(clock_gettime64, "ip"), C(clock_nanosleep_time64, "ixtp"), C(sigreturn, "!"),
	C(rt_sigreturn, "!"), C(link, "ww"), C(utimensat, "fwpx"), C(sched_getaffinity, "dlp"),
	{ -1, "random", "iiiiii" },     /* any number not excluded below */
};
#define NCALLS (sizeof(calls) / sizeof(calls[0]))

/* Calls that would end or wreck the run: exit, fork-likes outside the table's
 * handling, execve, chroot/fchdir (escape the directory), reboot, port I/O,
 * the clocks, swap and accounting, kexec, exit_group, execveat, and ptrace and
 * process_vm_writev, which would stop or write into processes outside the
 * child's session (the harness's among them). */
static bool excluded(int nr)
{
	static const int banned[] = { 1, 2, 11, 12, 25, 26, 37, 51, 61, 79, 87, 88, 97, 101, 110, 115, 120,
				      124, 133, 190, 238, 252, 264, 270, 283, 348, 358, 404 };
	for (size_t i = 0; i < sizeof(banned) / sizeof(banned[0]); i++)
		if (banned[i] == nr)
			return true;
	return false;
}

static const unsigned long ioctl_cmds[] = {
	CHARDEV_IOCTL_TELL, CHARDEV_IOCTL_SET, CHARDEV_IOCTL_QUERY, CHARDEV_IOCTL_GET, CHARDEV_IOCTL_RESET,
	IOCTL_SET_MSG, IOCTL_GET_MSG, IOCTL_GET_NTH_BYTE, IOCTL_VALSET, IOCTL_VALGET, IOCTL_VALGET_NUM,
	IOCTL_VALSET_NUM, SCULL_IOCRESET, SCULL_IOCSQUANTUM, SCULL_IOCSQSET, SCULL_IOCTQUANTUM,
	SCULL_IOCTQSET, SCULL_IOCGQUANTUM, SCULL_IOCGQSET, SCULL_IOCQQUANTUM, SCULL_IOCQQSET,
	SCULL_IOCXQUANTUM, SCULL_IOCXQSET, SCULL_IOCHQUANTUM, SCULL_IOCHQSET, SCULL_P_IOCTSIZE,
	SCULL_P_IOCQSIZE, UACCESS_TEST_COPYIN, UACCESS_TEST_COPYOUT, UACCESS_TEST_COPYINSTR,
	UACCESS_TEST_COPYSTR, UACCESS_TEST_COPY_FROM_USER, UACCESS_TEST_COPY_TO_USER,
	UACCESS_TEST_GET_USER, UACCESS_TEST_PUT_USER, UACCESS_TEST_ACCESS_OK,
	UACCESS_TEST_STRNCPY_FROM_USER, WQ_TEST_SLEEP, WQ_TEST_SLEEP_EXCL, WQ_TEST_WAKE,
	WQ_TEST_WAKE_ALL, WQ_TEST_SLEEPERS, WQ_TEST_WOKEN, WQ_TEST_GENERATION, TCGETS, TCSETS,
	TCSETSW, TCSETSF, TCSBRK, TCXONC, TCFLSH, TIOCGPGRP, TIOCSPGRP, TIOCOUTQ, TIOCGWINSZ,
	TIOCSWINSZ, TIOCNOTTY, TIOCGSID, FIONREAD, FIONBIO, FIONCLEX, FIOCLEX, FIOASYNC,
};

/* Devices of the seed drivers and the memory devices; the terminals are left
 * out so that nothing reaches the console the harness reads. */
static const char *const devices[] = {
	"/dev/null", "/dev/zero", "/dev/full", "/dev/random", "/dev/urandom", "/dev/fd_test",
	"/dev/cd_example", "/dev/chardev", "/dev/char_dev", "/dev/ioctltest", "/dev/scull0",
	"/dev/scullpipe0", "/dev/sleepy", "/dev/uaccess_test", "/dev/wq_test",
	"/proc/helloworld", "/proc/buffer1k", "/proc/buffer2k", "/proc/iter", "/proc/self/stat",
};
static const unsigned dev_numbers[] = {
	0x103, 0x105, 0x107, 0x108, 0x109, 0x4d00, 0x6400, 0xfc00, 0xfc04, 0, 0xffffffff, 0x12345,
};

/* Names inside the child's directory (no "..", no "/" at the start). */
static const char *const names[] = { "a", "b", "c", "d", "d/e", "d/f", "fifo", "file", "", "." };
/* Files anywhere, for the calls that only look. */
static const char *const sys_paths[] = {
	"/", "/proc/self/stat", "/proc/meminfo", "/dev/null", "/bin/sh", "/proc/self/exe",
	"/sys/kernel", "/nonexistent", "/proc/1/stat", "/dev", "/proc/self/fd/0",
};
/* Non-directory system files that open may open read-only. */
static const char *const sys_files[] = { "/proc/meminfo", "/dev/null", "/bin/sh", "/proc/self/maps", "/proc/uptime" };

static const uint32_t boundary[] = {
	0, 1, 2, 3, 4, 7, 8, 15, 16, 31, 32, 63, 64, 127, 128, 255, 256, 511, 512, 1023, 1024, 4095,
	4096, 4097, 8191, 8192, 65535, 65536, 0x7fff, 0x8000, 0x7fffffff, 0x80000000, 0xfffffffe,
	0xffffffff, 0xfffff000, 0xc0000000, 0xbffff000, 0x100000, 0x7ffff000,
};
#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

static uint64_t rng_state;

static uint64_t splitmix(uint64_t *s)
{
	uint64_t z = (*s += 0x9e3779b97f4a7c15ull);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
	return z ^ (z >> 31);
}

static uint32_t rnd(uint32_t n)
{
	return n ? (uint32_t)(splitmix(&rng_state) >> 32) % n : 0;
}

static char *scratch, *arena;
static int self_pid, n_fds, verbose;
static int fds[64];

static uint32_t gen_int(void)
{
	switch (rnd(4)) {
	case 0:
		return rnd(16);
	case 1:
		return boundary[rnd(NELEM(boundary))];
	case 2:
		return -boundary[rnd(NELEM(boundary))];
	default:
		return (uint32_t)splitmix(&rng_state);
	}
}

static uint32_t kernel_addr(void)
{
	static const uint32_t k[] = { 0xc0000000, 0xc0001000, 0xc0100000, 0xc0400000, 0xd0000000,
				      0xf0000000, 0xfffff000, 0xffffffff, 0xbffffffc };
	return rnd(2) ? k[rnd(NELEM(k))] : 0xc0000000 + (rnd(0x40000) << 12) + rnd(PG);
}

/* Mostly the scratch buffer (near its end too, so a copy runs into the
 * unmapped page after it), else bad, kernel or read-only addresses. */
static uint32_t gen_ptr(void)
{
	uint32_t size = SCRATCH_PAGES * PG;
	switch (rnd(10)) {
	case 0:
		return rnd(3) == 0 ? 0 : rnd(PG);
	case 1:
		return kernel_addr();
	case 2:
		return (uint32_t)scratch + size - rnd(64);
	case 3:
		return (uint32_t)&gen_ptr + rnd(64);      /* text: readable, not writable */
	case 4:
		return (uint32_t)arena + rnd(ARENA_PAGES * PG);
	default:
		return (uint32_t)scratch + rnd(size / 2);
	}
}

static uint32_t put_string(const char *s)
{
	char *p = scratch + SCRATCH_PAGES * PG / 2 + rnd(8) * 512;
	strncpy(p, s, 511);
	p[511] = 0;
	return (uint32_t)p;
}

static uint32_t gen_path(const char *const *set, size_t n)
{
	switch (rnd(12)) {
	case 0:
		return gen_ptr();
	case 1: {
		char *p = scratch + SCRATCH_PAGES * PG / 2;      /* PATH_MAX and NAME_MAX crossed */
		size_t len = rnd(2) ? 4100 : 256 + rnd(8);
		memset(p, 'x', len);
		p[len] = 0;
		return (uint32_t)p;
	}
	default:
		return put_string(set[rnd(n)]);
	}
}

static uint32_t gen_fd(void)
{
	switch (rnd(8)) {
	case 0:
		return rnd(2) ? (uint32_t)AT_FDCWD : gen_int();
	case 1:
		return rnd(40);
	default:
		return n_fds ? fds[rnd(n_fds)] : 0;
	}
}

static uint32_t gen_pid(void)
{
	static const int32_t other[] = { 0, 999999, -999999, INT32_MIN, 32768 };
	int r = rnd(4);
	return r == 0 ? (uint32_t)self_pid : r == 1 ? (uint32_t)-self_pid : (uint32_t)other[rnd(NELEM(other))];
}

/* A timespec that is mostly short (so sleeps stay short), sometimes anything;
 * the 32-bit layout at t, the 64-bit one at t + 2. */
static uint32_t gen_time(void)
{
	if (rnd(64) == 0)
		return gen_ptr();
	int32_t *t = (int32_t *)(scratch + SCRATCH_PAGES * PG / 2 - 64);
	int32_t ns = (int32_t)rnd(2000000);
	t[0] = 0, t[1] = ns;
	t[2] = 0, t[3] = 0, t[4] = ns, t[5] = 0;
	return (uint32_t)(rnd(2) ? t : t + 2);
}

static void on_signal(int sig)
{
	(void)sig;
}

void __restore_rt(void);
void __restore(void);

/* A struct sigaction as rt_sigaction reads it, mostly one that works (a
 * handler here, the libc restorers) so that signals are really delivered,
 * nested, restarted and returned from; sometimes whatever the scratch holds. */
static uint32_t gen_sigaction(void)
{
	if (rnd(4) == 0)
		return gen_ptr();
	static const uint32_t flags[] = { 0x4 /* SA_SIGINFO */, 0x8000000 /* SA_ONSTACK */,
					  0x10000000 /* SA_RESTART */, 0x40000000 /* SA_NODEFER */,
					  0x80000000u /* SA_RESETHAND */, 0x1 /* SA_NOCLDSTOP */ };
	uint32_t *k = (uint32_t *)(scratch + SCRATCH_PAGES * PG / 2 - 128);
	uint32_t f = 0x04000000;        /* SA_RESTORER */
	for (int i = rnd(4); i > 0; i--)
		f |= flags[rnd(NELEM(flags))];
	uint32_t h[] = { (uint32_t)on_signal, (uint32_t)on_signal, 0 /* SIG_DFL */, 1 /* SIG_IGN */ };
	k[0] = h[rnd(NELEM(h))];
	k[1] = f;
	k[2] = (uint32_t)(f & 0x4 ? __restore_rt : __restore);
	k[3] = rnd(2) ? 0 : gen_int(), k[4] = rnd(2) ? 0 : gen_int();
	return (uint32_t)k;
}

static uint32_t gen_arg(char kind)
{
	switch (kind) {
	case A_FD:
		return gen_fd();
	case A_PTR:
		return gen_ptr();
	case A_LEN:
		return rnd(3) ? rnd(600) : boundary[rnd(NELEM(boundary))];
	case A_PATH:
		return gen_path(names, NELEM(names));
	case A_RPATH:
		return rnd(2) ? gen_path(names, NELEM(names)) : gen_path(sys_paths, NELEM(sys_paths));
	case A_FLAGS:
		return rnd(2) ? (1u << rnd(32)) | (rnd(2) << rnd(32)) : gen_int();
	case A_PID:
		return gen_pid();
	case A_SIG:
		return rnd(8) ? rnd(66) : gen_int();
	case A_CMD:
		return rnd(8) ? ioctl_cmds[rnd(NELEM(ioctl_cmds))] : gen_int();
	case A_ADDR:
		switch (rnd(6)) {
		case 0:
			return kernel_addr();
		case 1:
			return gen_int();
		default:
			return (uint32_t)arena + rnd(ARENA_PAGES) * PG + (rnd(8) ? 0 : rnd(PG));
		}
	case A_MODE:
		return rnd(4) ? rnd(07777) | (rnd(2) ? S_IFIFO : rnd(2) ? S_IFREG : S_IFCHR) : gen_int();
	case A_TIME:
		return gen_time();
	case A_DEV:
		return dev_numbers[rnd(NELEM(dev_numbers))];
	case A_SIGACT:
		return gen_sigaction();
	case A_MS:              /* a poll timeout: short, as for A_TIME */
		return rnd(64) ? rnd(3) : gen_int();
	default:
		return gen_int();
	}
}

/* Scratch contents: small numbers mostly, so that what the kernel reads
 * through a pointer is often half sensible (sizes, fds, struct fields). */
static void scramble(char *p, size_t len)
{
	uint32_t *w = (uint32_t *)p;
	for (size_t i = 0; i < len / 4; i++)
		w[i] = rnd(3) ? rnd(64) : gen_int();
}

/* One-shot alarms would leave the calls after the first without one. */
static void on_alarm(int sig)
{
	(void)sig;
	alarm(1);
}

/* Re-arms what a child needs to keep going when a random call has blocked
 * or redirected SIGALRM: a blocking call must be interrupted within a second. */
static void keep_alarm(void)
{
	struct sigaction sa = { 0 };
	sa.sa_handler = on_alarm;
	sigaction(SIGALRM, &sa, NULL);
	sigset_t s;
	sigemptyset(&s);
	sigaddset(&s, SIGALRM);
	sigprocmask(SIG_UNBLOCK, &s, NULL);
	alarm(1);
}

/* a[0..5] are the arguments, a[6] the number: ebp takes the sixth. */
/* Calls that may have cancelled, blocked or redirected the child's alarm. */
static bool touches_alarm(uint32_t nr)
{
	static const uint32_t n[] = { __NR_alarm, __NR_signal, __NR_sigaction, __NR_sigsuspend,
				      __NR_sigreturn, __NR_sigprocmask, __NR_rt_sigreturn, __NR_rt_sigaction,
				      __NR_rt_sigprocmask, __NR_rt_sigsuspend };
	for (size_t i = 0; i < NELEM(n); i++)
		if (n[i] == nr)
			return true;
	return false;
}

static long raw_syscall(const uint32_t a[7])
{
	long r;
	__asm__ volatile("push %%ebp\n\tmov 20(%%eax), %%ebp\n\tmov 24(%%eax), %%eax\n\t"
			 "int $0x80\n\tpop %%ebp"
			 : "=a"(r)
			 : "a"(a), "b"(a[0]), "c"(a[1]), "d"(a[2]), "S"(a[3]), "D"(a[4])
			 : "memory");
	return r;
}

static void add_fd(int fd)
{
	if (fd >= 0 && n_fds < (int)NELEM(fds))
		fds[n_fds++] = fd;
}

/* The child's world: its directory, files, a FIFO, pipes, devices, memory. */
static void child_setup(int uid)
{
	setsid();
	for (int fd = 0; fd < 64; fd++)
		close(fd);
	int null = open("/dev/null", O_RDWR);
	dup2(null, 1), dup2(null, 2);
	if (uid >= 0 && (setgid(uid) || setuid(uid)))
		_exit(3);
	mkdir("d", 0755);
	mkfifo("fifo", 0644);
	int f = open("file", O_RDWR | O_CREAT, 0644);
	if (f >= 0 && write(f, "0123456789abcdef", 16) < 0)
		_exit(3);
	add_fd(f);
	add_fd(open("d", O_RDONLY | O_DIRECTORY));
	add_fd(open("fifo", O_RDWR | O_NONBLOCK));
	for (int i = 0; i < 2; i++) {
		int p[2];
		if (pipe2(p, O_NONBLOCK) == 0)
			add_fd(p[0]), add_fd(p[1]);
	}
	for (size_t i = 0; i < NELEM(devices); i++)
		add_fd(open(devices[i], O_RDWR | O_NONBLOCK));
	for (size_t i = 0; i < NELEM(devices); i++)
		add_fd(open(devices[i], O_RDONLY | O_NONBLOCK));
	add_fd(0);
	scratch = mmap(NULL, (SCRATCH_PAGES + 1) * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	arena = mmap(NULL, ARENA_PAGES * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (scratch == MAP_FAILED || arena == MAP_FAILED)
		_exit(3);
	munmap(scratch + SCRATCH_PAGES * PG, PG);
	scramble(scratch, SCRATCH_PAGES * PG);
}

static void log_call(int child, int i, const char *name, uint32_t nr, const uint32_t a[6], const char *sfx)
{
	char line[160];
	int n = snprintf(line, sizeof(line), "%d#%d %s(%u) %#x %#x %#x %#x %#x %#x%s", child, i, name, nr,
			 a[0], a[1], a[2], a[3], a[4], a[5], sfx);
	if (write(LOG_FD, line, n) < 0)
		_exit(3);
}

/* Fixes the arguments that must stay inside the child's world. */
static void confine(const struct call *c, uint32_t a[6])
{
	if (c->nr == __NR_open && rnd(3) == 0) {
		a[0] = put_string(sys_files[rnd(NELEM(sys_files))]);
		a[1] &= O_NONBLOCK | O_CLOEXEC | O_NOFOLLOW | O_LARGEFILE;
	}
	if (c->nr == __NR_clone)
		a[1] = 0;               /* the child shares this stack frame's code path */
	if (c->nr == __NR_setpriority && a[0] == 2)
		a[1] = 1000 + rnd(2);   /* PRIO_USER: never everyone's processes */
	if (c->nr == __NR_setpriority && a[0] > 2 && rnd(2))
		a[0] = rnd(2);
	if (c->nr == -1)
		while (excluded((int)a[5]) || a[5] >= 460)
			a[5] = rnd(460);
}

static void child_run(int child, int ncalls, int uid, int progress)
{
	dup2(progress, PROGRESS_FD);
	if (verbose)
		dup2(2, LOG_FD);
	child_setup(uid);
	self_pid = getpid();
	keep_alarm();
	for (int i = 0; i < ncalls; i++) {
		const struct call *c = &calls[rnd(NCALLS)];
		const char *sig = c->sig;
		if (*sig == '!') {
			if (rnd(64))
				continue;
			sig++;
		}
		uint32_t a[7] = { 0 };
		for (int k = 0; sig[k]; k++)
			a[k] = gen_arg(sig[k]);
		if (c->nr == -1)
			a[5] = rnd(460);
		confine(c, a);
		uint32_t nr = c->nr == -1 ? a[5] : (uint32_t)c->nr;
		if (rnd(16) == 0)
			scramble(scratch + rnd(SCRATCH_PAGES * PG / 2 / 64) * 64, 64);
		if (verbose)
			log_call(child, i, c->name, nr, a, "\n");
		a[6] = nr;
		struct timespec t0, t1;
		if (verbose)
			clock_gettime(CLOCK_MONOTONIC, &t0);
		long r = raw_syscall(a);
		if ((nr == __NR_fork || nr == __NR_vfork || nr == __NR_clone) && r == 0)
			_exit(0);
		if (r >= 0 && r < 1024 && (nr == __NR_open || nr == __NR_openat || nr == __NR_dup ||
					   nr == __NR_creat || (nr == __NR_ioctl && c->sig[1] == 'c')))
			add_fd((int)r);
		if (verbose) {
			clock_gettime(CLOCK_MONOTONIC, &t1);
			long ms = (t1.tv_sec - t0.tv_sec) * 1000 + (t1.tv_nsec - t0.tv_nsec) / 1000000;
			char line[48];
			int n = snprintf(line, sizeof(line), "  = %ld (%ld ms)\n", r, ms);
			if (write(LOG_FD, line, n) < 0)
				_exit(3);
		}
		if ((i & 63) == 0 || touches_alarm(nr)) {
			keep_alarm();
			int done = i + 1;
			if (write(PROGRESS_FD, &done, sizeof(done)) < 0)
				continue;
		}
	}
	int done = ncalls;
	if (write(PROGRESS_FD, &done, sizeof(done)) < 0)
		_exit(4);
	_exit(0);
}

/* Symbolic links are removed, never followed: a child may have made loops. */
static void remove_tree(const char *path)
{
	struct stat st;
	DIR *d = lstat(path, &st) == 0 && S_ISDIR(st.st_mode) ? opendir(path) : NULL;
	if (d) {
		struct dirent *e;
		while ((e = readdir(d))) {
			if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
				continue;
			char sub[256];
			snprintf(sub, sizeof(sub), "%s/%s", path, e->d_name);
			chmod(sub, 0700);
			remove_tree(sub);
		}
		closedir(d);
		rmdir(path);
	} else {
		unlink(path);
	}
}

static int wait_bounded(pid_t pid, int seconds, int *status)
{
	for (int t = 0; t < seconds * 100; t++) {
		pid_t r = waitpid(pid, status, WNOHANG);
		if (r == pid || r < 0)
			return r;
		struct timespec ts = { 0, 10000000 };
		nanosleep(&ts, NULL);
	}
	return 0;
}

/* "state S, 12 ticks": whether a stuck child sleeps in the kernel or spins
 * in user space (a handler returning into the fault that called it). */
static void proc_state(pid_t pid, char *out, size_t size)
{
	char path[32], buf[512];
	snprintf(path, sizeof(path), "/proc/%d/stat", pid);
	snprintf(out, size, "state unknown");
	int fd = open(path, O_RDONLY);
	ssize_t n = fd >= 0 ? read(fd, buf, sizeof(buf) - 1) : -1;
	if (fd >= 0)
		close(fd);
	char *p = n > 0 ? (buf[n] = 0, strrchr(buf, ')')) : NULL;
	if (!p || !p[1] || !p[2])
		return;
	char state = p[2], *q = p + 3;
	for (int field = 4; field < 14; field++)        /* ppid .. cmajflt */
		strtol(q, &q, 10);
	unsigned long utime = strtoul(q, &q, 10), stime = strtoul(q, &q, 10);
	snprintf(out, size, "state %c, %lu user and %lu system ticks", state, utime, stime);
}

/* One child: its directory, its life under the watchdog, its cleanup.
 * Returns the calls it made, or -1 if it could not be killed. */
static int run_child(uint64_t seed, int child, int ncalls, int uid)
{
	char dir[64];
	snprintf(dir, sizeof(dir), "/tmp/fuzz.%d", child);
	remove_tree(dir);
	if (mkdir(dir, 0777) || (uid >= 0 && chown(dir, uid, uid))) {
		perror("fuzz: mkdir");
		return 0;
	}
	int prog[2];
	if (pipe(prog))
		return 0;
	fprintf(stderr, "fuzz: seed %llu child %d uid %d\n", (unsigned long long)seed, child, uid);
	pid_t pid = fork();
	if (pid == 0) {
		close(prog[0]);
		if (chdir(dir))
			_exit(3);
		uint64_t s = seed * 1000003u + (uint64_t)child;
		rng_state = splitmix(&s);
		child_run(child, ncalls, uid, prog[1]);
	}
	close(prog[1]);
	int status = 0;
	if (wait_bounded(pid, CHILD_TIMEOUT_S, &status) == 0) {
		char where[64];
		proc_state(pid, where, sizeof(where));
		/* Every task and its kernel stack into the kernel log, as Linux's SysRq-T. */
		int t = open("/proc/sysrq-trigger", O_WRONLY);
		if (t >= 0 && write(t, "t", 1) < 0)
			perror("fuzz: sysrq");
		if (t >= 0)
			close(t);
		fprintf(stderr, "fuzz: seed %llu child %d: stuck (%s), killed by the watchdog\n",
			(unsigned long long)seed, child, where);
		kill(-pid, SIGKILL);
		kill(pid, SIGKILL);
		if (wait_bounded(pid, KILL_TIMEOUT_S, &status) == 0) {
			fprintf(stderr, "fuzz: seed %llu child %d: UNKILLABLE\n", (unsigned long long)seed, child);
			return -1;
		}
	}
	if (WIFSIGNALED(status))
		fprintf(stderr, "fuzz: seed %llu child %d: killed by signal %d\n", (unsigned long long)seed,
			child, WTERMSIG(status));
	kill(-pid, SIGKILL);            /* what it forked */
	while (waitpid(-1, NULL, WNOHANG) > 0)
		;
	int done = 0, v;
	while (read(prog[0], &v, sizeof(v)) == sizeof(v))
		if (v > done && v <= ncalls)
			done = v;
	close(prog[0]);
	remove_tree(dir);
	return done;
}

/* The state the children may leave in devices that hold memory. */
static void reset_devices(void)
{
	int fd = open("/dev/scull0", O_WRONLY | O_TRUNC);
	if (fd >= 0)
		close(fd);
	static const char *const fifos[] = { "/dev/scullpipe0", "/dev/chardev" };
	for (size_t i = 0; i < NELEM(fifos); i++) {
		char buf[512];
		fd = open(fifos[i], O_RDONLY | O_NONBLOCK);
		while (fd >= 0 && read(fd, buf, sizeof(buf)) > 0)
			;
		if (fd >= 0)
			close(fd);
	}
}

/* SysV IPC objects outlive their makers, as on Linux (ipcrm's job): the
 * random ipc(2), shmget, semget and msgget calls leave some. IPC_INFO gives
 * the highest slot in use; *_STAT_ANY of a slot its id. */
static void remove_sysv_ipc(void)
{
	char buf[256];
	for (int i = shmctl(0, IPC_INFO, (struct shmid_ds *)buf); i >= 0; i--) {
		int id = shmctl(i, SHM_STAT_ANY, (struct shmid_ds *)buf);
		if (id >= 0)
			shmctl(id, IPC_RMID, NULL);
	}
	for (int i = semctl(0, 0, IPC_INFO, buf); i >= 0; i--) {
		int id = semctl(i, 0, SEM_STAT_ANY, buf);
		if (id >= 0)
			semctl(id, 0, IPC_RMID);
	}
	for (int i = msgctl(0, IPC_INFO, (struct msqid_ds *)buf); i >= 0; i--) {
		int id = msgctl(i, MSG_STAT_ANY, (struct msqid_ds *)buf);
		if (id >= 0)
			msgctl(id, IPC_RMID, NULL);
	}
}

static long meminfo(const char *field)
{
	FILE *f = fopen("/proc/meminfo", "r");
	char line[128];
	long v = -1;
	size_t n = strlen(field);
	while (f && fgets(line, sizeof(line), f))
		if (!strncmp(line, field, n) && line[n] == ':')
			v = atol(line + n + 1);
	if (f)
		fclose(f);
	return v;
}

/* Memory settles once the last children are reaped and freed. */
static void settle(void)
{
	while (waitpid(-1, NULL, WNOHANG) > 0)
		;
	for (int i = 0; i < 5; i++)
		sched_yield();
}

int main(int argc, char **argv)
{
	uint64_t seed = 1;
	long calls = 20000;
	int uid = -1, only = -1, per_child = 2000, memcheck = 0, opt;
	while ((opt = getopt(argc, argv, "s:n:u:c:k:vm")) != -1) {
		switch (opt) {
		case 's': seed = strtoull(optarg, NULL, 0); break;
		case 'n': calls = atol(optarg); break;
		case 'u': uid = atoi(optarg); break;
		case 'c': only = atoi(optarg); break;
		case 'k': per_child = atoi(optarg); break;
		case 'v': verbose = 1; break;
		case 'm': memcheck = 1; break;
		default:
			fprintf(stderr, "usage: fuzz [-s SEED] [-n CALLS] [-u UID] [-k PER_CHILD] [-c CHILD [-v]] [-m]\n");
			return 2;
		}
	}
	if (per_child < 1)
		per_child = 1;
	signal(SIGPIPE, SIG_IGN);
	long free_before = 0, slab_before = 0;
	if (memcheck) {
		reset_devices();
		remove_sysv_ipc();
		settle();
		free_before = meminfo("MemFree"), slab_before = meminfo("Slab");
	}
	/* Children until CALLS calls have been made: many die early, of a
	 * signal they sent themselves or a bad sigreturn frame. */
	long total = 0;
	int child = only >= 0 ? only : 0, nchildren = 0, idle = 0;
	do {
		int budget = only >= 0 || calls - total > per_child ? per_child : (int)(calls - total);
		int r = run_child(seed, child++, budget, uid);
		if (r < 0)
			return 1;
		if ((idle = r ? 0 : idle + 1) == 20) {
			fprintf(stderr, "fuzz: 20 children in a row made no call\n");
			return 1;
		}
		total += r;
		nchildren++;
	} while (only < 0 && total < calls);
	printf("fuzz: seed %llu uid %d: %ld calls in %d children\n", (unsigned long long)seed, uid, total,
	       nchildren);
	if (!memcheck)
		return 0;
	reset_devices();
	remove_sysv_ipc();
	settle();
	long free_after = meminfo("MemFree"), slab_after = meminfo("Slab");
	/* A few pages may float (6 seen, 8 of heap with threads: one process's
	 * kernel stack, fd table and address space): a dead process's kernel
	 * stack is freed at the next switch, a slab page may be shared with an
	 * object that outlives the run. A leak in some call, thousands of times
	 * over, is far more. */
	if (labs(free_after - free_before) > 64 || labs(slab_after - slab_before) > 64) {
		printf("fuzz: memory not back: MemFree %ld -> %ld kB, Slab %ld -> %ld kB\n", free_before,
		       free_after, slab_before, slab_after);
		return 1;
	}
	printf("fuzz: memory back where it started (MemFree %+ld kB, Slab %+ld kB)\n", free_after - free_before,
	       slab_after - slab_before);
	return 0;
}
