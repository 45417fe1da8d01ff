/* sigio_basic: signal-driven I/O on pipes. F_SETOWN/F_GETOWN (a process,
 * a negative process group, ESRCH for nobody), F_SETOWN_EX/F_GETOWN_EX,
 * F_SETSIG/F_GETSIG; O_ASYNC through F_SETFL or FIOASYNC makes the owner
 * get SIGIO when the pipe becomes readable (a write, the last writer's
 * close) or writable (a read); with F_SETSIG the signal carries si_code
 * POLL_IN/POLL_OUT, si_band and si_fd. No O_ASYNC, no signal. */
#include "check.h"
#include "sigio_util.h"

#include <poll.h>
#include <sys/ioctl.h>

#ifndef O_ASYNC
#define O_ASYNC 020000
#endif
#ifndef F_SETSIG
#define F_SETSIG 10
#define F_GETSIG 11
#endif
#ifndef F_SETOWN_EX
#define F_SETOWN_EX 15
#define F_GETOWN_EX 16
#endif
#ifndef POLL_IN
#define POLL_IN 1
#define POLL_OUT 2
#endif
#define OWNER_TID 0
#define OWNER_PID 1
#define OWNER_PGRP 2

struct owner_ex {
	int type;
	int pid;
};

static long getown_ex(int fd, struct owner_ex *ex)
{
	return raw_syscall(__NR_fcntl64, fd, F_GETOWN_EX, (long)ex);
}

static void check_owner(void)
{
	int p[2];
	pipe(p);
	struct owner_ex ex = { 9, 9 };
	CHECK(getown_ex(p[0], &ex) == 0 && ex.type == OWNER_TID && ex.pid == 0,
	      "a new file's owner: F_OWNER_TID 0");
	CHECK_EQ(fcntl(p[0], F_GETOWN), 0, "F_GETOWN: 0");
	CHECK_OK(fcntl(p[0], F_SETOWN, getpid()), "F_SETOWN to this process");
	CHECK_EQ(fcntl(p[0], F_GETOWN), getpid(), "F_GETOWN gives it back");
	CHECK(getown_ex(p[0], &ex) == 0 && ex.type == OWNER_PID && ex.pid == getpid(), "F_GETOWN_EX: F_OWNER_PID");
	CHECK_OK(fcntl(p[0], F_SETOWN, -getpgrp()), "F_SETOWN to the process group");
	CHECK_EQ(fcntl(p[0], F_GETOWN), -getpgrp(), "F_GETOWN: minus the group");
	CHECK(getown_ex(p[0], &ex) == 0 && ex.type == OWNER_PGRP && ex.pid == getpgrp(), "F_GETOWN_EX: F_OWNER_PGRP");
	pid_t gone = fork();
	if (gone == 0)
		_exit(0);
	wait_status(gone);
	CHECK_ERR(fcntl(p[0], F_SETOWN, gone), ESRCH, "F_SETOWN to no process: ESRCH");
	ex = (struct owner_ex){ 7, getpid() };
	CHECK_EQ(raw_syscall(__NR_fcntl64, p[0], F_SETOWN_EX, (long)&ex), -EINVAL, "F_SETOWN_EX bad type: EINVAL");
	ex = (struct owner_ex){ OWNER_TID, getpid() };
	CHECK_OK(raw_syscall(__NR_fcntl64, p[0], F_SETOWN_EX, (long)&ex), "F_SETOWN_EX F_OWNER_TID");
	CHECK(getown_ex(p[0], &ex) == 0 && ex.type == OWNER_TID && ex.pid == getpid(), "read back");
	CHECK_EQ(raw_syscall(__NR_fcntl64, p[0], F_GETOWN_EX, 0), -EFAULT, "F_GETOWN_EX to NULL: EFAULT");
	CHECK_EQ(fcntl(p[0], F_GETSIG), 0, "F_GETSIG: 0 by default");
	CHECK_ERR(fcntl(p[0], F_SETSIG, 65), EINVAL, "F_SETSIG 65: EINVAL");
	CHECK_OK(fcntl(p[0], F_SETSIG, SIGUSR1), "F_SETSIG SIGUSR1");
	CHECK_EQ(fcntl(p[0], F_GETSIG), SIGUSR1, "F_GETSIG gives it back");
	close(p[0]);
	close(p[1]);
}

static void check_sigio(void)
{
	signal(SIGIO, on_sigio);
	int p[2];
	pipe(p);
	CHECK_OK(fcntl(p[0], F_SETOWN, getpid()), "own the read end");
	write(p[1], "a", 1);
	CHECK_EQ(sigio_count, 0, "no O_ASYNC: no SIGIO");
	CHECK_OK(fcntl(p[0], F_SETFL, fcntl(p[0], F_GETFL) | O_ASYNC), "F_SETFL O_ASYNC");
	CHECK(fcntl(p[0], F_GETFL) & O_ASYNC, "F_GETFL shows O_ASYNC");
	write(p[1], "b", 1);
	CHECK_EQ(sigio_count, 1, "a write makes the read end's owner get SIGIO");
	char buf[4];
	read(p[0], buf, sizeof buf);
	CHECK_EQ(sigio_count, 1, "a read does not signal the read end");
	int on = 1;
	CHECK_OK(fcntl(p[1], F_SETOWN, getpid()), "own the write end");
	CHECK_OK(ioctl(p[1], FIOASYNC, &on), "FIOASYNC on the write end");
	CHECK(fcntl(p[1], F_GETFL) & O_ASYNC, "which sets O_ASYNC");
	write(p[1], "c", 1);
	CHECK_EQ(sigio_count, 2, "a write signals the reader, not the writer");
	read(p[0], buf, 1);
	CHECK_EQ(sigio_count, 3, "a read signals the writer (room to write)");
	on = 0;
	CHECK_OK(ioctl(p[1], FIOASYNC, &on), "FIOASYNC off");
	CHECK(!(fcntl(p[1], F_GETFL) & O_ASYNC), "clears O_ASYNC");
	write(p[1], "d", 1);
	read(p[0], buf, 1);
	CHECK_EQ(sigio_count, 4, "only the reader was signalled");
	close(p[1]);
	CHECK_EQ(sigio_count, 5, "the last writer's close signals the reader (EOF)");
	close(p[0]);
	signal(SIGIO, SIG_DFL);
}

static void check_setsig(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_sigaction = on_usr1;
	sa.sa_flags = SA_SIGINFO;
	sigaction(SIGUSR1, &sa, NULL);
	int p[2];
	pipe(p);
	for (int i = 0; i < 2; i++) {
		fcntl(p[i], F_SETOWN, getpid());
		fcntl(p[i], F_SETSIG, SIGUSR1);
		fcntl(p[i], F_SETFL, O_ASYNC);
	}
	write(p[1], "x", 1);
	CHECK(usr1_count == 1 && usr1_code == POLL_IN && usr1_band == (POLLIN | POLLRDNORM) && usr1_fd == p[0],
	      "F_SETSIG: si_code POLL_IN, si_band POLLIN|POLLRDNORM, si_fd the read end");
	char c;
	read(p[0], &c, 1);
	CHECK(usr1_count == 2 && usr1_code == POLL_OUT && usr1_band == (POLLOUT | POLLWRNORM | POLLWRBAND) &&
	      usr1_fd == p[1], "and POLL_OUT, POLLOUT|POLLWRNORM|POLLWRBAND, the write end");
	close(p[0]);
	close(p[1]);
	signal(SIGUSR1, SIG_DFL);
}

static void check_regular(void)
{
	int fd = open("/tmp/sigio_basic.f", O_CREAT | O_RDWR, 0644);
	int on = 1;
	CHECK_ERR(ioctl(fd, FIOASYNC, &on), ENOTTY, "FIOASYNC on a regular file: ENOTTY");
	CHECK(fcntl(fd, F_SETFL, O_ASYNC) == 0 && !(fcntl(fd, F_GETFL) & O_ASYNC),
	      "F_SETFL O_ASYNC succeeds there but sets nothing");
	close(fd);
	unlink("/tmp/sigio_basic.f");
}

int main(void)
{
	check_owner();
	check_sigio();
	check_setsig();
	check_regular();
	return done();
}
