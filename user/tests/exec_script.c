/* exec_script: execve of a "#!" script runs its interpreter with the optional
 * argument, the script's path and the caller's arguments, as Linux does; a
 * script without execute permission gives EACCES, a missing interpreter ENOENT. */
#include "check.h"

#include <fcntl.h>
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
	int st;
	waitpid(pid, &st, 0);
	expect_exit(st, 0, "the script's interpreter exits 0");
}

static int exec_status(void *unused)
{
	(void)unused;
	execl(path, path, (char *)NULL);
	return errno;
}

int main(void)
{
	char out[256], want[256];
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

	unlink(path);
	return done();
}
