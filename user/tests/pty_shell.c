/* pty_shell: a program drives a shell through a pty, as script(1) or a
 * terminal emulator does. The child starts a session, takes the slave as its
 * controlling terminal (TIOCSCTTY), makes it stdin, stdout and stderr and
 * runs the shell; the parent types on the master and reads what the shell
 * shows: a command and its output, ^C ending a foreground sleep, exit. Both
 * the project's /bin/sh and busybox's ash (/usr/bin/sh) are driven.
 * Kernel-only: the host has neither shell at those paths. Every wait is
 * bounded. */
#include "pty_util.h"

static pid_t start_shell(const char *shell, int master, int slave)
{
	pid_t pid = fork();
	if (pid == 0) {
		close(master);
		if (setsid() < 0 || ioctl(slave, TIOCSCTTY, 0) < 0)
			_exit(100);
		for (int fd = 0; fd < 3; fd++)
			dup2(slave, fd);
		if (slave > 2)
			close(slave);
		execl(shell, shell, (char *)NULL);
		_exit(101);
	}
	close(slave);
	return pid;
}

static int occurrences(const char *s, const char *want)
{
	int n = 0;
	for (const char *p = s; (p = strstr(p, want)); p++)
		n++;
	return n;
}

/* Types line and reads until want has shown up times times (the echo of
 * the line counts: the prompt may come before or after it), or 5 s:
 * whether it did. */
static int type_and_expect(int master, const char *line, const char *want, int times, char *out, size_t size)
{
	write(master, line, strlen(line));
	long end = now_ms() + 5000;
	size_t n = 0;
	out[0] = '\0';
	while (occurrences(out, want) < times && n + 1 < size && now_ms() < end && pty_ready(master, 200)) {
		ssize_t r = read(master, out + n, size - 1 - n);
		if (r <= 0)
			break;
		out[n += (size_t)r] = '\0';
	}
	return occurrences(out, want) >= times;
}

/* A failed check shows what the shell printed, control bytes escaped. */
static void check_shown(int ok, const char *what, const char *out)
{
	char d[600];
	size_t k = 0;
	for (const char *p = out; *p && k + 5 < sizeof(d); p++)
		k += (unsigned char)*p < ' ' ? (size_t)snprintf(d + k, sizeof(d) - k, "\\%03o", (unsigned char)*p)
					     : (size_t)snprintf(d + k, sizeof(d) - k, "%c", *p);
	d[k] = '\0';
	check_record(ok, what, d);
}

static void drive(const char *shell)
{
	int master, slave;
	const char *what;
	char out[2048], label[128];
	if (pty_open_pair(&master, &slave, &what)) {
		check_record(0, "open a pty pair", what);
		return;
	}
	struct winsize ws = { .ws_row = 24, .ws_col = 80 };
	ioctl(master, TIOCSWINSZ, &ws);
	pid_t pid = start_shell(shell, master, slave);
	snprintf(label, sizeof(label), "%s: echo hello prints hello", shell);
	check_shown(type_and_expect(master, "echo hello\n", "hello\r\n", 2, out, sizeof(out)), label, out);
	pid_t fg = 0;
	snprintf(label, sizeof(label), "%s: the shell's session has the terminal", shell);
	CHECK(ioctl(master, TIOCGPGRP, &fg) == 0 && fg > 0, label);
	type_and_expect(master, "sleep 20\n", "sleep 20\r\n", 1, out, sizeof(out));
	sleep_ms(300);
	long t0 = now_ms();
	write(master, "\003", 1);
	snprintf(label, sizeof(label), "%s: ^C ends the foreground sleep", shell);
	int ok = type_and_expect(master, "echo after\n", "after\r\n", 2, out, sizeof(out));
	check_shown(ok && now_ms() - t0 < 10000, label, out);
	write(master, "exit\n", 5);
	long end = now_ms() + 5000;
	int st = -1;
	while (now_ms() < end && waitpid(pid, &st, WNOHANG) == 0) {
		if (pty_ready(master, 100))
			read(master, out, sizeof(out));
	}
	if (st == -1) {
		kill(pid, SIGKILL);
		waitpid(pid, &st, 0);
	}
	snprintf(label, sizeof(label), "%s: exit ends the shell", shell);
	expect_exit(st, 0, label);
	while (pty_ready(master, 100) && read(master, out, sizeof(out)) > 0)
		;
	snprintf(label, sizeof(label), "%s: then the master reads EIO", shell);
	CHECK_ERR(read(master, out, sizeof(out)), EIO, label);
	close(master);
}

int main(void)
{
	drive("/bin/sh");
	drive("/usr/bin/sh");
	return done();
}
