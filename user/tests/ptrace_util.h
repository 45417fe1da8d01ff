/* ptrace_util.h: what the ptrace tests share: a wait for a tracee that gives
 * up after 10 s, a tracee's TracerPid, and its registers. */
#ifndef PTRACE_UTIL_H
#define PTRACE_UTIL_H

#include <sys/ptrace.h>
#include <sys/user.h>
#include "check.h"

/* waitpid(pid, __WALL) for at most 10 s: the pid, or -1 (the tracee is then killed). */
CHECK_FN pid_t twait(pid_t pid, int *st)
{
	for (int i = 0; i < 1000; i++) {
		pid_t r = waitpid(pid, st, WNOHANG | __WALL);
		if (r != 0)
			return r;
		sleep_ms(10);
	}
	kill(pid, SIGKILL);
	return -1;
}

/* The wait status of pid's next stop or exit, or -1. */
CHECK_FN int next_status(pid_t pid)
{
	int st;
	return twait(pid, &st) == pid ? st : -1;
}

/* The stop's event (status >> 16) and signal. */
#define STOP_EVENT(st) (((st) >> 16) & 0xff)

CHECK_FN int tracer_pid(pid_t pid)
{
	char buf[512];
	char *t = read_proc_file(pid, "status", buf, sizeof buf) ? strstr(buf, "TracerPid:") : NULL;
	return t ? atoi(t + 10) : -1;
}

CHECK_FN struct user_regs_struct get_regs(pid_t pid)
{
	struct user_regs_struct r;
	memset(&r, 0xff, sizeof r);
	ptrace(PTRACE_GETREGS, pid, NULL, &r);
	return r;
}

/* A child that asks to be traced and stops itself before fn runs. */
CHECK_FN pid_t spawn_traced(int (*fn)(void *), void *arg)
{
	pid_t pid = fork();
	if (pid == 0) {
		ptrace(PTRACE_TRACEME, 0, NULL, NULL);
		raise(SIGSTOP);
		_exit(fn(arg));
	}
	return pid;
}

#endif
