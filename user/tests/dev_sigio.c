/* dev_sigio: O_ASYNC on the seed FIFOs and a tty, through their fasync
 * methods (fasync_helper / kill_fasync, LDD3 chapter 6): /dev/scullpipe0
 * and /dev/chardev signal their owner with SIGIO (or the F_SETSIG signal,
 * si_code POLL_IN and si_fd) when data comes; a tty
 * takes O_ASYNC and makes the caller its owner. */
#include "check.h"
#include "sigio_util.h"

#include <sys/ioctl.h>

#ifndef F_SETSIG
#define F_SETSIG 10
#endif
#ifndef POLL_IN
#define POLL_IN 1
#endif

static void check_scullpipe(void)
{
	int r = open("/dev/scullpipe0", O_RDONLY | O_NONBLOCK);
	int w = open("/dev/scullpipe0", O_WRONLY | O_NONBLOCK);
	CHECK(r >= 0 && w >= 0, "open /dev/scullpipe0 to read and to write");
	CHECK_OK(fcntl(r, F_SETOWN, getpid()), "F_SETOWN on the reader");
	write(w, "a", 1);
	CHECK_EQ(sigio_count, 0, "no O_ASYNC: no SIGIO");
	CHECK_OK(fcntl(r, F_SETFL, O_ASYNC | O_NONBLOCK), "F_SETFL O_ASYNC");
	CHECK(fcntl(r, F_GETFL) & O_ASYNC, "the driver's fasync set O_ASYNC");
	write(w, "b", 1);
	CHECK_EQ(sigio_count, 1, "a write to scullpipe: SIGIO to the reader's owner");
	char buf[8];
	CHECK_EQ(read(r, buf, sizeof buf), 2, "read both bytes");
	CHECK_OK(fcntl(r, F_SETFL, O_NONBLOCK), "O_ASYNC off");
	write(w, "c", 1);
	CHECK_EQ(sigio_count, 1, "no more SIGIO");
	read(r, buf, sizeof buf);
	close(r);
	close(w);
}

static void check_chardev(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_sigaction = on_usr1;
	sa.sa_flags = SA_SIGINFO;
	sigaction(SIGUSR1, &sa, NULL);
	int fd = open("/dev/chardev", O_RDWR | O_NONBLOCK);
	CHECK(fd >= 0, "open /dev/chardev");
	int on = 1;
	fcntl(fd, F_SETOWN, getpid());
	fcntl(fd, F_SETSIG, SIGUSR1);
	CHECK_OK(ioctl(fd, FIOASYNC, &on), "FIOASYNC on /dev/chardev");
	write(fd, "xy", 2);
	CHECK(usr1_count == 1 && usr1_code == POLL_IN && usr1_fd == fd, "a write: the F_SETSIG signal, POLL_IN, si_fd");
	char buf[4];
	read(fd, buf, sizeof buf);
	CHECK_EQ(usr1_count, 1, "a read signals nobody (LDD3's scullpipe signals readers only)");
	close(fd);
	signal(SIGUSR1, SIG_DFL);
}

static void check_tty(void)
{
	int fd = open("/dev/console", O_RDWR | O_NOCTTY);
	CHECK(fd >= 0, "open /dev/console");
	CHECK_OK(fcntl(fd, F_SETFL, O_ASYNC), "F_SETFL O_ASYNC on a tty");
	CHECK(fcntl(fd, F_GETFL) & O_ASYNC, "the tty took it");
	int own = fcntl(fd, F_GETOWN);
	CHECK(own == getpid() || own == -getpgrp(), "and made the caller or its group the owner");
	close(fd);
}

int main(void)
{
	signal(SIGIO, on_sigio);
	check_scullpipe();
	check_chardev();
	check_tty();
	return done();
}
