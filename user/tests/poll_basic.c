/* poll_basic: poll and select on pipes.
 * Zero, finite and infinite timeouts (the last ended by a writer in another process or
 * by a signal with EINTR), revents filtered to the requested events plus POLLERR and
 * POLLHUP, POLLNVAL counted for a closed fd, negative fds ignored, files without a poll
 * method always ready, and the select() equivalents.  After LTP's poll* and select*. */
#include "check.h"

#include <fcntl.h>
#include <poll.h>
#include <sys/select.h>

/* A closed fd inside the fd table: Linux's select silently ignores fds beyond it. */
static int closed_fd(void)
{
	int fd = dup(1);
	close(fd);
	return fd;
}

static void test_timeouts(void)
{
	int p[2];
	pipe(p);
	struct pollfd pf = { p[0], POLLIN, 0x7f };
	CHECK_EQ(poll(&pf, 1, 0), 0, "timeout 0 with nothing ready returns 0");
	CHECK_EQ(pf.revents, 0, "revents cleared when not ready");

	long t0 = now_ms();
	CHECK_EQ(poll(&pf, 1, 50), 0, "timeout 50 ms with nothing ready returns 0");
	CHECK(now_ms() - t0 >= 40, "50 ms timeout actually waited");

	/* Infinite timeout: a child writes after 50 ms. */
	pid_t pid = fork();
	if (pid == 0) {
		sleep_ms(50);
		write(p[1], "x", 1);
		_exit(0);
	}
	t0 = now_ms();
	CHECK_EQ(poll(&pf, 1, -1), 1, "infinite poll woken by a writer");
	CHECK_EQ(pf.revents, POLLIN, "revents is POLLIN");
	CHECK(now_ms() - t0 >= 30, "infinite poll did wait for the writer");
	int st;
	waitpid(pid, &st, 0);
	close(p[0]);
	close(p[1]);
}

static void test_many(void)
{
	int p[3][2];
	struct pollfd pf[5];
	for (int i = 0; i < 3; i++) {
		pipe(p[i]);
		pf[i].fd = p[i][0];
		pf[i].events = POLLIN;
	}
	write(p[1][1], "y", 1);
	CHECK_EQ(poll(pf, 3, 0), 1, "three pipes, one ready: returns 1");
	CHECK(pf[0].revents == 0 && pf[1].revents == POLLIN && pf[2].revents == 0,
	      "only the ready pipe has revents");

	/* Same poll plus a closed fd and a negative fd. */
	pf[3].fd = closed_fd();
	pf[3].events = POLLIN;
	pf[4].fd = -1;
	pf[4].events = POLLIN;
	pf[4].revents = 0x7f;
	CHECK_EQ(poll(pf, 5, 0), 2, "closed fd counts as ready");
	CHECK_EQ(pf[3].revents, POLLNVAL, "closed fd gives POLLNVAL");
	CHECK_EQ(pf[4].revents, 0, "negative fd is ignored with revents 0");
	CHECK_EQ(poll(&pf[4], 1, 0), 0, "only a negative fd: nothing ready");

	/* The write end of an empty pipe is writable; POLLIN on it is never reported. */
	struct pollfd w = { p[0][1], POLLIN | POLLOUT, 0 };
	CHECK_EQ(poll(&w, 1, 0), 1, "write end of empty pipe ready");
	CHECK_EQ(w.revents, POLLOUT, "write end reports POLLOUT only");
	for (int i = 0; i < 3; i++) {
		close(p[i][0]);
		close(p[i][1]);
	}
}

static void test_hup_err(void)
{
	int p[2];
	pipe(p);
	write(p[1], "d", 1);
	close(p[1]);
	struct pollfd pf = { p[0], POLLIN, 0 };
	CHECK_EQ(poll(&pf, 1, 0), 1, "read end with data, writer gone: ready");
	CHECK_EQ(pf.revents, POLLIN | POLLHUP, "POLLIN|POLLHUP while data remains");
	char c;
	read(p[0], &c, 1);
	CHECK_EQ(poll(&pf, 1, -1), 1, "drained, writer gone: ready without waiting");
	CHECK_EQ(pf.revents, POLLHUP, "POLLHUP only once drained");
	pf.events = 0;
	poll(&pf, 1, 0);
	CHECK_EQ(pf.revents, POLLHUP, "POLLHUP reported even when not requested");
	close(p[0]);

	pipe(p);
	close(p[0]);
	pf.fd = p[1];
	pf.events = POLLOUT;
	CHECK_EQ(poll(&pf, 1, 0), 1, "write end, reader gone: ready");
	CHECK(pf.revents & POLLERR, "write end, reader gone: POLLERR");
	pf.events = 0;
	poll(&pf, 1, 0);
	CHECK_EQ(pf.revents, POLLERR, "POLLERR reported even when not requested");
	close(p[1]);
}

static void test_no_poll_method(void)
{
	int fd = open("/dev/null", O_RDWR);
	struct pollfd pf = { fd, POLLIN | POLLOUT, 0 };
	CHECK_EQ(poll(&pf, 1, 0), 1, "/dev/null is ready");
	CHECK_EQ(pf.revents, POLLIN | POLLOUT, "/dev/null readable and writable");
	pf.events = POLLOUT;
	poll(&pf, 1, 0);
	CHECK_EQ(pf.revents, POLLOUT, "revents filtered to the requested events");
	close(fd);
	CHECK_ERR(poll(null_ptr(), 1, 0), EFAULT, "poll with a NULL array EFAULT");
}

static volatile sig_atomic_t interrupted;

static void on_usr1(int sig)
{
	interrupted = sig;
}

static void test_eintr(void)
{
	int p[2];
	pipe(p);
	set_handler(SIGUSR1, on_usr1, 0);
	pid_t parent = getpid();
	pid_t pid = fork();
	if (pid == 0) {
		sleep_ms(50);
		kill(parent, SIGUSR1);
		_exit(0);
	}
	struct pollfd pf = { p[0], POLLIN, 0 };
	CHECK_ERR(poll(&pf, 1, -1), EINTR, "signal ends an infinite poll with EINTR");
	CHECK_EQ(interrupted, SIGUSR1, "the handler ran");
	int st;
	waitpid(pid, &st, 0);
	close(p[0]);
	close(p[1]);
}

static void test_select(void)
{
	int p[2];
	pipe(p);
	fd_set rd, wr;
	struct timeval tv = { 0, 0 };
	FD_ZERO(&rd);
	FD_SET(p[0], &rd);
	CHECK_EQ(select(p[0] + 1, &rd, NULL, NULL, &tv), 0, "select timeout 0: nothing ready");
	CHECK(!FD_ISSET(p[0], &rd), "select cleared the not-ready fd");

	FD_SET(p[0], &rd);
	tv.tv_sec = 0;
	tv.tv_usec = 50000;
	long t0 = now_ms();
	CHECK_EQ(select(p[0] + 1, &rd, NULL, NULL, &tv), 0, "select 50 ms timeout returns 0");
	CHECK(now_ms() - t0 >= 40, "select timeout actually waited");

	write(p[1], "s", 1);
	FD_ZERO(&rd);
	FD_ZERO(&wr);
	FD_SET(p[0], &rd);
	FD_SET(p[1], &wr);
	int n = p[0] > p[1] ? p[0] : p[1];
	CHECK_EQ(select(n + 1, &rd, &wr, NULL, NULL), 2, "select: readable and writable");
	CHECK(FD_ISSET(p[0], &rd) && FD_ISSET(p[1], &wr), "select marks both fds");

	int bad = closed_fd();
	FD_ZERO(&rd);
	FD_SET(bad, &rd);
	tv.tv_usec = 0;
	CHECK_ERR(select(bad + 1, &rd, NULL, NULL, &tv), EBADF, "select on a closed fd EBADF");
	CHECK_ERR(select(-1, NULL, NULL, NULL, &tv), EINVAL, "select with negative nfds EINVAL");
	close(p[0]);
	close(p[1]);
}

/* More pipes than the poll table has room for inline: a write to the last one
 * must still wake the poller (it used to sleep on, its wait queue never joined). */
static void test_many_queues(void)
{
	enum { N = 150 };
	static int p[N][2];
	static struct pollfd pf[N];
	int n = 0;
	while (n < N && pipe(p[n]) == 0) {
		pf[n].fd = p[n][0];
		pf[n].events = POLLIN;
		n++;
	}
	CHECK_EQ(n, N, "150 pipes");
	pid_t pid = fork();
	if (pid == 0) {
		sleep_ms(50);
		write(p[n - 1][1], "z", 1);
		_exit(0);
	}
	long t0 = now_ms();
	CHECK_EQ(poll(pf, n, 5000), 1, "poll on 150 pipes woken by a write to the last");
	CHECK(now_ms() - t0 < 2500, "... at once, not at the timeout");
	CHECK_EQ(pf[n - 1].revents, POLLIN, "... which has POLLIN");
	int st;
	waitpid(pid, &st, 0);
	for (int i = 0; i < n; i++) {
		close(p[i][0]);
		close(p[i][1]);
	}
}

int main(void)
{
	test_timeouts();
	test_many();
	test_many_queues();
	test_hup_err();
	test_no_poll_method();
	test_eintr();
	test_select();
	return done();
}
