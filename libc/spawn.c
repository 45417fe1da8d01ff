/* spawn.c: system, popen and pclose: "/bin/sh -c command" started with vfork,
 * as glibc does (through posix_spawn): the child shares the memory and only
 * execs or _exits, the parent goes on once it has. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>
#include "stdio_impl.h"

extern char **environ;

static _Noreturn void exec_shell(const char *command)
{
	char *argv[] = { "sh", "-c", (char *)command, NULL };
	execve("/bin/sh", argv, environ);
	_exit(127);
}

static int wait_child(pid_t pid)
{
	int status;

	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return -1;
	return status;
}

/* POSIX: SIGINT and SIGQUIT ignored and SIGCHLD blocked while the command runs. */
int system(const char *command)
{
	struct sigaction ign = { .sa_handler = SIG_IGN }, oint, oquit;
	sigset_t chld, omask;
	pid_t pid;

	if (!command)
		return access("/bin/sh", X_OK) == 0;
	sigemptyset(&chld);
	sigaddset(&chld, SIGCHLD);
	sigprocmask(SIG_BLOCK, &chld, &omask);
	sigaction(SIGINT, &ign, &oint);
	sigaction(SIGQUIT, &ign, &oquit);
	pid = vfork();
	if (pid == 0) {
		sigaction(SIGINT, &oint, NULL);
		sigaction(SIGQUIT, &oquit, NULL);
		sigprocmask(SIG_SETMASK, &omask, NULL);
		exec_shell(command);
	}
	int status = pid > 0 ? wait_child(pid) : -1;
	sigaction(SIGINT, &oint, NULL);
	sigaction(SIGQUIT, &oquit, NULL);
	sigprocmask(SIG_SETMASK, &omask, NULL);
	return status;
}

FILE *popen(const char *command, const char *mode)
{
	int fds[2], parent_end, child_end, target;
	FILE *f;
	pid_t pid;

	if ((mode[0] != 'r' && mode[0] != 'w') || (mode[1] && mode[1] != 'e')) {
		errno = EINVAL;
		return NULL;
	}
	if (pipe2(fds, O_CLOEXEC) < 0)
		return NULL;
	parent_end = mode[0] == 'r' ? fds[0] : fds[1];
	child_end = mode[0] == 'r' ? fds[1] : fds[0];
	target = mode[0] == 'r' ? 1 : 0;
	f = fdopen(parent_end, mode[0] == 'r' ? "r" : "w");
	if (!f) {
		close(fds[0]);
		close(fds[1]);
		return NULL;
	}
	pid = vfork();
	if (pid == 0) {
		/* dup2 onto itself would keep close-on-exec set. */
		if (child_end == target)
			fcntl(target, F_SETFD, 0);
		else
			dup2(child_end, target);
		exec_shell(command);
	}
	close(child_end);
	if (pid < 0) {
		fclose(f);
		return NULL;
	}
	if (mode[1] != 'e')
		fcntl(parent_end, F_SETFD, 0);
	f->pid = pid;
	return f;
}

int pclose(FILE *f)
{
	pid_t pid = f->pid;

	fclose(f);
	return pid > 0 ? wait_child(pid) : -1;
}
