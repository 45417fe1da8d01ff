/* tty_basic: the terminal devices (docs/devices.md, "Standard devices"). The console is a
 * tty and /dev/null is not; termios survives a TCSETS/TCGETS round trip with
 * each tcsetattr action; the window is 80x25; FIONREAD, O_NONBLOCK and poll
 * see no input; non-canonical VMIN/VTIME reads time out; a session leader
 * that opens a terminal gets it as its controlling tty, reachable as
 * /dev/tty, and loses it with TIOCNOTTY. Kernel-only: the host has other
 * terminals (or none). COM2 (/dev/ttyS1) is used where input or a session
 * must not disturb the console the test reports on. */
#include "check.h"

#include <fcntl.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <termios.h>

static void test_isatty(int con)
{
	CHECK(isatty(con), "isatty(/dev/console)");
	int n = open("/dev/null", O_RDWR);
	errno = 0;
	CHECK(!isatty(n) && errno == ENOTTY, "isatty(/dev/null) is 0 with ENOTTY");
	close(n);
}

static void test_termios_round_trip(int con)
{
	struct termios orig, t, back;
	CHECK_OK(tcgetattr(con, &orig), "tcgetattr(/dev/console)");
	CHECK(orig.c_lflag & ICANON, "the console is in canonical mode");
	CHECK_EQ(orig.c_cc[VINTR], 3, "VINTR is ^C");
	CHECK_EQ(orig.c_cc[VERASE], 0177, "VERASE is DEL");
	static const struct { int action; const char *what; } actions[] = {
		{ TCSANOW, "TCSANOW (TCSETS) round trip" },
		{ TCSADRAIN, "TCSADRAIN (TCSETSW) round trip" },
		{ TCSAFLUSH, "TCSAFLUSH (TCSETSF) round trip" },
	};
	for (size_t i = 0; i < sizeof actions / sizeof actions[0]; i++) {
		t = orig;
		t.c_cc[VEOL] = (cc_t)('a' + i); /* a delimiter nobody types here */
		t.c_lflag ^= ECHOK;
		tcsetattr(con, actions[i].action, &t);
		tcgetattr(con, &back);
		CHECK(back.c_cc[VEOL] == 'a' + i && back.c_lflag == t.c_lflag, actions[i].what);
	}
	CHECK_OK(tcsetattr(con, TCSANOW, &orig), "tcsetattr restores the console");
	int n = open("/dev/null", O_RDWR);
	CHECK_ERR(tcgetattr(n, &t), ENOTTY, "tcgetattr(/dev/null) ENOTTY");
	close(n);
}

static void test_winsize_and_input(int con)
{
	struct winsize ws;
	CHECK_OK(ioctl(con, TIOCGWINSZ, &ws), "TIOCGWINSZ");
	CHECK(ws.ws_row == 25 && ws.ws_col == 80, "the window is 80x25");
	int avail = -1;
	CHECK_OK(ioctl(con, FIONREAD, &avail), "FIONREAD");
	CHECK_EQ(avail, 0, "FIONREAD is 0 without input");
	CHECK_ERR(ioctl(con, TIOCGWINSZ, null_ptr()), EFAULT, "TIOCGWINSZ to NULL EFAULT");

	int nb = open("/dev/console", O_RDWR | O_NOCTTY | O_NONBLOCK);
	char c;
	CHECK_ERR(read(nb, &c, 1), EAGAIN, "O_NONBLOCK read without a line EAGAIN");
	struct pollfd p = { .fd = nb, .events = POLLIN | POLLOUT };
	CHECK_EQ(poll(&p, 1, 0), 1, "poll: one ready fd");
	CHECK_EQ(p.revents, POLLOUT, "poll: writable, nothing to read");
	close(nb);
}

/* On COM2, where no input ever arrives during the tests. */
static void test_raw_timeouts(void)
{
	int s = open("/dev/ttyS1", O_RDWR | O_NOCTTY);
	CHECK(s >= 0 && isatty(s), "/dev/ttyS1 is a tty");
	struct termios orig, t;
	tcgetattr(s, &orig);
	t = orig;
	t.c_lflag &= ~(ICANON | ECHO);
	t.c_cc[VMIN] = 0;
	t.c_cc[VTIME] = 0;
	tcsetattr(s, TCSANOW, &t);
	char buf[8];
	CHECK_EQ(read(s, buf, sizeof buf), 0, "VMIN 0 VTIME 0: read returns 0 at once");
	t.c_cc[VTIME] = 2;
	tcsetattr(s, TCSANOW, &t);
	long start = now_ms();
	CHECK_EQ(read(s, buf, sizeof buf), 0, "VMIN 0 VTIME 2: read returns 0");
	long waited = now_ms() - start;
	CHECK(waited >= 150 && waited < 2000, "VMIN 0 VTIME 2: after about 0.2 s");
	tcsetattr(s, TCSANOW, &orig);
	close(s);
}

/* A new session has no controlling terminal; its leader acquires the first
 * terminal it opens without O_NOCTTY. Returns the failed step, 0 if none. */
static int session_child(void *arg)
{
	(void)arg;
	if (setsid() != getpid())
		return 1;
	if (open("/dev/tty", O_RDWR) != -1 || errno != ENXIO)
		return 2;
	int s = open("/dev/ttyS1", O_RDWR);
	if (s < 0)
		return 3;
	int t = open("/dev/tty", O_RDWR);
	if (t < 0 || !isatty(t))
		return 4;
	if (tcgetpgrp(t) != getpid() || tcgetpgrp(s) != getpid())
		return 5;
	if (tcsetpgrp(t, getpid()) != 0)
		return 6;
	/* As Linux: no such process group ESRCH, one of another session EPERM. */
	if (tcsetpgrp(t, 0x7ffffff0) != -1 || errno != ESRCH)
		return 10;
	if (tcsetpgrp(t, getpgid(getppid())) != -1 || errno != EPERM)
		return 11;
	close(t);
	/* Give the terminal up (the SIGHUP it sends the foreground group is ours). */
	signal(SIGHUP, SIG_IGN);
	if (ioctl(s, TIOCNOTTY) != 0)
		return 7;
	if (open("/dev/tty", O_RDWR) != -1 || errno != ENXIO)
		return 8;
	if (tcgetpgrp(s) != -1 || errno != ENOTTY)
		return 9;
	return 0;
}

int main(void)
{
	int con = open("/dev/console", O_RDWR | O_NOCTTY);
	CHECK(con >= 0, "open /dev/console");
	test_isatty(con);
	test_termios_round_trip(con);
	test_winsize_and_input(con);
	test_raw_timeouts();
	expect_exit(run_child(session_child, NULL), 0,
		    "setsid, open a tty: it is /dev/tty until TIOCNOTTY");
	close(con);
	return done();
}
