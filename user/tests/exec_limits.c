/* exec_limits: execve's limits and errors, as Linux: five levels of #!
 * scripts run and a sixth is ELOOP (it was ENOEXEC); a #! line longer than
 * the 256 bytes read whose interpreter path does not fit is ENOEXEC (it
 * was ENOENT); the strings may take a quarter of RLIMIT_STACK, each at most
 * 128 KiB, E2BIG beyond (125 KiB of arguments, 200 KiB of environment or
 * 4,097 strings used to be E2BIG); ETXTBSY both ways: a running program
 * cannot be opened for writing or truncated, a file open for writing cannot
 * be executed. */
#include "check.h"

#include <fcntl.h>
#include <stdlib.h>
#include <sys/resource.h>

static char self[256];

/* Runs path with argv and envp in a child: 42 if it ran, else the errno. */
static int try_exec(const char *path, char **argv, char **envp)
{
	pid_t pid = fork();
	if (pid == 0) {
		execve(path, argv, envp);
		_exit(errno);
	}
	int st = wait_status(pid);
	return st != -1 && WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

static void write_file(const char *path, const char *text, size_t len, mode_t mode)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, mode);
	write(fd, text, len);
	close(fd);
}

static void test_script_depth(void)
{
	char path[64], text[320];
	for (int i = 1; i <= 6; i++) {
		snprintf(path, sizeof path, "/tmp/exec_limits_s%d", i);
		if (i == 6)
			snprintf(text, sizeof text, "#!%s exit42\n", self);
		else
			snprintf(text, sizeof text, "#!/tmp/exec_limits_s%d\n", i + 1);
		write_file(path, text, strlen(text), 0755);
	}
	char *argv[] = { "script", NULL }, *envp[] = { NULL };
	CHECK_EQ(try_exec("/tmp/exec_limits_s2", argv, envp), 42, "five levels of #! run");
	CHECK_EQ(try_exec("/tmp/exec_limits_s1", argv, envp), ELOOP, "six levels are ELOOP");
	for (int i = 1; i <= 6; i++) {
		snprintf(path, sizeof path, "/tmp/exec_limits_s%d", i);
		unlink(path);
	}

	memset(text, 'a', sizeof text);
	memcpy(text, "#!/", 3);
	text[sizeof text - 1] = '\n';
	write_file("/tmp/exec_limits_long", text, sizeof text, 0755);
	CHECK_EQ(try_exec("/tmp/exec_limits_long", argv, envp), ENOEXEC,
		 "a #! interpreter path past 256 bytes is ENOEXEC");
	memcpy(text, "#!/tmp/exec_limits_none ", 24);
	write_file("/tmp/exec_limits_long", text, sizeof text, 0755);
	CHECK_EQ(try_exec("/tmp/exec_limits_long", argv, envp), ENOENT,
		 "a long argument is cut: the missing interpreter is ENOENT");
	unlink("/tmp/exec_limits_long");
}

/* n strings of len bytes each (plus the NUL), after the given head. */
static char **strings(char **head, int nhead, int n, size_t len)
{
	char **v = malloc((nhead + n + 1) * sizeof *v);
	char *s = malloc(len + 1);
	memset(s, 'x', len);
	s[len] = 0;
	for (int i = 0; i < nhead; i++)
		v[i] = head[i];
	for (int i = 0; i < n; i++)
		v[nhead + i] = s;
	v[nhead + n] = NULL;
	return v;
}

static int exec_with_stack(rlim_t stack, char **argv, char **envp)
{
	struct rlimit rl;
	getrlimit(RLIMIT_STACK, &rl);
	rl.rlim_cur = stack;
	setrlimit(RLIMIT_STACK, &rl);
	return try_exec(self, argv, envp);
}

static void test_arg_limits(void)
{
	char *head[] = { self, "exit42", NULL };
	char *none[] = { NULL };
	char **v = strings(head, 2, 1, 125 * 1024);
	CHECK_EQ(exec_with_stack(8 << 20, v, none), 42, "125 KiB of arguments");
	v = strings(head, 0, 50, 4096);
	CHECK_EQ(exec_with_stack(8 << 20, head, v), 42, "200 KiB of environment");
	v = strings(head, 2, 5000, 8);
	CHECK_EQ(exec_with_stack(8 << 20, v, none), 42, "5,000 strings");
	v = strings(head, 2, 1, 128 * 1024 - 1);
	CHECK_EQ(exec_with_stack(8 << 20, v, none), 42, "one string of 128 KiB with its NUL");
	v = strings(head, 2, 1, 128 * 1024);
	CHECK_EQ(exec_with_stack(8 << 20, v, none), E2BIG, "one byte more is E2BIG");
	v = strings(head, 2, 30, 100 * 1024);
	CHECK_EQ(exec_with_stack(8 << 20, v, none), E2BIG, "3 MiB with an 8 MiB stack limit is E2BIG");
	CHECK_EQ(exec_with_stack(16 << 20, v, none), 42, "and fits a 16 MiB one");
}

static void copy_self(const char *to)
{
	static char buf[65536];
	int in = open(self, O_RDONLY), out = open(to, O_WRONLY | O_CREAT | O_TRUNC, 0755);
	ssize_t n;
	while ((n = read(in, buf, sizeof buf)) > 0)
		write(out, buf, n);
	close(in);
	close(out);
}

static void test_txtbsy(void)
{
	const char *copy = "/tmp/exec_limits_copy";
	copy_self(copy);
	char *argv[] = { (char *)copy, "exit42", NULL }, *envp[] = { NULL };
	int fd = open(copy, O_WRONLY);
	CHECK_EQ(try_exec(copy, argv, envp), ETXTBSY, "a file open for writing cannot be executed");
	close(fd);
	CHECK_EQ(try_exec(copy, argv, envp), 42, "once closed, it runs");

	int p[2];
	pipe(p);
	pid_t pid = fork();
	if (pid == 0) {
		char *wait_argv[] = { (char *)copy, "wait", NULL };
		dup2(p[0], 0);
		close(p[1]);
		execve(copy, wait_argv, envp);
		_exit(1);
	}
	close(p[0]);
	int ready = 0;
	for (int i = 0; i < 250 && !ready; i++) {
		/* Until the child's exec has happened: then the file is busy. */
		fd = open(copy, O_WRONLY);
		ready = fd == -1 && errno == ETXTBSY;
		if (fd >= 0)
			close(fd);
		if (!ready)
			sleep_ms(20);
	}
	CHECK(ready, "a running program cannot be opened for writing");
	CHECK_ERR(open(copy, O_RDONLY | O_TRUNC), ETXTBSY, "nor truncated by open");
	CHECK_ERR(truncate(copy, 0), ETXTBSY, "nor by truncate");
	fd = open(copy, O_RDONLY);
	CHECK(fd >= 0, "it can be opened for reading");
	close(fd);
	close(p[1]);
	expect_exit(wait_status(pid), 7, "the program ran on");
	fd = open(copy, O_WRONLY);
	CHECK(fd >= 0, "after it exited, it can be opened for writing");
	close(fd);
	unlink(copy);
}

int main(int argc, char **argv)
{
	if (argc > 1 && strcmp(argv[1], "exit42") == 0)
		return 42;
	if (argc > 1 && strcmp(argv[1], "wait") == 0) {
		char c;
		return read(0, &c, 1) == 0 ? 7 : 8;
	}
	ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
	CHECK(n > 0, "readlink /proc/self/exe");
	test_script_depth();
	test_arg_limits();
	test_txtbsy();
	return done();
}
