/* file_leases: F_SETLEASE / F_GETLEASE. A read lease needs no writer, a
 * write lease no other open (EAGAIN); pipes EINVAL. A conflicting open
 * breaks the lease: the holder gets its F_SETSIG signal (si_code POLL_MSG,
 * si_fd), F_GETLEASE says what the lease must become, an O_NONBLOCK opener
 * gets EWOULDBLOCK and a blocking one waits until the holder lets go (here
 * well within lease-break-time: bounded by the test). */
#include "check.h"

#include <sys/file.h>
#include <sys/stat.h>

#ifndef F_SETLEASE
#define F_SETLEASE 1024
#define F_GETLEASE 1025
#endif
#ifndef F_SETSIG
#define F_SETSIG 10
#define F_GETSIG 11
#endif
#ifndef POLL_MSG
#define POLL_MSG 3
#endif

#define F "/tmp/file_leases.f"

static volatile int usr1_count, usr1_code, usr1_fd;

static void on_usr1(int sig, siginfo_t *si, void *ctx)
{
	(void)sig, (void)ctx;
	usr1_count++;
	usr1_code = si->si_code;
	usr1_fd = si->si_fd;
}

static int open_reader(void *arg)
{
	(void)arg;
	int fd = open(F, O_RDONLY);
	return fd >= 0 ? 0 : 1;
}

static int wait_usr1(int count)
{
	for (int i = 0; i < 500 && usr1_count < count; i++)
		sleep_ms(10);
	return usr1_count >= count;
}

int main(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_sigaction = on_usr1;
	sa.sa_flags = SA_SIGINFO;
	sigaction(SIGUSR1, &sa, NULL);
	unlink(F);
	close(open(F, O_CREAT | O_WRONLY, 0644));

	int p[2];
	pipe(p);
	CHECK_ERR(fcntl(p[0], F_SETLEASE, F_RDLCK), EINVAL, "a lease on a pipe: EINVAL");
	close(p[0]);
	close(p[1]);

	int rd = open(F, O_RDONLY);
	CHECK_EQ(fcntl(rd, F_GETLEASE), F_UNLCK, "no lease at first");
	CHECK_ERR(fcntl(rd, F_SETLEASE, 7), EINVAL, "a bad lease type: EINVAL");
	CHECK_OK(fcntl(rd, F_SETLEASE, F_RDLCK), "a read lease");
	CHECK_EQ(fcntl(rd, F_GETLEASE), F_RDLCK, "F_GETLEASE: F_RDLCK");
	int rd2 = open(F, O_RDONLY | O_NONBLOCK);
	CHECK(rd2 >= 0 && usr1_count == 0, "another reader does not break a read lease");
	CHECK_ERR(fcntl(rd, F_SETLEASE, F_WRLCK), EAGAIN, "a write lease with another open: EAGAIN");
	close(rd2);
	CHECK_OK(fcntl(rd, F_SETLEASE, F_UNLCK), "release it");
	CHECK_EQ(fcntl(rd, F_GETLEASE), F_UNLCK, "gone");
	int rw = open(F, O_RDWR);
	CHECK_ERR(fcntl(rd, F_SETLEASE, F_RDLCK), EAGAIN, "a read lease on a file open for writing: EAGAIN");
	close(rw);

	CHECK_OK(fcntl(rd, F_SETSIG, SIGUSR1), "F_SETSIG SIGUSR1");
	CHECK_OK(fcntl(rd, F_SETLEASE, F_WRLCK), "a write lease when nothing else is open");
	CHECK_EQ(fcntl(rd, F_GETLEASE), F_WRLCK, "F_GETLEASE: F_WRLCK");
	CHECK_ERR(open(F, O_RDONLY | O_NONBLOCK), EWOULDBLOCK, "an O_NONBLOCK open breaks it: EWOULDBLOCK");
	CHECK(usr1_count == 1 && usr1_code == POLL_MSG && usr1_fd == rd,
	      "the holder gets the signal: si_code POLL_MSG, si_fd");
	CHECK_EQ(fcntl(rd, F_GETLEASE), F_RDLCK, "the lease must become a read lease");
	CHECK_OK(fcntl(rd, F_SETLEASE, F_UNLCK), "the holder lets go");
	CHECK_EQ(fcntl(rd, F_GETSIG), 0, "which also resets F_SETSIG");
	CHECK_EQ(fcntl(rd, F_GETOWN), 0, "and the owner");

	CHECK_OK(fcntl(rd, F_SETLEASE, F_WRLCK), "a write lease again");
	CHECK_EQ(fcntl(rd, F_GETOWN), getpid(), "taking a lease makes the caller the owner");
	fcntl(rd, F_SETSIG, SIGUSR1);
	pid_t pid = spawn(open_reader, NULL);
	CHECK(wait_usr1(2), "a blocking reader's open signals the holder");
	CHECK(still_running(pid), "and waits");
	CHECK_OK(fcntl(rd, F_SETLEASE, F_RDLCK), "the holder downgrades to a read lease");
	expect_exit(wait_status(pid), 0, "the reader's open completes");
	CHECK_EQ(fcntl(rd, F_GETLEASE), F_RDLCK, "the read lease stays");
	close(rd);
	unlink(F);
	return done();
}
