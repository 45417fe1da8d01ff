/* process.c: process creation and waiting, ids, sessions and process groups, kill. */
#include <signal.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include "pthread_impl.h"

void __stdio_fork_child(int tid, int child_tid) __attribute__((weak));	/* only if the program uses stdio */

/* The child has one thread, the caller: it takes the child's tid (mutexes record owners by tid),
 * registers its robust list again, which the kernel does not copy, and frees the streams' locks
 * that threads it no longer has may have held. */
pid_t fork(void)
{
	pid_t pid = (pid_t)__sysret(__NR_fork);

	if (pid == 0) {
		struct pthread *self = __pthread_self();
		int tid = self->tid;

		self->tid = (int)__syscall(__NR_gettid);
		__thread_count = 1;
		if (self->robust.list.next)
			__syscall(__NR_set_robust_list, &self->robust, sizeof self->robust);
		if (__stdio_fork_child)
			__stdio_fork_child(tid, self->tid);
	}
	return pid;
}

pid_t wait4(pid_t pid, int *status, int options, struct rusage *ru)
{
	return (pid_t)__sysret_cp(__NR_wait4, pid, status, options, ru);
}

int waitid(idtype_t idtype, id_t id, siginfo_t *info, int options)
{
	return (int)__sysret(__NR_waitid, idtype, id, info, options, NULL);
}

pid_t waitpid(pid_t pid, int *status, int options) { return wait4(pid, status, options, NULL); }
pid_t wait(int *status) { return wait4(-1, status, 0, NULL); }
pid_t wait3(int *status, int options, struct rusage *ru) { return wait4(-1, status, options, ru); }

pid_t getpid(void) { return (pid_t)__syscall(__NR_getpid); }
pid_t getppid(void) { return (pid_t)__syscall(__NR_getppid); }
uid_t getuid(void) { return (uid_t)__syscall(__NR_getuid32); }
uid_t geteuid(void) { return (uid_t)__syscall(__NR_geteuid32); }
gid_t getgid(void) { return (gid_t)__syscall(__NR_getgid32); }
gid_t getegid(void) { return (gid_t)__syscall(__NR_getegid32); }
int setuid(uid_t uid) { return (int)__sysret(__NR_setuid32, uid); }
int setgid(gid_t gid) { return (int)__sysret(__NR_setgid32, gid); }
int seteuid(uid_t uid) { return (int)__sysret(__NR_setresuid32, -1, uid, -1); }
int setegid(gid_t gid) { return (int)__sysret(__NR_setresgid32, -1, gid, -1); }
int getgroups(int size, gid_t list[]) { return (int)__sysret(__NR_getgroups32, size, list); }

int setpgid(pid_t pid, pid_t pgid) { return (int)__sysret(__NR_setpgid, pid, pgid); }
pid_t getpgid(pid_t pid) { return (pid_t)__sysret(__NR_getpgid, pid); }
pid_t getpgrp(void) { return getpgid(0); }
pid_t setsid(void) { return (pid_t)__sysret(__NR_setsid); }
pid_t getsid(pid_t pid) { return (pid_t)__sysret(__NR_getsid, pid); }

pid_t tcgetpgrp(int fd)
{
	pid_t pgrp;

	return ioctl(fd, TIOCGPGRP, &pgrp) < 0 ? -1 : pgrp;
}

int tcsetpgrp(int fd, pid_t pgrp) { return ioctl(fd, TIOCSPGRP, &pgrp); }

int kill(pid_t pid, int sig) { return (int)__sysret(__NR_kill, pid, sig); }
int killpg(pid_t pgrp, int sig) { return kill(-pgrp, sig); }
/* As glibc: to the calling thread (si_code SI_TKILL). */
int raise(int sig) { return (int)__sysret(__NR_tgkill, getpid(), __syscall(__NR_gettid), sig); }

void _exit(int status)
{
	for (;;)
		__syscall(__NR_exit_group, status);
}
