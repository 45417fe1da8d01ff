/* exec_script: execve of a "#!" script runs its interpreter with the optional
 * argument, the script's path and the caller's arguments, as Linux does; a
 * script without execute permission gives EACCES, a missing interpreter ENOENT. */
#include "check.h"

#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static char path[64];

static void write_script(const char *text, mode_t mode)
{
	unlink(path);
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, mode);
	CHECK(fd >= 0, "create the script");
	CHECK_EQ(write(fd, text, strlen(text)), (long)strlen(text), "write the script");
	close(fd);
	chmod(path, mode);
}

/* Runs the script with two arguments and returns what it printed. */
static void run_script(char *out, size_t size)
{
	int p[2];
	CHECK_OK(pipe(p), "pipe");
	pid_t pid = fork();
	if (pid == 0) {
		dup2(p[1], 1);
		execl(path, path, "a", "b c", (char *)NULL);
		_exit(127);
	}
	close(p[1]);
	size_t n = 0;
	ssize_t r;
	while (n < size - 1 && (r = read(p[0], out + n, size - 1 - n)) > 0)
		n += r;
	out[n] = 0;
	close(p[0]);
	expect_exit(wait_status(pid), 0, "the script's interpreter exits 0");
}

static int exec_status(void *unused)
{
	(void)unused;
	execl(path, path, (char *)NULL);
	return errno;
}

/* execve(script, {NULL}, {"A=1", "B=2", NULL}): no argv[0] to replace, and
 * the whole environment must still reach the interpreter (this program). */
static int exec_without_argv(void *unused)
{
	(void)unused;
	char *argv[] = { NULL };
	char *envp[] = { "A=1", "B=2", NULL };
	execve(path, argv, envp);
	return 127;
}

int main(int argc, char **argv)
{
	char out[256], want[256];
	/* Run as the interpreter of the script below: report the environment. */
	if (argc > 1 && strcmp(argv[1], "envcheck") == 0) {
		const char *a = getenv("A"), *b = getenv("B");
		return a && b && strcmp(a, "1") == 0 && strcmp(b, "2") == 0 ? 0 : 1;
	}
	snprintf(path, sizeof path, "/tmp/exec_script_%d", (int)getpid());

	write_script("#!/bin/echo from-script\n", 0755);
	run_script(out, sizeof out);
	snprintf(want, sizeof want, "from-script %s a b c\n", path);
	CHECK(strcmp(out, want) == 0, "interpreter gets its argument, the path and the arguments");

	write_script("#!/bin/echo\n", 0755);
	run_script(out, sizeof out);
	snprintf(want, sizeof want, "%s a b c\n", path);
	CHECK(strcmp(out, want) == 0, "interpreter without an argument");

	write_script("#!/bin/echo x\n", 0644);
	expect_exit(run_child(exec_status, NULL), EACCES, "a script without execute permission: EACCES");

	write_script("#!/nonexistent/interpreter\n", 0755);
	expect_exit(run_child(exec_status, NULL), ENOENT, "a missing interpreter: ENOENT");

	char self[128];
	ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
	CHECK(n > 0, "readlink /proc/self/exe");
	self[n > 0 ? n : 0] = 0;
	snprintf(want, sizeof want, "#!%s envcheck\n", self);
	write_script(want, 0755);
	expect_exit(run_child(exec_without_argv, NULL), 0,
		    "a script run with an empty argv still gets the whole environment");

	unlink(path);
	return done();
}
