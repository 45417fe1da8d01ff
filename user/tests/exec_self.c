/* exec_self: /proc/self/exe names the program by its absolute path, whatever
 * path execve was given, so a program started through /proc/self/exe (as
 * busybox's shell runs its applets) or as ./NAME (glibc asks for its origin)
 * can exec itself again. The children report through their exit status:
 * 0 when every hop saw the same absolute path, 200 when a hop saw another
 * path, 201 when readlink failed, otherwise the errno of a failed exec. */
#include "check.h"

#include <stdlib.h>
#include <string.h>

static char self[256];

static int read_exe(char *buf, size_t size)
{
	ssize_t n = readlink("/proc/self/exe", buf, size - 1);
	if (n <= 0)
		return -1;
	buf[n] = '\0';
	return 0;
}

/* argv: NAME want hops. Checks the link, then execs through it hops more times. */
static _Noreturn void hop(char *want, int hops)
{
	char got[sizeof self], left[16];
	if (read_exe(got, sizeof got) < 0)
		_exit(201);
	if (strcmp(got, want) != 0)
		_exit(200);
	if (hops == 0)
		_exit(0);
	snprintf(left, sizeof left, "%d", hops - 1);
	execl("/proc/self/exe", "exec_self", want, left, (char *)NULL);
	_exit(errno);
}

static int through_proc_self_exe(void *unused)
{
	(void)unused;
	hop(self, 3);
}

static int as_dot_slash(void *unused)
{
	(void)unused;
	char *slash = strrchr(self, '/'), dot[sizeof self];
	snprintf(dot, sizeof dot, ".%s", slash);
	*slash = '\0';
	if (chdir(*self ? self : "/") < 0)
		_exit(202);
	*slash = '/';
	execl(dot, "exec_self", self, "1", (char *)NULL);
	_exit(errno);
}

int main(int argc, char **argv)
{
	if (argc == 3)
		hop(argv[1], atoi(argv[2]));
	CHECK(read_exe(self, sizeof self) == 0, "readlink /proc/self/exe");
	CHECK(self[0] == '/', "/proc/self/exe is an absolute path");
	expect_exit(run_child(through_proc_self_exe, NULL), 0,
		    "exec through /proc/self/exe three times over keeps naming the program");
	expect_exit(run_child(as_dot_slash, NULL), 0,
		    "a program started as ./NAME sees its absolute path, and can exec it again");
	return done();
}
