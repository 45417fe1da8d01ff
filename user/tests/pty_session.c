/* pty_session: a pty slave as a new session's controlling terminal, driven
 * from the master. A child calls setsid and takes the slave with
 * TIOCSCTTY, so its group is the foreground one (TIOCGPGRP on the master
 * says so); then ^C, ^\ and ^Z written to the master and a window-size
 * change send it SIGINT, SIGQUIT, SIGTSTP and SIGWINCH (caught, so that
 * stopping is not involved); ^C kills the foreground group's other member
 * and spares a background group until tcsetpgrp makes that the foreground;
 * closing the master hangs the terminal up: SIGHUP and SIGCONT for the
 * session leader, end of file on its reads, and no /dev/tty any more. The
 * child reports each event as a letter on a pipe; every wait is bounded. */
#include "pty_util.h"

static int events_w;

static void on_signal(int sig)
{
	char c = sig == SIGINT ? 'I' : sig == SIGQUIT ? 'Q' : sig == SIGTSTP ? 'T' : sig == SIGWINCH ? 'W' :
		 sig == SIGHUP ? 'H' : sig == SIGCONT ? 'C' : '?';
	write(events_w, &c, 1);
}

static void report(char c)
{
	write(events_w, &c, 1);
}

/* A member of the session that sits in pause() with SIGINT's default
 * action, in the leader's group or (own_group) in a group of its own. */
static pid_t member(int ready_w, int own_group)
{
	pid_t pid = fork();
	if (pid == 0) {
		signal(SIGINT, SIG_DFL);
		if (own_group)
			setpgid(0, 0);
		write(ready_w, "", 1);
		alarm(10);
		for (;;)
			pause();
	}
	if (own_group)
		setpgid(pid, pid);
	return pid;
}

static void reap_killed_by_sigint(pid_t pid)
{
	int st;
	while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
		;
	report(WIFSIGNALED(st) && WTERMSIG(st) == SIGINT ? 'k' : 'x');
}

/* The session leader: every step it takes is a letter for the parent. */
static int leader(int slave)
{
	static const int sigs[] = { SIGINT, SIGQUIT, SIGTSTP, SIGWINCH, SIGHUP, SIGCONT };
	for (size_t i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
		set_handler(sigs[i], on_signal, 0);
	alarm(20);
	if (setsid() != getpid() || ioctl(slave, TIOCSCTTY, 0) != 0 || tcgetpgrp(slave) != getpid())
		return 1;
	/* /dev/tty is its own node (5,0); what it reaches is the slave. */
	int tty = open("/dev/tty", O_RDWR);
	if (tty < 0 || tcgetpgrp(tty) != getpid())
		return 2;
	close(tty);
	report('R');

	/* Wait for the parent's go for the groups, which follows the signals. */
	char c;
	while (read(slave, &c, 1) != 1 || c != 'g')
		;
	int ready[2];
	if (pipe(ready))
		return 3;
	pid_t fg = member(ready[1], 0), bg = member(ready[1], 1);
	if (read(ready[0], &c, 1) != 1 || read(ready[0], &c, 1) != 1)
		return 4;
	report('G');
	reap_killed_by_sigint(fg);
	sigset_t ttou;
	sigemptyset(&ttou);
	sigaddset(&ttou, SIGTTOU);
	sigprocmask(SIG_BLOCK, &ttou, NULL);
	if (tcsetpgrp(slave, bg) != 0)
		return 5;
	report('B');
	reap_killed_by_sigint(bg);
	if (tcsetpgrp(slave, getpid()) != 0)
		return 6;
	report('F');

	/* The read asleep when the master closes fails with EINTR or, when it
	 * runs before the signals are seen, EIO (the other face is gone: Linux
	 * does either); reads of the hung-up file then return 0. */
	ssize_t r;
	while ((r = read(slave, &c, 1)) != 0)
		if (r < 0 && errno != EINTR && errno != EIO)
			return 7;
	report('Z');
	if (open("/dev/tty", O_RDWR) < 0 && errno == ENXIO)
		report('X');
	return 0;
}

/* Reads the letters that arrive within ms, until n have: as a string. */
static const char *events(int fd, size_t n, int ms)
{
	static char buf[32];
	size_t k = 0;
	while (k < n && k + 1 < sizeof(buf) && pty_ready(fd, ms) && read(fd, buf + k, 1) == 1)
		k++;
	buf[k] = '\0';
	return buf;
}

static void expect_events(int fd, const char *want, const char *what)
{
	const char *got = events(fd, strlen(want) ? strlen(want) : 1, strlen(want) ? 5000 : 100);
	char d[64];
	snprintf(d, sizeof(d), "got \"%s\" expected \"%s\"", got, want);
	check_record(strcmp(got, want) == 0, what, d);
}

int main(void)
{
	int master, slave, ev[2];
	const char *what;
	if (pty_open_pair(&master, &slave, &what) || pipe(ev)) {
		check_record(0, "open a pty pair", what);
		return done();
	}
	events_w = ev[1];
	pid_t pid = fork();
	if (pid == 0) {
		close(master);
		close(ev[0]);
		_exit(leader(slave));
	}
	close(ev[1]);
	close(slave);
	expect_events(ev[0], "R", "setsid + TIOCSCTTY: the slave is the child's terminal and /dev/tty");
	pid_t pgrp = 0;
	CHECK(ioctl(master, TIOCGPGRP, &pgrp) == 0 && pgrp == pid, "TIOCGPGRP on the master: the child's group");
	write(master, "\003", 1);
	expect_events(ev[0], "I", "^C: SIGINT to the foreground group");
	write(master, "\034", 1);
	expect_events(ev[0], "Q", "^\\: SIGQUIT");
	write(master, "\032", 1);
	expect_events(ev[0], "T", "^Z: SIGTSTP");
	struct winsize ws = { .ws_row = 40, .ws_col = 120 };
	ioctl(master, TIOCSWINSZ, &ws);
	expect_events(ev[0], "W", "a new window size: SIGWINCH");
	ioctl(master, TIOCSWINSZ, &ws);
	expect_events(ev[0], "", "the same size again: no SIGWINCH");
	write(master, "g\n", 2);
	expect_events(ev[0], "G", "a member in the group and one in a group of its own");
	write(master, "\003", 1);
	expect_events(ev[0], "Ik", "^C: the leader and the member, not the other group");
	expect_events(ev[0], "B", "tcsetpgrp to the other group");
	write(master, "\003", 1);
	expect_events(ev[0], "k", "^C now reaches it, not the leader");
	expect_events(ev[0], "F", "the leader takes the foreground back");
	close(master);
	/* Both signals are pending at once: SIGCONT's handler runs first, on top of SIGHUP's. */
	expect_events(ev[0], "CHZX", "master closed: SIGHUP and SIGCONT, end of file, no /dev/tty");
	expect_exit(wait_status(pid), 0, "the session leader");
	return done();
}
