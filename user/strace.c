/* strace: traces the system calls and signals of a program with ptrace(2),
 * one line per call in strace's format:
 *     openat(AT_FDCWD, "/dev/chardev", O_RDWR) = 3
 *     ioctl(3, _IOC(_IOC_NONE, 0xae, 0x2, 0), 0) = 41
 *     --- SIGINT {si_signo=SIGINT, si_code=SI_USER, si_pid=12, si_uid=0} ---
 *     +++ exited with 0 +++
 * How each call's arguments print is data (strace_tables.h); the decoders
 * for flags, strings and structures are here. The child stops itself
 * (PTRACE_TRACEME + SIGSTOP), and the trace starts at its execve.
 *     strace [-f] [-c] [-o FILE] [-e trace=NAME,...] PROGRAM [ARGS...]
 * -f follows fork, vfork and clone ([pid N] before each line while more than
 * one process is traced), -c prints a table of counts instead. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/user.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <uapi/syscall_nr.h>
#include "strace_tables.h"

#define NSYSCALLS ((int)(sizeof(syscalls) / sizeof(syscalls[0])))
#define MAX_STR 32
#define MAX_TRACEES 64
#define ACOLUMN 40

struct tracee {
	pid_t pid;
	bool in_syscall;
	bool started;           /* its SIGSTOP (the first stop) is behind it */
	bool after_exec;        /* the trace shows it from its execve on */
	long nr, args[6];
	char line[1024];        /* what the entry printed or will print */
	size_t len;
	int arg_done;           /* arguments printed at entry */
	bool unfinished;        /* its line was cut by another process's */
	int prefix;             /* the width of its line's pid prefix */
	struct timespec t0;
};

static struct tracee tracees[MAX_TRACEES];
static int ntracees;
static FILE *out;
static bool follow, count_only, to_file;
static bool *selected;          /* -e trace=: the calls to show; NULL: all */
static struct tracee *open_line;        /* whose line is printed up to its result */

struct counts {
	long calls, errors;
	long long usecs;
};
static struct counts counts[NSYSCALLS];

static const char *const signames[] = {
	"0", "SIGHUP", "SIGINT", "SIGQUIT", "SIGILL", "SIGTRAP", "SIGABRT", "SIGBUS", "SIGFPE",
	"SIGKILL", "SIGUSR1", "SIGSEGV", "SIGUSR2", "SIGPIPE", "SIGALRM", "SIGTERM", "SIGSTKFLT",
	"SIGCHLD", "SIGCONT", "SIGSTOP", "SIGTSTP", "SIGTTIN", "SIGTTOU", "SIGURG", "SIGXCPU",
	"SIGXFSZ", "SIGVTALRM", "SIGPROF", "SIGWINCH", "SIGIO", "SIGPWR", "SIGSYS",
};

struct flag {
	unsigned long bit;
	const char *name;
};

static const struct flag open_flags[] = {
	{ 0100, "O_CREAT" }, { 0200, "O_EXCL" }, { 0400, "O_NOCTTY" }, { 01000, "O_TRUNC" },
	{ 02000, "O_APPEND" }, { 04000, "O_NONBLOCK" }, { 04010000, "O_SYNC" }, { 010000, "O_DSYNC" },
	{ 020000, "O_ASYNC" }, { 040000, "O_DIRECT" }, { 0100000, "O_LARGEFILE" },
	{ 020200000, "O_TMPFILE" }, { 0200000, "O_DIRECTORY" }, { 0400000, "O_NOFOLLOW" },
	{ 01000000, "O_NOATIME" }, { 02000000, "O_CLOEXEC" }, { 010000000, "O_PATH" }, { 0, NULL },
};

static const struct flag prot_flags[] = {
	{ 1, "PROT_READ" }, { 2, "PROT_WRITE" }, { 4, "PROT_EXEC" }, { 8, "PROT_SEM" },
	{ 0x01000000, "PROT_GROWSDOWN" }, { 0x02000000, "PROT_GROWSUP" }, { 0, NULL },
};

static const struct flag map_flags[] = {
	{ 0x10, "MAP_FIXED" }, { 0x20, "MAP_ANONYMOUS" }, { 0x100, "MAP_GROWSDOWN" },
	{ 0x800, "MAP_DENYWRITE" }, { 0x1000, "MAP_EXECUTABLE" }, { 0x2000, "MAP_LOCKED" },
	{ 0x4000, "MAP_NORESERVE" }, { 0x8000, "MAP_POPULATE" }, { 0x10000, "MAP_NONBLOCK" },
	{ 0x20000, "MAP_STACK" }, { 0x40000, "MAP_HUGETLB" }, { 0x80000, "MAP_SYNC" },
	{ 0x100000, "MAP_FIXED_NOREPLACE" }, { 0, NULL },
};

static const struct flag clone_flags[] = {
	{ 0x100, "CLONE_VM" }, { 0x200, "CLONE_FS" }, { 0x400, "CLONE_FILES" }, { 0x800, "CLONE_SIGHAND" },
	{ 0x1000, "CLONE_PIDFD" }, { 0x2000, "CLONE_PTRACE" }, { 0x4000, "CLONE_VFORK" },
	{ 0x8000, "CLONE_PARENT" }, { 0x10000, "CLONE_THREAD" }, { 0x20000, "CLONE_NEWNS" },
	{ 0x40000, "CLONE_SYSVSEM" }, { 0x80000, "CLONE_SETTLS" }, { 0x100000, "CLONE_PARENT_SETTID" },
	{ 0x200000, "CLONE_CHILD_CLEARTID" }, { 0x400000, "CLONE_DETACHED" }, { 0x800000, "CLONE_UNTRACED" },
	{ 0x1000000, "CLONE_CHILD_SETTID" }, { 0, NULL },
};

static const struct flag wait_flags[] = {
	{ 1, "WNOHANG" }, { 2, "WSTOPPED" }, { 4, "WEXITED" }, { 8, "WCONTINUED" }, { 0x1000000, "WNOWAIT" },
	{ 0x20000000, "__WNOTHREAD" }, { 0x40000000, "__WALL" }, { 0x80000000, "__WCLONE" }, { 0, NULL },
};

static const struct flag access_flags[] = {
	{ 4, "R_OK" }, { 2, "W_OK" }, { 1, "X_OK" }, { 0, NULL },
};

/* The ioctls strace names; others print as _IOC(dir, type, nr, size). */
static const struct flag ioctl_names[] = {
	{ 0x5401, "TCGETS" }, { 0x5402, "TCSETS" }, { 0x5403, "TCSETSW" }, { 0x5404, "TCSETSF" },
	{ 0x540e, "TIOCSCTTY" }, { 0x540f, "TIOCGPGRP" }, { 0x5410, "TIOCSPGRP" }, { 0x5413, "TIOCGWINSZ" },
	{ 0x5414, "TIOCSWINSZ" }, { 0x541b, "FIONREAD" }, { 0x5421, "FIONBIO" }, { 0x5429, "TIOCGSID" },
	{ 0x5451, "FIOCLEX" }, { 0x5450, "FIONCLEX" }, { 0, NULL },
};

static const struct flag iflags[] = {
	{ 01, "IGNBRK" }, { 02, "BRKINT" }, { 04, "IGNPAR" }, { 010, "PARMRK" }, { 020, "INPCK" },
	{ 040, "ISTRIP" }, { 0100, "INLCR" }, { 0200, "IGNCR" }, { 0400, "ICRNL" }, { 01000, "IUCLC" },
	{ 02000, "IXON" }, { 04000, "IXANY" }, { 010000, "IXOFF" }, { 020000, "IMAXBEL" }, { 040000, "IUTF8" },
	{ 0, NULL },
};

static const struct flag oflags[] = {
	{ 01, "OPOST" }, { 02, "OLCUC" }, { 04, "ONLCR" }, { 010, "OCRNL" }, { 020, "ONOCR" },
	{ 040, "ONLRET" }, { 0100, "OFILL" }, { 0200, "OFDEL" }, { 0, NULL },
};

static const struct flag cflags[] = {
	{ 0100, "CSTOPB" }, { 0200, "CREAD" }, { 0400, "PARENB" }, { 01000, "PARODD" }, { 02000, "HUPCL" },
	{ 04000, "CLOCAL" }, { 010000000000, "CMSPAR" }, { 020000000000, "CRTSCTS" }, { 0, NULL },
};

static const struct flag lflags[] = {
	{ 01, "ISIG" }, { 02, "ICANON" }, { 04, "XCASE" }, { 010, "ECHO" }, { 020, "ECHOE" }, { 040, "ECHOK" },
	{ 0100, "ECHONL" }, { 0200, "NOFLSH" }, { 0100000, "IEXTEN" }, { 01000, "ECHOCTL" }, { 02000, "ECHOPRT" },
	{ 04000, "ECHOKE" }, { 010000, "FLUSHO" }, { 040000, "PENDIN" }, { 0400, "TOSTOP" },
	{ 0200000, "EXTPROC" }, { 0, NULL },       /* in strace's order */
};

static const char *const bauds[] = {
	"B0", "B50", "B75", "B110", "B134", "B150", "B200", "B300", "B600", "B1200", "B1800", "B2400",
	"B4800", "B9600", "B19200", "B38400", "B57600", "B115200", "B230400", "B460800", "B500000",
	"B576000", "B921600", "B1000000", "B1152000", "B1500000", "B2000000", "B2500000", "B3000000",
	"B3500000", "B4000000",
};

#define TCGETS     0x5401
#define TCSETSF    0x5404
#define TIOCGWINSZ 0x5413
#define TIOCSWINSZ 0x5414

/* ---- the line being built ---- */

static void emit(struct tracee *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void emit(struct tracee *t, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	size_t room = sizeof(t->line) - t->len;
	int n = vsnprintf(t->line + t->len, room, fmt, ap);
	va_end(ap);
	if (n > 0)
		t->len += (size_t)n < room ? (size_t)n : room - 1;
}

static void print_flags(struct tracee *t, const struct flag *f, unsigned long v, const char *zero)
{
	bool any = false;
	for (; f->name; f++) {
		if ((v & f->bit) == f->bit) {
			emit(t, "%s%s", any ? "|" : "", f->name);
			v &= ~f->bit;
			any = true;
		}
	}
	if (v)
		emit(t, "%s%#lx", any ? "|" : "", v);
	else if (!any)
		emit(t, "%s", zero);
}

static void print_signal(struct tracee *t, long sig)
{
	if (sig > 0 && sig < (long)(sizeof(signames) / sizeof(signames[0])))
		emit(t, "%s", signames[sig]);
	else if (sig == 32)
		emit(t, "SIGRTMIN");
	else if (sig > 32 && sig <= 64)
		emit(t, "SIGRT_%ld", sig - 32);
	else
		emit(t, "%ld", sig);
}

static void print_ptr(struct tracee *t, unsigned long v)
{
	if (v)
		emit(t, "%#lx", v);
	else
		emit(t, "NULL");
}

static bool peek(pid_t pid, unsigned long addr, void *buf, size_t n);

/* A 64-signal set: [INT TERM], or ~[...] when most are in it, as strace. */
static void print_sigset(struct tracee *t, unsigned long addr)
{
	unsigned long long set;
	if (!addr) {
		emit(t, "NULL");
		return;
	}
	if (!peek(t->pid, addr, &set, sizeof set)) {
		print_ptr(t, addr);
		return;
	}
	if (__builtin_popcountll(set) > 32) {
		emit(t, "~");
		set = ~set;
	}
	emit(t, "[");
	for (int sig = 1, n = 0; sig <= 64; sig++) {
		if (!(set & (1ull << (sig - 1))))
			continue;
		emit(t, n++ ? " " : "");
		if (sig < 32)
			emit(t, "%s", signames[sig] + 3);
		else if (sig == 32)
			emit(t, "RTMIN");
		else
			emit(t, "RT_%d", sig - 32);
	}
	emit(t, "]");
}

/* wait4's status: [{WIFEXITED(s) && WEXITSTATUS(s) == 0}]. */
static void print_wait_status(struct tracee *t, unsigned long addr)
{
	int st;
	if (!addr || !peek(t->pid, addr, &st, sizeof st)) {
		print_ptr(t, addr);
		return;
	}
	if (WIFEXITED(st)) {
		emit(t, "[{WIFEXITED(s) && WEXITSTATUS(s) == %d}]", WEXITSTATUS(st));
		return;
	}
	emit(t, WIFSIGNALED(st) ? "[{WIFSIGNALED(s) && WTERMSIG(s) == " : "[{WIFSTOPPED(s) && WSTOPSIG(s) == ");
	print_signal(t, WIFSIGNALED(st) ? WTERMSIG(st) : WSTOPSIG(st));
	emit(t, WIFSIGNALED(st) && WCOREDUMP(st) ? " && WCOREDUMP(s)}]" : "}]");
}

/* n bytes of the tracee's memory at addr; false if unreadable. */
static bool peek(pid_t pid, unsigned long addr, void *buf, size_t n)
{
	for (size_t i = 0; i < n; i += sizeof(long)) {
		errno = 0;
		long w = ptrace(PTRACE_PEEKDATA, pid, (void *)(addr + i), NULL);
		if (errno)
			return false;
		memcpy((char *)buf + i, &w, n - i < sizeof(long) ? n - i : sizeof(long));
	}
	return true;
}

/* strace's quoting: C escapes, octal for the rest (three digits before a digit). */
static void print_quoted(struct tracee *t, const unsigned char *s, size_t n, bool more)
{
	emit(t, "\"");
	for (size_t i = 0; i < n; i++) {
		unsigned c = s[i];
		const char *esc = c == '"' ? "\\\"" : c == '\\' ? "\\\\" : c == '\n' ? "\\n" : c == '\t' ? "\\t" :
				  c == '\r' ? "\\r" : c == '\f' ? "\\f" : c == '\v' ? "\\v" : NULL;
		if (esc)
			emit(t, "%s", esc);
		else if (c >= ' ' && c < 0x7f)
			emit(t, "%c", c);
		else if (i + 1 < n && s[i + 1] >= '0' && s[i + 1] <= '7')
			emit(t, "\\%03o", c);
		else
			emit(t, "\\%o", c);
	}
	emit(t, "\"%s", more ? "..." : "");
}

static void print_buffer(struct tracee *t, unsigned long addr, long len)
{
	unsigned char buf[MAX_STR + sizeof(long)];
	size_t n = len < 0 ? 0 : (size_t)len < MAX_STR ? (size_t)len : MAX_STR;
	if (!addr || !peek(t->pid, addr, buf, n)) {
		print_ptr(t, addr);
		return;
	}
	print_quoted(t, buf, n, len > MAX_STR);
}

static void print_string(struct tracee *t, unsigned long addr)
{
	unsigned char buf[MAX_STR + 1 + sizeof(long)];
	size_t n = 0;
	if (!addr) {
		emit(t, "NULL");
		return;
	}
	while (n <= MAX_STR) {
		long w;
		if (!peek(t->pid, addr + n, &w, sizeof w))
			break;
		memcpy(buf + n, &w, sizeof w);
		size_t k;
		for (k = 0; k < sizeof w && buf[n + k]; k++)
			;
		n += k;
		if (k < sizeof w)
			break;
	}
	if (n == 0 && !peek(t->pid, addr, buf, 1)) {
		print_ptr(t, addr);
		return;
	}
	print_quoted(t, buf, n > MAX_STR ? MAX_STR : n, n > MAX_STR);
}

/* execve's argv: ["a", "b"]; envp: 0x... followed by a count of its strings. */
static void print_strv(struct tracee *t, unsigned long addr, bool count)
{
	unsigned long p;
	int n = 0;
	if (count) {
		while (n < 4096 && peek(t->pid, addr + 4 * n, &p, 4) && p)
			n++;
		emit(t, "%#lx /* %d var%s */", addr, n, n == 1 ? "" : "s");
		return;
	}
	emit(t, "[");
	for (; n < 32 && peek(t->pid, addr + 4 * n, &p, 4) && p; n++) {
		if (n)
			emit(t, ", ");
		print_string(t, p);
	}
	emit(t, n == 32 ? ", ...]" : "]");
}

static void print_ioctl(struct tracee *t, unsigned long req)
{
	for (const struct flag *f = ioctl_names; f->name; f++) {
		if (f->bit == req) {
			emit(t, "%s", f->name);
			return;
		}
	}
	static const char *const dirs[] = { "_IOC_NONE", "_IOC_WRITE", "_IOC_READ", "_IOC_READ|_IOC_WRITE" };
	emit(t, "_IOC(%s, %#lx, %#lx, %#lx)", dirs[(req >> 30) & 3], (req >> 8) & 0xff, req & 0xff,
	     (req >> 16) & 0x3fff);
}

static void print_stat(struct tracee *t, unsigned long addr)
{
	unsigned char st[96];
	if (!peek(t->pid, addr, st, sizeof st)) {
		print_ptr(t, addr);
		return;
	}
	unsigned mode;
	unsigned long long rdev, size;
	memcpy(&mode, st + 16, 4);
	memcpy(&rdev, st + 32, 8);
	memcpy(&size, st + 44, 8);
	static const char *const types[16] = { [1] = "S_IFIFO", [2] = "S_IFCHR", [4] = "S_IFDIR",
					       [6] = "S_IFBLK", [8] = "S_IFREG", [10] = "S_IFLNK",
					       [12] = "S_IFSOCK" };
	const char *type = types[(mode >> 12) & 15];
	emit(t, "{st_mode=%s|%#o, ", type ? type : "0", mode & 07777);
	if (type && (type[4] == 'C' || type[4] == 'B'))
		emit(t, "st_rdev=makedev(%#llx, %#llx), ...}", (rdev >> 8) & 0xfff, (rdev & 0xff) | ((rdev >> 12) & ~0xffull));
	else
		emit(t, "st_size=%llu, ...}", size);
}

/* struct termios as strace prints it. */
static void print_termios(struct tracee *t, unsigned long addr)
{
	unsigned int tio[4];
	if (!peek(t->pid, addr, tio, sizeof tio)) {
		print_ptr(t, addr);
		return;
	}
	emit(t, "{c_iflag=");
	print_flags(t, iflags, tio[0], "0");
	unsigned o = tio[1];
	emit(t, ", c_oflag=NL%u|CR%u|TAB%u|BS%u|VT%u|FF%u", (o >> 8) & 1, (o >> 9) & 3, (o >> 11) & 3,
	     (o >> 13) & 1, (o >> 14) & 1, (o >> 15) & 1);
	if (o & 0377) {
		emit(t, "|");
		print_flags(t, oflags, o & 0377, "0");
	}
	unsigned c = tio[2], baud = (c & 010000) ? 15 + (c & 017) : (c & 017);
	emit(t, ", c_cflag=%s|CS%u", baud < sizeof(bauds) / sizeof(bauds[0]) ? bauds[baud] : "B???", 5 + ((c >> 4) & 3));
	if (c & ~(unsigned)(010017 | 060)) {
		emit(t, "|");
		print_flags(t, cflags, c & ~(unsigned)(010017 | 060), "0");
	}
	emit(t, ", c_lflag=");
	print_flags(t, lflags, tio[3], "0");
	emit(t, ", ...}");
}

static void print_winsize(struct tracee *t, unsigned long addr)
{
	unsigned short w[4];
	if (!peek(t->pid, addr, w, sizeof w))
		print_ptr(t, addr);
	else
		emit(t, "{ws_row=%u, ws_col=%u, ws_xpixel=%u, ws_ypixel=%u}", w[0], w[1], w[2], w[3]);
}

/* An ioctl's argument: the structures strace knows, else a number. */
static void print_ioctl_arg(struct tracee *t, unsigned long req, unsigned long v, long result)
{
	bool gets = req == TCGETS || req == TIOCGWINSZ;
	if (gets && result < 0)
		emit(t, "%#lx", v);
	else if (req >= TCGETS && req <= TCSETSF)
		print_termios(t, v);
	else if (req == TIOCGWINSZ || req == TIOCSWINSZ)
		print_winsize(t, v);
	else
		emit(t, "%#lx", v);
}

static void print_clone(struct tracee *t)
{
	unsigned long flags = t->args[0];
	emit(t, "child_stack=");
	print_ptr(t, t->args[1]);
	emit(t, ", flags=");
	print_flags(t, clone_flags, flags & ~0xfful, "");
	if (flags & 0xff) {
		emit(t, flags & ~0xfful ? "|" : "");
		print_signal(t, flags & 0xff);
	}
	if (flags & 0x101000)
		emit(t, ", parent_tid=%#lx", t->args[2]);
	if (flags & 0x80000)
		emit(t, ", tls=%#lx", t->args[3]);
	if (flags & 0x1200000)
		emit(t, ", child_tidptr=%#lx", t->args[4]);
}

static bool is_out(const struct tracee *t, char kind)
{
	return kind == 'r' || kind == 'R' || kind == 'T' || kind == 'g' || kind == 'W' ||
	       (kind == 'Y' && (t->args[1] == TCGETS || t->args[1] == TIOCGWINSZ));
}

/* One argument of kind k (strace_tables.h's letters); result is the call's,
 * for the kinds printed at the exit stop (r, R, T and some Y).
 *   d int  u unsigned  x hex  p pointer  s string  w buffer written (length next)
 *   r buffer read (length: the result)  R string read  T struct stat64 read
 *   o open flags  m mode (octal; open's only with O_CREAT)  a directory fd (AT_FDCWD)
 *   A access mode  P mmap/mprotect prot  M mmap flags  O mmap2 page offset
 *   I ioctl request  Y ioctl argument  S signal  V argv  E envp  K lseek whence
 *   H sigprocmask how  G signal set  g signal set read  W wait status read  J wait options
 *   ; whole calls: C clone, L old mmap (its arguments in memory) */
static void print_arg(struct tracee *t, char k, int i, long result)
{
	unsigned long v = t->args[i];
	switch (k) {
	case 'd': emit(t, "%ld", (long)v); break;
	case 'u': emit(t, "%lu", v); break;
	case 'p': print_ptr(t, v); break;
	case 's': print_string(t, v); break;
	case 'w': print_buffer(t, v, t->args[i + 1]); break;
	case 'r': result < 0 ? print_ptr(t, v) : print_buffer(t, v, result); break;
	case 'R': result < 0 ? print_ptr(t, v) : print_string(t, v); break;
	case 'T': result < 0 ? print_ptr(t, v) : print_stat(t, v); break;
	case 'o':
		emit(t, "%s", (v & 3) == 0 ? "O_RDONLY" : (v & 3) == 1 ? "O_WRONLY" : (v & 3) == 2 ? "O_RDWR" : "O_ACCMODE");
		if (v & ~3ul) {
			emit(t, "|");
			print_flags(t, open_flags, v & ~3ul, "");
		}
		break;
	case 'm': emit(t, "%#lo", v); break;
	case 'a': (long)v == -100 ? emit(t, "AT_FDCWD") : emit(t, "%ld", (long)v); break;
	case 'A': print_flags(t, access_flags, v, "F_OK"); break;
	case 'P': print_flags(t, prot_flags, v, "PROT_NONE"); break;
	case 'M':
		emit(t, "%s", (v & 0xf) == 1 ? "MAP_SHARED" : (v & 0xf) == 2 ? "MAP_PRIVATE" :
			      (v & 0xf) == 3 ? "MAP_SHARED_VALIDATE" : "0");
		if (v & ~0xful) {
			emit(t, "|");
			print_flags(t, map_flags, v & ~0xful, "");
		}
		break;
	case 'O': emit(t, "%#lx", v * 4096); break;
	case 'I': print_ioctl(t, v); break;
	case 'Y': print_ioctl_arg(t, t->args[1], v, result); break;
	case 'S': print_signal(t, (long)v); break;
	case 'G': print_sigset(t, v); break;
	case 'g': result < 0 ? print_ptr(t, v) : print_sigset(t, v); break;
	case 'W': result <= 0 ? print_ptr(t, v) : print_wait_status(t, v); break;
	case 'J': print_flags(t, wait_flags, v, "0"); break;
	case 'V': print_strv(t, v, false); break;
	case 'E': print_strv(t, v, true); break;
	case 'K': emit(t, "%s", v == 0 ? "SEEK_SET" : v == 1 ? "SEEK_CUR" : v == 2 ? "SEEK_END" : "?"); break;
	case 'H': emit(t, "%s", v == 0 ? "SIG_BLOCK" : v == 1 ? "SIG_UNBLOCK" : v == 2 ? "SIG_SETMASK" : "?"); break;
	default: emit(t, "%#lx", v); break;
	}
}

/* Open and creat print their mode only when they create. */
static bool skip_arg(const char *kinds, int i, const long *args)
{
	return kinds[i] == 'm' && i > 0 && kinds[i - 1] == 'o' && !(args[i - 1] & 020000100);
}

/* The old mmap's six arguments are in memory. */
static void load_old_mmap(struct tracee *t)
{
	unsigned long a[6];
	if (peek(t->pid, t->args[0], a, sizeof a))
		for (int i = 0; i < 6; i++)
			t->args[i] = a[i];
}

/* The arguments from `from` on, up to the end or (at entry) the first out one. */
static int print_args(struct tracee *t, int from, bool at_exit, long result)
{
	const struct syscall_desc *d = t->nr >= 0 && t->nr < NSYSCALLS ? &syscalls[t->nr] : NULL;
	const char *kinds = d && d->args ? d->args : "xxxxxx";
	if (kinds[0] == 'C') {
		if (!at_exit)
			print_clone(t);
		return 1;
	}
	if (kinds[0] == 'L')
		kinds = "puPMdx";
	int i;
	for (i = from; kinds[i]; i++) {
		if (is_out(t, kinds[i]) && !at_exit)
			break;
		if (skip_arg(kinds, i, t->args))
			continue;
		if (i)
			emit(t, ", ");
		print_arg(t, kinds[i], i, result);
	}
	return i;
}

static const char *call_name(long nr, char *buf, size_t n)
{
	if (nr >= 0 && nr < NSYSCALLS && syscalls[nr].name)
		return syscalls[nr].name;
	snprintf(buf, n, "syscall_%#lx", (unsigned long)nr);
	return buf;
}

/* ---- output ---- */

static int live_tracees(void)
{
	int n = 0;
	for (int i = 0; i < MAX_TRACEES; i++)
		n += tracees[i].pid != 0;
	return n;
}

/* The pid before a line, when more than one process may be traced; its width. */
static int leader(struct tracee *t)
{
	if (to_file && follow)
		return fprintf(out, "%-5d ", t->pid);
	if (follow && live_tracees() > 1)
		return fprintf(out, "[pid %5d] ", t->pid);
	return 0;
}

/* Another process's line is left open: it ends in "<unfinished ...>". */
static void close_open_line(struct tracee *t)
{
	if (open_line && open_line != t) {
		fprintf(out, " <unfinished ...>\n");
		open_line->unfinished = true;
		open_line = NULL;
	}
}

/* " = result", aligned at strace's column 40 from col. */
static void print_result(const struct tracee *t, long r, int col)
{
	const struct syscall_desc *d = t->nr >= 0 && t->nr < NSYSCALLS ? &syscalls[t->nr] : NULL;
	fprintf(out, "%*s = ", col < ACOLUMN - 1 ? ACOLUMN - 1 - col : 0, "");
	if (r < 0 && r >= -4095) {
		long e = -r;
		static const char *const restarts[] = { "ERESTARTSYS", "ERESTARTNOINTR", "ERESTARTNOHAND",
							"ENOIOCTLCMD", "ERESTART_RESTARTBLOCK" };
		static const char *const restart_msgs[] = { "To be restarted if SA_RESTART is set", "To be restarted",
							    "To be restarted if no handler", "Inappropriate ioctl for device",
							    "Interrupted by signal" };
		if (e >= 512 && e <= 516)
			fprintf(out, "? %s (%s)\n", restarts[e - 512], restart_msgs[e - 512]);
		else
			fprintf(out, "-1 %s (%s)\n", e < (long)(sizeof(errno_names) / sizeof(errno_names[0])) &&
				     errno_names[e] ? errno_names[e] : "E???", strerror((int)e));
	} else if (d && d->ret == 'x') {
		fprintf(out, "%#lx\n", r);
	} else {
		fprintf(out, "%ld\n", r);
	}
}

static long long usecs_since(const struct timespec *t0)
{
	struct timespec t1;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	return (long long)(t1.tv_sec - t0->tv_sec) * 1000000 + (t1.tv_nsec - t0->tv_nsec) / 1000;
}

static bool shown(long nr)
{
	return !selected || (nr >= 0 && nr < NSYSCALLS && selected[nr]);
}

static void syscall_entry(struct tracee *t, const struct user_regs_struct *r)
{
	t->nr = r->orig_eax;
	long a[6] = { r->ebx, r->ecx, r->edx, r->esi, r->edi, r->ebp };
	memcpy(t->args, a, sizeof a);
	if (t->nr >= 0 && t->nr < NSYSCALLS && syscalls[t->nr].args && syscalls[t->nr].args[0] == 'L')
		load_old_mmap(t);
	if (t->nr == __NR_execve || t->nr == __NR_execveat)
		t->after_exec = true;
	clock_gettime(CLOCK_MONOTONIC, &t->t0);
	t->len = 0;
	t->unfinished = false;
	char nb[32];
	if (!t->after_exec || count_only || !shown(t->nr))
		return;
	emit(t, "%s(", call_name(t->nr, nb, sizeof nb));
	t->arg_done = print_args(t, 0, false, 0);
	close_open_line(t);
	t->prefix = leader(t);
	fputs(t->line, out);
	open_line = t;
}

static void syscall_exit(struct tracee *t, long r)
{
	if (!t->after_exec)
		return;
	if (count_only) {
		if (t->nr >= 0 && t->nr < NSYSCALLS) {
			counts[t->nr].calls++;
			counts[t->nr].errors += r < 0 && r >= -4095;
			counts[t->nr].usecs += usecs_since(&t->t0);
		}
		return;
	}
	if (!shown(t->nr))
		return;
	size_t from = t->len;
	if (open_line != t) {
		char nb[32];
		close_open_line(t);
		t->prefix = leader(t);
		t->len = 0;
		emit(t, "<... %s resumed>", call_name(t->nr, nb, sizeof nb));
		from = 0;
	}
	if (t->arg_done < 6)
		print_args(t, t->arg_done, true, r);
	emit(t, ")");
	fputs(t->line + from, out);
	print_result(t, r, t->prefix + (int)t->len);
	open_line = NULL;
}

/* A call that never returns (exit_group) or a tracee gone mid-call. */
static void finish_unreturned(struct tracee *t)
{
	if (!t->in_syscall || !t->after_exec || count_only || !shown(t->nr))
		return;
	if (open_line != t) {
		char nb[32];
		close_open_line(t);
		t->prefix = leader(t);
		fprintf(out, "<... %s resumed>", call_name(t->nr, nb, sizeof nb));
		t->len = strlen(nb) + 13;
	}
	fprintf(out, ")%*s = ?\n", t->prefix + (int)t->len + 1 < ACOLUMN - 1 ?
		ACOLUMN - 2 - t->prefix - (int)t->len : 0, "");
	open_line = NULL;
}

static const char *si_code_name(const siginfo_t *si, char *buf, size_t n)
{
	static const char *const chld[] = { "", "CLD_EXITED", "CLD_KILLED", "CLD_DUMPED", "CLD_TRAPPED",
					    "CLD_STOPPED", "CLD_CONTINUED" };
	static const char *const segv[] = { "", "SEGV_MAPERR", "SEGV_ACCERR" };
	static const char *const trap[] = { "", "TRAP_BRKPT", "TRAP_TRACE", "TRAP_BRANCH", "TRAP_HWBKPT" };
	int c = si->si_code;
	if (c == SI_USER) return "SI_USER";
	if (c == SI_KERNEL) return "SI_KERNEL";
	if (c == SI_QUEUE) return "SI_QUEUE";
	if (c == SI_TKILL) return "SI_TKILL";
	if (c == SI_TIMER) return "SI_TIMER";
	if (si->si_signo == SIGCHLD && c > 0 && c <= 6) return chld[c];
	if (si->si_signo == SIGSEGV && c > 0 && c <= 2) return segv[c];
	if (si->si_signo == SIGTRAP && c > 0 && c <= 4) return trap[c];
	snprintf(buf, n, "%d", c);
	return buf;
}

/* --- SIGx {si_signo=..., ...} ---, or --- stopped by SIGx --- for a group
 * stop (it has no siginfo); true for the latter. */
static bool print_signal_stop(struct tracee *t, int sig)
{
	siginfo_t si;
	char cb[16];
	bool group_stop = ptrace(PTRACE_GETSIGINFO, t->pid, NULL, &si) < 0 && errno == EINVAL;
	if (count_only)
		return group_stop;
	close_open_line(t);
	leader(t);
	t->len = 0;
	print_signal(t, sig);
	if (group_stop) {
		fprintf(out, "--- stopped by %s ---\n", t->line);
		return true;
	}
	fprintf(out, "--- %s ", t->line);
	t->len = 0;
	print_signal(t, si.si_signo);
	fprintf(out, "{si_signo=%s, si_code=%s", t->line, si_code_name(&si, cb, sizeof cb));
	if (si.si_code == SI_USER || si.si_code == SI_TKILL || si.si_code == SI_QUEUE || si.si_signo == SIGCHLD)
		fprintf(out, ", si_pid=%d, si_uid=%u", si.si_pid, si.si_uid);
	if (si.si_signo == SIGCHLD && si.si_code > 0)
		fprintf(out, ", si_status=%d, si_utime=0, si_stime=0", si.si_status);
	else if (si.si_code > 0 && (si.si_signo == SIGSEGV || si.si_signo == SIGBUS || si.si_signo == SIGILL ||
				    si.si_signo == SIGFPE || si.si_signo == SIGTRAP))
		fprintf(out, ", si_addr=%s%#lx", si.si_addr ? "" : "", (unsigned long)si.si_addr);
	fprintf(out, "} ---\n");
	return false;
}

static struct tracee *find(pid_t pid, bool add)
{
	struct tracee *free_slot = NULL;
	for (int i = 0; i < MAX_TRACEES; i++) {
		if (tracees[i].pid == pid)
			return &tracees[i];
		if (!tracees[i].pid && !free_slot)
			free_slot = &tracees[i];
	}
	if (!add || !free_slot)
		return NULL;
	memset(free_slot, 0, sizeof(*free_slot));
	free_slot->pid = pid;
	free_slot->after_exec = true;   /* a child of a traced program */
	ntracees++;
	return free_slot;
}

static void tracee_gone(struct tracee *t, int st)
{
	finish_unreturned(t);
	if (!count_only) {
		close_open_line(t);
		leader(t);
		if (WIFEXITED(st))
			fprintf(out, "+++ exited with %d +++\n", WEXITSTATUS(st));
		else
			fprintf(out, "+++ killed by %s%s +++\n", WTERMSIG(st) < 32 ? signames[WTERMSIG(st)] : "SIG???",
				WCOREDUMP(st) ? " (core dumped)" : "");
	}
	if (open_line == t)
		open_line = NULL;
	t->pid = 0;
	ntracees--;
}

static int by_time(const void *a, const void *b)
{
	const struct counts *x = &counts[*(const int *)a], *y = &counts[*(const int *)b];
	if (x->usecs != y->usecs)
		return x->usecs < y->usecs ? 1 : -1;
	return x->calls != y->calls ? (x->calls < y->calls ? 1 : -1) : *(const int *)a - *(const int *)b;
}

/* One row of the table: the time in fixed point (the libc prints no floats). */
static void count_row(const struct counts *c, long long total_us, const char *name)
{
	long long pct = total_us ? 10000 * c->usecs / total_us : 0;
	char errs[16] = "";
	if (c->errors)
		snprintf(errs, sizeof errs, "%ld", c->errors);
	fprintf(out, "%3lld.%02lld %4lld.%06lld %11lld %9ld %9s %s\n", pct / 100, pct % 100, c->usecs / 1000000,
		c->usecs % 1000000, c->calls ? c->usecs / c->calls : 0, c->calls, errs, name);
}

/* strace -c's table, the most expensive calls first. */
static void print_counts(void)
{
	static int order[NSYSCALLS];
	int n = 0;
	struct counts total = { 0 };
	for (int i = 0; i < NSYSCALLS; i++) {
		if (!counts[i].calls)
			continue;
		order[n++] = i;
		total.calls += counts[i].calls;
		total.errors += counts[i].errors;
		total.usecs += counts[i].usecs;
	}
	qsort(order, n, sizeof(order[0]), by_time);
	static const char rule[] = "------ ----------- ----------- --------- --------- ----------------\n";
	fprintf(out, "%% time     seconds  usecs/call     calls    errors syscall\n%s", rule);
	for (int k = 0; k < n; k++) {
		char nb[32];
		count_row(&counts[order[k]], total.usecs, call_name(order[k], nb, sizeof nb));
	}
	fputs(rule, out);
	count_row(&total, total.usecs, "total");
}

static int select_calls(const char *spec)
{
	if (strncmp(spec, "trace=", 6) != 0)
		return -1;
	selected = calloc(NSYSCALLS, sizeof(bool));
	char *list = strdup(spec + 6);
	for (char *name = strtok(list, ","); name; name = strtok(NULL, ",")) {
		bool found = false;
		for (int i = 0; i < NSYSCALLS; i++) {
			if (syscalls[i].name && strcmp(syscalls[i].name, name) == 0)
				selected[i] = found = true;
		}
		if (!found) {
			fprintf(stderr, "strace: invalid system call '%s'\n", name);
			return -1;
		}
	}
	free(list);
	return 0;
}

static void usage(void)
{
	fprintf(stderr, "usage: strace [-f] [-c] [-o FILE] [-e trace=NAME,...] PROGRAM [ARGS...]\n");
	exit(1);
}

/* Handles one stop of t; the signal to resume it with. */
static int on_stop(struct tracee *t, int st)
{
	int sig = WSTOPSIG(st), event = st >> 16;
	if (!t->started) {
		t->started = true;
		if (sig == SIGSTOP)
			return 0;
	}
	if (sig == (SIGTRAP | 0x80)) {
		struct user_regs_struct r;
		ptrace(PTRACE_GETREGS, t->pid, NULL, &r);
		if (!t->in_syscall)
			syscall_entry(t, &r);
		else
			syscall_exit(t, r.eax);
		t->in_syscall = !t->in_syscall;
		return 0;
	}
	if (sig == SIGTRAP && event)
		return 0;                       /* fork, clone, exec: seen through the calls */
	return print_signal_stop(t, sig) ? 0 : sig;
}

static int trace(pid_t child)
{
	int st, status = 0;
	struct tracee *first = find(child, true);
	first->after_exec = false;
	if (waitpid(child, &st, __WALL) != child || !WIFSTOPPED(st)) {
		fprintf(stderr, "strace: the child did not stop\n");
		return 1;
	}
	first->started = true;
	long opts = PTRACE_O_TRACESYSGOOD | PTRACE_O_TRACEEXEC | PTRACE_O_EXITKILL;
	if (follow)
		opts |= PTRACE_O_TRACEFORK | PTRACE_O_TRACEVFORK | PTRACE_O_TRACECLONE;
	ptrace(PTRACE_SETOPTIONS, child, NULL, (void *)opts);
	ptrace(PTRACE_SYSCALL, child, NULL, NULL);
	while (ntracees > 0) {
		pid_t pid = waitpid(-1, &st, __WALL);
		if (pid < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		struct tracee *t = find(pid, true);
		if (!t)
			continue;
		if (WIFEXITED(st) || WIFSIGNALED(st)) {
			if (pid == child)
				status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
			tracee_gone(t, st);
			continue;
		}
		ptrace(PTRACE_SYSCALL, pid, NULL, (void *)(long)on_stop(t, st));
	}
	if (count_only)
		print_counts();
	return status;
}

int main(int argc, char **argv)
{
	const char *outname = NULL;
	int opt;
	while ((opt = getopt(argc, argv, "+fco:e:")) != -1) {
		switch (opt) {
		case 'f': follow = true; break;
		case 'c': count_only = true; break;
		case 'o': outname = optarg; break;
		case 'e':
			if (select_calls(optarg))
				return 1;
			break;
		default: usage();
		}
	}
	if (optind >= argc)
		usage();
	out = stderr;
	if (outname) {
		out = fopen(outname, "w");
		if (!out) {
			fprintf(stderr, "strace: can't fopen '%s': %s\n", outname, strerror(errno));
			return 1;
		}
		fcntl(fileno(out), F_SETFD, FD_CLOEXEC);       /* not the traced program's */
		to_file = true;
	}
	setvbuf(out, NULL, _IOLBF, 0);
	pid_t child = fork();
	if (child < 0) {
		perror("strace: fork");
		return 1;
	}
	if (child == 0) {
		ptrace(PTRACE_TRACEME, 0, NULL, NULL);
		raise(SIGSTOP);
		execvp(argv[optind], argv + optind);
		fprintf(stderr, "strace: exec %s: %s\n", argv[optind], strerror(errno));
		_exit(1);
	}
	return trace(child);
}
