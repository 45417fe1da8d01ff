/* pidfd_basic: pidfd_open gives a close-on-exec "anon_inode:[pidfd]" fd
 * for a process (EINVAL for a bad pid or flags, ESRCH for none); poll on it
 * says POLLIN once the process has exited; pidfd_send_signal signals it
 * (EINVAL for flags or a siginfo of another signal, EBADF for a fd that is
 * no pidfd, ESRCH once the process is reaped). */
#include "check.h"

#include <poll.h>

static int sleeper(void *arg)
{
	(void)arg;
	sleep_ms(10000);
	return 0;
}

static long pidfd_open(pid_t pid, unsigned flags)
{
	return raw_syscall(__NR_pidfd_open, pid, flags, 0);
}

static long pidfd_send_signal(int fd, int sig, void *info, unsigned flags)
{
	return raw_syscall6(__NR_pidfd_send_signal, fd, sig, (long)info, flags, 0, 0);
}

int main(void)
{
	int self = (int)pidfd_open(getpid(), 0);
	CHECK(self >= 0, "pidfd_open of this process");
	CHECK_EQ(fcntl(self, F_GETFD), FD_CLOEXEC, "close-on-exec");
	char path[64], link[64] = "";
	snprintf(path, sizeof path, "/proc/self/fd/%d", self);
	readlink(path, link, sizeof link - 1);
	CHECK(strcmp(link, "anon_inode:[pidfd]") == 0, "its link says anon_inode:[pidfd]");
	struct pollfd pfd = { self, POLLIN, 0 };
	CHECK_EQ(poll(&pfd, 1, 0), 0, "a running process: not readable");
	CHECK_EQ(pidfd_send_signal(self, 0, NULL, 0), 0, "signal 0 to itself");
	CHECK_EQ(pidfd_send_signal(self, 0, NULL, 0x100), -EINVAL, "unknown flags: EINVAL");
	CHECK_EQ(pidfd_open(-1, 0), -EINVAL, "pid -1: EINVAL");
	CHECK_EQ(pidfd_open(getpid(), 1), -EINVAL, "bad flags: EINVAL");
	int p[2];
	pipe(p);
	CHECK_EQ(pidfd_send_signal(p[0], 0, NULL, 0), -EBADF, "a pipe is no pidfd: EBADF");
	close(p[0]);
	close(p[1]);

	pid_t pid = spawn(sleeper, NULL);
	int fd = (int)pidfd_open(pid, 0);
	CHECK(fd >= 0, "pidfd_open of a child");
	siginfo_t si;
	memset(&si, 0, sizeof si);
	si.si_signo = SIGUSR1;
	si.si_code = -1;                /* SI_QUEUE */
	CHECK_EQ(pidfd_send_signal(fd, SIGKILL, &si, 0), -EINVAL, "a siginfo of another signal: EINVAL");
	pfd = (struct pollfd){ fd, POLLIN, 0 };
	CHECK_EQ(poll(&pfd, 1, 0), 0, "not readable while it runs");
	CHECK_EQ(pidfd_send_signal(fd, SIGKILL, NULL, 0), 0, "pidfd_send_signal SIGKILL");
	CHECK(poll(&pfd, 1, 5000) == 1 && (pfd.revents & POLLIN), "poll wakes up: POLLIN once it has exited");
	expect_signal(wait_status(pid), SIGKILL, "the child was killed");
	CHECK(poll(&pfd, 1, 0) == 1 && (pfd.revents & POLLIN), "still readable once reaped");
	CHECK_EQ(pidfd_send_signal(fd, SIGKILL, NULL, 0), -ESRCH, "signalling a reaped process: ESRCH");
	CHECK_EQ(pidfd_open(pid, 0), -ESRCH, "pidfd_open of it: ESRCH");
	close(fd);
	close(self);
	return done();
}
