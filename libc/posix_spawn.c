/* posix_spawn.c: posix_spawn over vfork, as glibc and musl do: the child runs in the caller's
 * memory until it execs, so it costs no copy of the address space. The child reports a failure
 * (of a file action, or of the exec) by storing its errno in the caller's memory before _exit(127),
 * which the caller returns once vfork lets it go on. All signals stay blocked until the child has
 * put every caught signal back to its default: a handler must not run in the shared memory. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

enum { FA_OPEN, FA_CLOSE, FA_DUP2 };

struct __spawn_action {
	int op, fd, newfd, flags;
	mode_t mode;
	char *path;
};

extern char **environ;

static int add_action(posix_spawn_file_actions_t *fa, struct __spawn_action a)
{
	struct __spawn_action *n = realloc(fa->actions, (fa->count + 1) * sizeof *n);

	if (a.fd < 0 || a.newfd < 0)
		return EBADF;
	if (!n)
		return ENOMEM;
	n[fa->count++] = a;
	fa->actions = n;
	return 0;
}

static int do_actions(const posix_spawn_file_actions_t *fa)
{
	for (int i = 0; fa && i < fa->count; i++) {
		const struct __spawn_action *a = &fa->actions[i];
		int fd;

		switch (a->op) {
		case FA_CLOSE:
			if (close(a->fd) < 0)
				return -1;
			break;
		case FA_DUP2:
			/* dup2 onto itself would keep close-on-exec: POSIX wants it cleared. */
			if (a->fd == a->newfd ? fcntl(a->fd, F_SETFD, 0) < 0 : dup2(a->fd, a->newfd) < 0)
				return -1;
			break;
		case FA_OPEN:
			fd = open(a->path, a->flags, a->mode);
			if (fd < 0)
				return -1;
			if (fd != a->fd) {
				if (dup2(fd, a->fd) < 0)
					return -1;
				close(fd);
			}
			break;
		}
	}
	return 0;
}

/* The child's side, between vfork and exec. */
static void child(const char *path, const posix_spawn_file_actions_t *fa,
		  const posix_spawnattr_t *attr, char *const argv[], char *const envp[],
		  const sigset_t *oldmask, int search, volatile int *error)
{
	struct sigaction dfl = { .sa_handler = SIG_DFL }, sa;
	int flags = attr ? attr->flags : 0;

	for (int sig = 1; sig < NSIG; sig++) {
		if ((flags & POSIX_SPAWN_SETSIGDEF) && sigismember(&attr->sigdefault, sig)) {
			sigaction(sig, &dfl, 0);
		} else if (sigaction(sig, 0, &sa) == 0 && sa.sa_handler != SIG_DFL &&
			   sa.sa_handler != SIG_IGN) {
			sigaction(sig, &dfl, 0);
		}
	}
	if (((flags & POSIX_SPAWN_SETSID) && setsid() < 0) ||
	    ((flags & POSIX_SPAWN_SETPGROUP) && setpgid(0, attr->pgroup) < 0) ||
	    ((flags & POSIX_SPAWN_RESETIDS) && (setgid(getgid()) < 0 || setuid(getuid()) < 0)) ||
	    do_actions(fa) < 0) {
		*error = errno;
		_exit(127);
	}
	sigprocmask(SIG_SETMASK, flags & POSIX_SPAWN_SETSIGMASK ? &attr->sigmask : oldmask, 0);
	if (search)
		execvpe(path, argv, envp);
	else
		execve(path, argv, envp);
	*error = errno;
	_exit(127);
}

static int spawn(pid_t *res, const char *path, const posix_spawn_file_actions_t *fa,
		 const posix_spawnattr_t *attr, char *const argv[], char *const envp[], int search)
{
	volatile int error = 0;
	sigset_t all, old;
	pid_t pid;

	sigfillset(&all);
	sigprocmask(SIG_BLOCK, &all, &old);
	pid = vfork();
	if (pid == 0)
		child(path, fa, attr, argv, envp ? envp : environ, &old, search, &error);
	if (pid < 0) {
		error = errno;
	} else if (error) {
		waitpid(pid, 0, 0);	/* the child only reported; reap it */
	} else if (res) {
		*res = pid;
	}
	sigprocmask(SIG_SETMASK, &old, 0);
	return error;
}

int posix_spawn(pid_t *pid, const char *path, const posix_spawn_file_actions_t *fa,
		const posix_spawnattr_t *attr, char *const argv[], char *const envp[])
{
	return spawn(pid, path, fa, attr, argv, envp, 0);
}

int posix_spawnp(pid_t *pid, const char *file, const posix_spawn_file_actions_t *fa,
		 const posix_spawnattr_t *attr, char *const argv[], char *const envp[])
{
	return spawn(pid, file, fa, attr, argv, envp, 1);
}

int posix_spawn_file_actions_init(posix_spawn_file_actions_t *fa)
{
	fa->count = 0;
	fa->actions = 0;
	return 0;
}

int posix_spawn_file_actions_destroy(posix_spawn_file_actions_t *fa)
{
	for (int i = 0; i < fa->count; i++)
		free(fa->actions[i].path);
	free(fa->actions);
	return 0;
}

int posix_spawn_file_actions_addopen(posix_spawn_file_actions_t *fa, int fd, const char *path,
				     int flags, mode_t mode)
{
	struct __spawn_action a = { FA_OPEN, fd, 0, flags, mode, strdup(path) };
	int r;

	if (!a.path)
		return ENOMEM;
	r = add_action(fa, a);
	if (r)
		free(a.path);
	return r;
}

int posix_spawn_file_actions_addclose(posix_spawn_file_actions_t *fa, int fd)
{
	return add_action(fa, (struct __spawn_action){ FA_CLOSE, fd, 0, 0, 0, 0 });
}

int posix_spawn_file_actions_adddup2(posix_spawn_file_actions_t *fa, int fd, int newfd)
{
	return add_action(fa, (struct __spawn_action){ FA_DUP2, fd, newfd, 0, 0, 0 });
}

int posix_spawnattr_init(posix_spawnattr_t *a)
{
	memset(a, 0, sizeof *a);
	return 0;
}

int posix_spawnattr_destroy(posix_spawnattr_t *a)
{
	(void)a;
	return 0;
}

int posix_spawnattr_setflags(posix_spawnattr_t *a, short flags)
{
	a->flags = flags;
	return 0;
}

int posix_spawnattr_getflags(const posix_spawnattr_t *a, short *flags)
{
	*flags = (short)a->flags;
	return 0;
}

int posix_spawnattr_setpgroup(posix_spawnattr_t *a, pid_t pgroup)
{
	a->pgroup = pgroup;
	return 0;
}

int posix_spawnattr_setsigmask(posix_spawnattr_t *a, const sigset_t *mask)
{
	a->sigmask = *mask;
	return 0;
}

int posix_spawnattr_setsigdefault(posix_spawnattr_t *a, const sigset_t *set)
{
	a->sigdefault = *set;
	return 0;
}
