/* strace_output: /bin/strace's lines for a fixed program (this one, run
 * with an argument), compared with the lines strace prints for the same
 * calls on Linux: quoting and truncation of a write buffer, an error with its
 * name and message, open flags, an unknown ioctl's _IOC fields and ENOTTY,
 * mmap2's flags, a signal with its siginfo, exit_group and the exit; then
 * -e trace=, -c's table and -f's [pid N] lines. Kernel-only: it runs the
 * project's strace. */
#include "check.h"
#include <stdbool.h>
#include <sys/ioctl.h>

#define OUT "/tmp/strace_output.txt"

static char self[256];

static void on_usr1(int sig)
{
	(void)sig;
}

static int traced_program(bool forks)
{
	static const char msg[] = "hi\tthere\n\"quoted\" and a string longer than 32";
	raw_syscall(__NR_write, 99, (long)msg, sizeof msg - 1);
	long fd = raw_syscall(__NR_openat, -100, (long)"/dev/null", O_RDONLY);
	raw_syscall6(__NR_openat, -100, (long)"/nonexistent/file", O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644, 0, 0);
	raw_syscall(__NR_ioctl, fd, _IO(0xae, 2), 0);
	raw_syscall6(__NR_mmap2, 0, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	set_handler(SIGUSR1, on_usr1, 0);
	raw_syscall(__NR_kill, raw_syscall(__NR_getpid, 0, 0, 0), SIGUSR1, 0);
	if (forks) {
		long pid = raw_syscall(__NR_fork, 0, 0, 0);
		if (pid == 0)
			raw_syscall(__NR_exit_group, 4, 0, 0);
		int st;
		waitpid((pid_t)pid, &st, 0);
	}
	raw_syscall(__NR_exit_group, 3, 0, 0);
	return 1;
}

/* strace's output for self with args, or NULL. */
static char *run_strace(const char *opt1, const char *opt2, const char *arg)
{
	static char buf[16384];
	pid_t pid = fork();
	if (pid == 0) {
		const char *argv[8];
		int n = 0;
		argv[n++] = "strace";
		if (opt1)
			argv[n++] = opt1;
		if (opt2)
			argv[n++] = opt2;
		argv[n++] = "-o";
		argv[n++] = OUT;
		argv[n++] = self;
		argv[n++] = arg;
		argv[n] = NULL;
		execv("/bin/strace", (char **)argv);
		_exit(127);
	}
	int st = -1;
	for (int i = 0; i < 1000 && waitpid(pid, &st, WNOHANG) == 0; i++)
		sleep_ms(10);
	if (!WIFEXITED(st) || WEXITSTATUS(st) != 3) {
		kill(pid, SIGKILL);
		return NULL;
	}
	int fd = open(OUT, O_RDONLY);
	ssize_t n = fd < 0 ? -1 : read(fd, buf, sizeof buf - 1);
	close(fd);
	unlink(OUT);
	if (n < 0)
		return NULL;
	buf[n] = '\0';
	return buf;
}

/* Each expected line must follow the last one found; "*" in one matches
 * any run of characters (an address, a pid, the padding). */
static bool line_matches(const char *line, size_t len, const char *want)
{
	if (!*want)
		return len == 0;
	if (*want == '*') {
		for (size_t i = 0; i <= len; i++)
			if (line_matches(line + i, len - i, want + 1))
				return true;
		return false;
	}
	return len && *line == *want && line_matches(line + 1, len - 1, want + 1);
}

static void expect_lines(const char *text, const char *const *want, const char *what)
{
	const char *p = text ? text : "";
	int k = 0;
	while (want[k] && *p) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		if (line_matches(p, len, want[k]))
			k++;
		p += len + (nl != NULL);
	}
	char d[200];
	snprintf(d, sizeof d, "missing: %s", want[k] ? want[k] : "");
	check_record(text && !want[k], what, d);
}

int main(int argc, char **argv)
{
	if (argc > 1)
		return traced_program(strcmp(argv[1], "fork") == 0);
	ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
	self[n > 0 ? n : 0] = '\0';
	char *text = run_strace(NULL, NULL, "plain");
	static const char *const plain[] = {
		"execve(\"*\", [\"*\", \"plain\"], 0x* /* * vars */) = 0",
		"write(99, \"hi\\tthere\\n\\\"quoted\\\" and a string l\"..., 45) = -1 EBADF (Bad file descriptor)",
		"openat(AT_FDCWD, \"/dev/null\", O_RDONLY) = 3",
		"openat(AT_FDCWD, \"/nonexistent/file\", O_WRONLY|O_CREAT|O_TRUNC|O_CLOEXEC, 0644) = -1 ENOENT (No such file or directory)",
		"ioctl(3, _IOC(_IOC_NONE, 0xae, 0x2, 0), 0) = -1 ENOTTY (Inappropriate ioctl for device)",
		"mmap2(NULL, 4096, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x*",
		"kill(*, SIGUSR1)* = 0",
		"--- SIGUSR1 {si_signo=SIGUSR1, si_code=SI_USER, si_pid=*, si_uid=0} ---",
		"exit_group(3)                           = ?",
		"+++ exited with 3 +++",
		NULL,
	};
	expect_lines(text, plain, "strace: the calls, the signal and the exit as strace prints them");
	text = run_strace("-e", "trace=openat", "plain");
	static const char *const only[] = {
		"openat(AT_FDCWD, \"/dev/null\", O_RDONLY) = 3",
		"openat(AT_FDCWD, \"/nonexistent/file\", *",
		"--- SIGUSR1 {si_signo=SIGUSR1, si_code=SI_USER, si_pid=*, si_uid=0} ---",
		"+++ exited with 3 +++",
		NULL,
	};
	expect_lines(text, only, "strace -e trace=openat: only openat, signals and the exit");
	CHECK(text && !strstr(text, "write(") && !strstr(text, "ioctl("), "strace -e trace=openat: no other call");
	text = run_strace("-c", NULL, "plain");
	static const char *const table[] = {
		"% time     seconds  usecs/call     calls    errors syscall",
		"------ ----------- ----------- --------- --------- ----------------",
		"* *.* * * 2 * openat",
		"------ ----------- ----------- --------- --------- ----------------",
		"100.00 * * * * total",
		NULL,
	};
	expect_lines(text, table, "strace -c: the table of counts");
	CHECK(text && strstr(text, "         1         1 write\n"), "strace -c: write counted once, one error");
	text = run_strace("-f", NULL, "fork");
	static const char *const forks[] = {
		"* fork()* = *",
		"* exit_group(4)* = ?",
		"* +++ exited with 4 +++",
		"* --- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=*, si_uid=0, si_status=4, si_utime=0, si_stime=0} ---",
		"* exit_group(3)* = ?",
		"* +++ exited with 3 +++",
		NULL,
	};
	expect_lines(text, forks, "strace -f: the child's calls and exit, with pids");
	return done();
}
