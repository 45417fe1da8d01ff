/* init: PID 1. The kernel turns its command line into our environment; "mode" picks what we do:
 *   mode=test  run the programs of /tests (those named in /etc/tests.list, one a line, in that
 *              order, when the harness put one there; otherwise all of them by name), framed by
 *              the @@TEST/@@RESULT/@@DONE markers, then power off;
 *   mode=krun  run the one command line stored in /etc/krun.args and power off with its status;
 *   otherwise  keep a login shell running on the console: $SHELL (SHELL=/bin/sh on the kernel
 *              command line picks the project's own), by default busybox's ash, /bin/sh if that fails.
 * The kernel gives us HOME=/ and TERM=linux, as Linux does; we add PATH unless the command line
 * set it: /bin (the project's programs) before /usr/bin (busybox's applets).
 * The markers also go to the kernel log (/dev/kmsg), where the host cuts it into what each test
 * printed. Every mode reaps orphans, since they are all re-parented to us.
 * So both paths can be exercised on the host, TESTDIR, TESTLIST, KRUN_ARGS, KRUN_STDOUT and
 * KRUN_STDERR override /tests, /etc/tests.list, /etc/krun.args, /dev/ttyS0 and /dev/ttyS1.
 * See docs/conventions.md. */
#include <dirent.h>
#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <uapi/reboot.h>
#include <unistd.h>

static const char *env_or(const char *var, const char *fallback)
{
	const char *v = getenv(var);
	return v ? v : fallback;
}

static _Noreturn void poweroff(int code)
{
	fflush(stdout);
	/* Through syscall(): glibc's reboot() cannot pass the code, which travels in the fourth argument. */
	syscall(SYS_reboot, LINUX_REBOOT_MAGIC1, LINUX_REBOOT_MAGIC2, LINUX_REBOOT_CMD_POWER_OFF,
		(long)code);
	/* Only reached when not privileged (on the host); exiting is the closest thing. */
	warn("reboot");
	exit(code);
}

/* For errors init cannot go on from: powering off with a failure code tells the harness more than
 * PID 1 exiting (a panic) would. */
static _Noreturn void fail(const char *what)
{
	warn("%s", what);
	poweroff(1);
}

/* The harness compares bytes, so the tty must not turn "\n" into "\r\n". Not a tty: nothing to do. */
static void raw_output(int fd)
{
	struct termios t;

	if (tcgetattr(fd, &t) == 0) {
		t.c_oflag &= ~OPOST;
		tcsetattr(fd, TCSANOW, &t);
	}
}

/* Waits for pid, reaping any orphan that exits meanwhile. */
static int wait_for(pid_t pid)
{
	int status;
	pid_t r;

	while ((r = wait(&status)) != pid)
		if (r < 0 && errno != EINTR)
			fail("wait");
	return status;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void add_name(char ***names, size_t *n, const char *name)
{
	*names = realloc(*names, (*n + 1) * sizeof **names);
	if (!*names || !((*names)[(*n)++] = strdup(name)))
		fail("malloc");
}

/* Every program in dir, by name. */
static size_t list_dir(const char *dir, char ***names)
{
	size_t n = 0;
	struct dirent *de;
	DIR *d = opendir(dir);

	if (!d)
		fail(dir);
	while ((de = readdir(d)) != NULL)
		if (de->d_name[0] != '.')
			add_name(names, &n, de->d_name);
	closedir(d);
	qsort(*names, n, sizeof **names, by_name);
	return n;
}

/* The names in the list file, one a line; returns -1 if there is no such file. */
static ssize_t read_list(const char *path, char ***names)
{
	char line[256];
	size_t n = 0;
	FILE *f = fopen(path, "r");

	if (!f)
		return -1;
	while (fgets(line, sizeof line, f)) {
		line[strcspn(line, "\n")] = '\0';
		if (line[0])
			add_name(names, &n, line);
	}
	fclose(f);
	return (ssize_t)n;
}

/* Puts a line into the kernel log at the debug level, which no console shows. */
static void klog_line(int kmsg, const char *line)
{
	char buf[320];
	int len = snprintf(buf, sizeof buf, "<7>%s", line);

	if (kmsg >= 0 && write(kmsg, buf, len) < 0)
		warn("/dev/kmsg");
}

/* Prints a protocol line on stdout and the same line into the kernel log. */
static void mark(int kmsg, const char *fmt, ...)
{
	char buf[300];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	fputs(buf, stdout);
	fflush(stdout);
	klog_line(kmsg, buf);
}

static _Noreturn void run_tests(void)
{
	const char *dir = env_or("TESTDIR", "/tests");
	char **names = NULL;
	ssize_t listed = read_list(env_or("TESTLIST", "/etc/tests.list"), &names);
	size_t n = listed >= 0 ? (size_t)listed : list_dir(dir, &names);
	int kmsg = open("/dev/kmsg", O_WRONLY | O_CLOEXEC);

	raw_output(1);
	for (size_t i = 0; i < n; i++) {
		mark(kmsg, "@@TEST %s\n", names[i]);
		pid_t pid = fork();
		if (pid < 0)
			fail("fork");
		if (pid == 0) {
			char path[4096];
			char *argv[] = { names[i], NULL };

			snprintf(path, sizeof path, "%s/%s", dir, names[i]);
			if (chdir("/") == 0)
				execv(path, argv);
			warn("%s", path);
			_exit(127);
		}
		int status = wait_for(pid);
		if (WIFSIGNALED(status))
			mark(kmsg, "@@RESULT %s signal %d\n", names[i], WTERMSIG(status));
		else
			mark(kmsg, "@@RESULT %s exit %d\n", names[i], WEXITSTATUS(status));
	}
	printf("@@DONE\n");
	poweroff(0);
}

/* /etc/krun.args holds NUL-terminated strings; returns them as a NULL-terminated argv. */
static char **read_args(const char *path)
{
	size_t len = 0, cap = 256, argc = 0;
	char *buf = malloc(cap + 1);
	ssize_t r;
	int fd = open(path, O_RDONLY);

	if (fd < 0)
		fail(path);
	while (buf && (r = read(fd, buf + len, cap - len)) != 0) {
		if (r < 0)
			fail(path);
		len += r;
		if (len == cap)
			buf = realloc(buf, (cap *= 2) + 1);
	}
	close(fd);
	if (!buf)
		fail("malloc");
	if (len == 0 || buf[len - 1] != '\0')
		buf[len++] = '\0'; /* tolerate a missing final terminator */

	char **argv = malloc((len + 1) * sizeof *argv);
	if (!argv)
		fail("malloc");
	for (char *s = buf; s < buf + len; s += strlen(s) + 1)
		argv[argc++] = s;
	argv[argc] = NULL;
	if (argv[0][0] == '\0') {
		errno = EINVAL;
		fail(path);
	}
	return argv;
}

static void redirect(int fd, const char *path, int flags)
{
	int f = open(path, flags);

	if (f < 0 || dup2(f, fd) < 0)
		fail(path);
	if (f != fd)
		close(f);
}

/* krun shows the kernel log from this line on: what the program made the kernel print. */
static void mark_krun_start(void)
{
	int kmsg = open("/dev/kmsg", O_WRONLY | O_CLOEXEC);

	klog_line(kmsg, "@@KRUN start\n");
	if (kmsg >= 0)
		close(kmsg);
}

static _Noreturn void run_krun(void)
{
	char **argv = read_args(env_or("KRUN_ARGS", "/etc/krun.args"));

	mark_krun_start();
	pid_t pid = fork();

	if (pid < 0)
		fail("fork");
	if (pid == 0) {
		redirect(0, "/dev/null", O_RDONLY);
		redirect(1, env_or("KRUN_STDOUT", "/dev/ttyS0"), O_WRONLY);
		redirect(2, env_or("KRUN_STDERR", "/dev/ttyS1"), O_WRONLY);
		raw_output(1);
		raw_output(2);
		execvp(argv[0], argv);       /* a bare name is looked up on PATH */
		warn("%s", argv[0]);
		_exit(127);
	}
	int status = wait_for(pid);
	poweroff(WIFSIGNALED(status) ? 128 + WTERMSIG(status) : WEXITSTATUS(status));
}

/* A login shell: argv[0] is "-" and the program's name, which tells ash to read /etc/profile. */
static void exec_login_shell(const char *path)
{
	const char *base = strrchr(path, '/');
	char argv0[64];

	snprintf(argv0, sizeof argv0, "-%s", base ? base + 1 : path);
	execl(path, argv0, (char *)NULL);
	warn("%s", path);
}

static _Noreturn void run_shells(void)
{
	const char *shell = env_or("SHELL", "/usr/bin/ash");

	for (;;) {
		time_t start = time(NULL);
		pid_t pid = fork();

		if (pid == 0) {
			/* A session of its own with the console as controlling terminal, so ^C goes to
			 * the shell's foreground process group and never to init. */
			setsid();
			ioctl(0, TIOCSCTTY, 0);
			tcsetpgrp(0, getpid());
			exec_login_shell(shell);
			if (strcmp(shell, "/bin/sh") != 0)
				exec_login_shell("/bin/sh");
			_exit(127);
		}
		if (pid < 0)
			warn("fork");
		else
			wait_for(pid);
		if (time(NULL) - start < 2)
			sleep(1); /* no fork, or a shell that cannot run or read: do not spin */
	}
}

/* The drivers that are modules, in /lib/modules/modules.order (one file
 * name a line): loaded first, in that order, as built-in drivers were. */
static void load_modules(void)
{
	FILE *order = fopen("/lib/modules/modules.order", "r");
	char name[128], path[160];
	while (order && fgets(name, sizeof(name), order)) {
		name[strcspn(name, "\n")] = '\0';
		snprintf(path, sizeof(path), "/lib/modules/%s", name);
		int fd = open(path, O_RDONLY | O_CLOEXEC);
		if (fd < 0 || syscall(SYS_finit_module, fd, "", 0) != 0)
			fprintf(stderr, "init: cannot load %s: %s\n", path, strerror(errno));
		if (fd >= 0)
			close(fd);
	}
	if (order)
		fclose(order);
}

int main(void)
{
	const char *mode = env_or("mode", "");

	setenv("PATH", "/bin:/sbin:/usr/bin", 0);
	load_modules();

	if (strcmp(mode, "test") == 0)
		run_tests();
	if (strcmp(mode, "krun") == 0)
		run_krun();
	run_shells();
}
