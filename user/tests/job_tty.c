/* job_tty: a controlling terminal and its background groups, as Linux. A
 * new session opens a terminal (a pty slave; where the kernel has no ptys
 * yet, its second serial port) and it becomes the controlling one; a
 * background group that reads it gets SIGTTIN (EIO when the signal is
 * ignored or blocked or the group is orphaned), one that writes with TOSTOP
 * or changes the termios or the foreground group gets SIGTTOU (allowed when
 * it is ignored or blocked); tcsetpgrp's errors; TIOCNOTTY; the session
 * leader's exit sends the foreground group SIGHUP and takes the terminal
 * from the session. The checks of the session run in its leader, which
 * hands its counts back to main for the summary. */
#include "check.h"
#include <stdint.h>
#include <sys/ioctl.h>
#include <termios.h>

#ifndef TIOCGPTN
#define TIOCGPTN   0x80045430
#define TIOCSPTLCK 0x40045431
#endif
#define NO_SUCH_PID 4194305

static char tty_name[64];
static int tty_fd;

static void find_terminal(void)
{
	int m = open("/dev/ptmx", O_RDWR | O_NOCTTY);
	int n = 0, unlock = 0;
	if (m >= 0 && ioctl(m, TIOCSPTLCK, &unlock) == 0 && ioctl(m, TIOCGPTN, &n) == 0)
		snprintf(tty_name, sizeof tty_name, "/dev/pts/%d", n);
	else
		snprintf(tty_name, sizeof tty_name, "/dev/ttyS1");
	/* The master stays open in main (and every child) for the whole test. */
}

/* fn in a child in a background group of its own; its pid. */
static pid_t spawn_bg(int (*fn)(void *), void *arg)
{
	pid_t pid = fork();
	if (pid == 0) {
		setpgid(0, 0);
		alarm(10);
		_exit(fn(arg));
	}
	setpgid(pid, pid);
	return pid;
}

enum { DFL, IGN, BLOCK, HANDLER };
static volatile int caught;
static void on_sig(int sig)
{
	caught = sig;
}

static void set_disposition(int sig, int how)
{
	if (how == BLOCK) {
		sigset_t set;
		sigemptyset(&set);
		sigaddset(&set, sig);
		sigprocmask(SIG_BLOCK, &set, NULL);
	} else {
		set_handler(sig, how == IGN ? SIG_IGN : how == HANDLER ? on_sig : SIG_DFL, 0);
	}
}

/* The errno of a read of the terminal (0 if it returned), with SIGTTIN as arg says. */
static int bg_read(void *arg)
{
	char c;
	set_disposition(SIGTTIN, (int)(long)arg);
	int r = (int)read(tty_fd, &c, 1);
	return r < 0 ? errno + (caught == SIGTTIN ? 100 : 0) : 0;
}

static int bg_write(void *arg)
{
	set_disposition(SIGTTOU, (int)(long)arg);
	return write(tty_fd, "", 0) < 0 || write(tty_fd, "x", 1) != 1 ? errno : 0;
}

static int bg_tcsetattr(void *arg)
{
	struct termios t;
	set_disposition(SIGTTOU, (int)(long)arg);
	tcgetattr(tty_fd, &t);
	return tcsetattr(tty_fd, TCSANOW, &t) < 0 ? errno : 0;
}

static int bg_tcsetpgrp(void *arg)
{
	set_disposition(SIGTTOU, (int)(long)arg);
	return tcsetpgrp(tty_fd, getpgrp()) < 0 ? errno : 0;
}

static void expect_stop(int (*fn)(void *), int sig, const char *what)
{
	int st = 0;
	pid_t pid = spawn_bg(fn, (void *)(long)DFL);
	CHECK(waitpid(pid, &st, WUNTRACED) == pid && WIFSTOPPED(st) && WSTOPSIG(st) == sig, what);
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);
}

static void expect_result(int (*fn)(void *), int how, int code, const char *what)
{
	expect_exit(wait_status(spawn_bg(fn, (void *)(long)how)), code, what);
}

static void test_background(void)
{
	expect_stop(bg_read, SIGTTIN, "a background read stops with SIGTTIN");
	expect_result(bg_read, IGN, EIO, "with SIGTTIN ignored: EIO");
	expect_result(bg_read, BLOCK, EIO, "with SIGTTIN blocked: EIO");
	expect_result(bg_read, HANDLER, 100 + EINTR, "with a SIGTTIN handler: it runs, EINTR");
	expect_result(bg_write, DFL, 0, "a background write without TOSTOP goes out");
	expect_stop(bg_tcsetattr, SIGTTOU, "a background tcsetattr stops with SIGTTOU");
	expect_result(bg_tcsetattr, IGN, 0, "with SIGTTOU ignored it is allowed");
	expect_result(bg_tcsetattr, BLOCK, 0, "with SIGTTOU blocked it is allowed");
	expect_stop(bg_tcsetpgrp, SIGTTOU, "a background tcsetpgrp stops with SIGTTOU");

	struct termios t;
	tcgetattr(tty_fd, &t);
	t.c_lflag |= TOSTOP;
	CHECK_OK(tcsetattr(tty_fd, TCSANOW, &t), "the foreground sets TOSTOP");
	expect_stop(bg_write, SIGTTOU, "with TOSTOP a background write stops with SIGTTOU");
	expect_result(bg_write, IGN, 0, "with SIGTTOU ignored it goes out");
	expect_result(bg_write, BLOCK, 0, "with SIGTTOU blocked it goes out");

	int st = 0;
	pid_t pid = spawn_bg(bg_read, (void *)(long)DFL);
	waitpid(pid, &st, WUNTRACED);
	kill(pid, SIGCONT);
	CHECK(waitpid(pid, &st, WCONTINUED) == pid && WIFCONTINUED(st), "the stopped reader continued");
	CHECK(waitpid(pid, &st, WUNTRACED) == pid && WIFSTOPPED(st) && WSTOPSIG(st) == SIGTTIN,
	      "its read restarts and stops it again");
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);

	pid = spawn_bg(bg_tcsetpgrp, (void *)(long)IGN);
	expect_exit(wait_status(pid), 0, "with SIGTTOU ignored a background tcsetpgrp works");
	CHECK_EQ(tcgetpgrp(tty_fd), pid, "its group is the foreground one");
	signal(SIGTTOU, SIG_IGN);
	CHECK_OK(tcsetpgrp(tty_fd, getpgrp()), "the leader, ignoring SIGTTOU, takes it back");
	signal(SIGTTOU, SIG_DFL);
	CHECK_EQ(tcgetpgrp(tty_fd), getpgrp(), "tcgetpgrp says so");
}

/* A background group whose only member's parent has left: orphaned. */
static int orphan_checks(void *arg)
{
	int fd = *(int *)arg;
	pid_t parent = getpid();
	if (fork() != 0)
		_exit(0);
	alarm(10);
	for (int i = 0; i < 200 && getppid() == parent; i++)
		sleep_ms(10);
	char c, res[3];
	res[0] = read(tty_fd, &c, 1) < 0 && errno == EIO ? 'y' : 'n';
	res[1] = write(tty_fd, "x", 1) < 0 && errno == EIO ? 'y' : 'n';
	struct termios t;
	tcgetattr(tty_fd, &t);
	res[2] = tcsetattr(tty_fd, TCSANOW, &t) < 0 && errno == EIO ? 'y' : 'n';
	write(fd, res, 3);
	return 0;
}

static void test_orphaned(void)
{
	int p[2];
	pipe(p);
	waitpid(spawn_bg(orphan_checks, &p[1]), NULL, 0);
	close(p[1]);
	char res[4] = "";
	CHECK_EQ(read(p[0], res, 3), 3, "the orphaned group reports");
	CHECK(res[0] == 'y', "an orphaned background group's read: EIO");
	CHECK(res[1] == 'y', "its write with TOSTOP: EIO");
	CHECK(res[2] == 'y', "its tcsetattr: EIO");
	close(p[0]);
}

static int not_leader(void *arg)
{
	(void)arg;
	if (ioctl(tty_fd, TIOCSCTTY, 0) != -1 || errno != EPERM)
		return 1;
	if (ioctl(tty_fd, TIOCNOTTY) != 0)
		return 2;
	if (tcgetsid(tty_fd) != -1 || errno != ENOTTY)
		return 3;
	return 0;
}

static void test_ctty(void)
{
	CHECK_EQ(tcgetpgrp(tty_fd), getpgrp(), "the new session's group is the foreground one");
	CHECK_EQ(tcgetsid(tty_fd), getpid(), "tcgetsid (TIOCGSID) is the session");
	CHECK_OK(ioctl(tty_fd, TIOCSCTTY, 0), "TIOCSCTTY on its own terminal again");
	CHECK_ERR(tcsetpgrp(tty_fd, -1), EINVAL, "tcsetpgrp -1");
	CHECK_ERR(tcsetpgrp(tty_fd, NO_SUCH_PID), ESRCH, "tcsetpgrp of no group");
	CHECK_ERR(tcsetpgrp(tty_fd, getpgid(getppid())), EPERM, "tcsetpgrp of a group of another session");
	expect_exit(run_child(not_leader, NULL), 0, "not the leader: TIOCSCTTY EPERM, TIOCNOTTY drops only its own");
	CHECK_EQ(tcgetsid(tty_fd), getpid(), "the leader still has the terminal");
}

static int session(void *arg)
{
	int fd = *(int *)arg;
	setsid();
	tty_fd = open(tty_name, O_RDWR);
	struct termios t;
	tcgetattr(tty_fd, &t);
	t.c_lflag &= ~TOSTOP;   /* a serial port keeps it from an earlier run */
	tcsetattr(tty_fd, TCSANOW, &t);
	if (CHECK(tty_fd >= 0, "the session leader opens a terminal")) {
		test_ctty();
		test_background();
		test_orphaned();
	}
	int counts[2] = { check_total, check_failed };
	write(fd, counts, sizeof counts);
	return 0;
}

static volatile int hups;
static void on_hup(int sig)
{
	hups |= sig == SIGHUP ? 1 : 2;
}

struct pipes {
	int ready[2], result[2];
};

/* In the foreground group when its session leader exits. */
static int member(void *arg)
{
	struct pipes *pp = arg;
	alarm(10);
	pid_t leader = getppid();
	set_handler(SIGHUP, on_hup, 0);
	set_handler(SIGCONT, on_hup, 0);
	write(pp->ready[1], "r", 1);
	for (int i = 0; i < 300 && getppid() == leader; i++)
		sleep_ms(10);
	sleep_ms(100);
	char res[2] = { (char)('0' + hups), tcgetsid(tty_fd) == -1 && errno == ENOTTY ? 'y' : 'n' };
	write(pp->result[1], res, 2);
	return 0;
}

static int short_session(void *arg)
{
	struct pipes *pp = arg;
	setsid();
	tty_fd = open(tty_name, O_RDWR);
	if (tty_fd < 0)
		return 1;
	spawn(member, arg);
	char c;
	return read(pp->ready[0], &c, 1) == 1 ? 0 : 2;
}

static void test_leader_exit(void)
{
	struct pipes pp;
	pipe(pp.ready);
	pipe(pp.result);
	int st = run_child(short_session, &pp);
	expect_exit(st, 0, "a second session leader opened the terminal and left");
	close(pp.result[1]);
	char res[3] = "";
	CHECK_EQ(read(pp.result[0], res, 2), 2, "its foreground member reports");
	CHECK_EQ(res[0], '1', "the foreground group got SIGHUP (and no SIGCONT)");
	CHECK_EQ(res[1], 'y', "the terminal no longer belongs to the session");
	close(pp.result[0]);
}

int main(void)
{
	/* One CPU for the test and its children: a continued background reader
	 * whose read restarts and stops it again must not beat the parent's
	 * waitpid(WCONTINUED) to the group's state from another CPU (on Linux too). */
	uint32_t cpu0 = 1;
	raw_syscall(__NR_sched_setaffinity, 0, sizeof(cpu0), (long)&cpu0);
	alarm(60);
	find_terminal();
	int p[2];
	pipe(p);
	int st = run_child(session, &p[1]);
	int counts[2] = { 0, 1 };
	read(p[0], counts, sizeof counts);
	check_total += counts[0];
	check_failed += counts[1];
	close(p[0]);
	close(p[1]);
	expect_exit(st, 0, "the session ended");
	test_leader_exit();
	return done();
}
