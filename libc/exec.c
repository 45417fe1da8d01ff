/* exec.c: execve and the exec family: execv/execvp/execvpe (PATH search) and the list forms
 * execl/execlp/execle. */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "sysdep.h"

int execve(const char *path, char *const argv[], char *const envp[])
{
	return (int)__sysret(__NR_execve, path, argv, envp);
}

int execv(const char *path, char *const argv[])
{
	return execve(path, argv, environ);
}

int execvpe(const char *file, char *const argv[], char *const envp[])
{
	const char *path, *p;
	char buf[PATH_MAX];
	int seen_eacces = 0;
	size_t flen = strlen(file);

	if (!*file) {
		errno = ENOENT;
		return -1;
	}
	if (strchr(file, '/'))
		return execve(file, argv, envp);
	path = getenv("PATH");
	if (!path)
		path = "/bin:/usr/bin";
	for (p = path;; p++) {
		const char *end = strchrnul(p, ':');
		size_t dlen = (size_t)(end - p);

		/* An empty PATH element means the current directory. */
		if (dlen + 1 + flen < sizeof buf) {
			memcpy(buf, p, dlen);
			buf[dlen] = '/';
			memcpy(buf + (dlen ? dlen + 1 : 0), file, flen + 1);
			execve(buf, argv, envp);
			if (errno == EACCES)
				seen_eacces = 1;
			else if (errno != ENOENT && errno != ENOTDIR)
				return -1;
		}
		p = end;
		if (!*p)
			break;
	}
	errno = seen_eacces ? EACCES : ENOENT;
	return -1;
}

int execvp(const char *file, char *const argv[])
{
	return execvpe(file, argv, environ);
}

/* The list forms copy their arguments into an argv on the stack. ap is left open after the
 * terminating NULL, where execle finds envp. */
#define COLLECT_ARGS(arg, argv)						\
	va_list ap;							\
	int argc = 1;							\
	va_start(ap, arg);						\
	while (va_arg(ap, char *))					\
		argc++;							\
	va_end(ap);							\
	char *argv[argc + 1];						\
	argv[0] = (char *)(arg);					\
	va_start(ap, arg);						\
	for (int i = 1; i <= argc; i++)					\
		argv[i] = va_arg(ap, char *)

int execl(const char *path, const char *arg, ...)
{
	COLLECT_ARGS(arg, argv);
	va_end(ap);
	return execve(path, argv, environ);
}

int execlp(const char *file, const char *arg, ...)
{
	COLLECT_ARGS(arg, argv);
	va_end(ap);
	return execvp(file, argv);
}

int execle(const char *path, const char *arg, ...)
{
	char **envp;

	COLLECT_ARGS(arg, argv);
	envp = va_arg(ap, char **);
	va_end(ap);
	return execve(path, argv, envp);
}
