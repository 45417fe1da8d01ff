/* pty_basic: a Unix98 pty pair as Linux 6.1 makes one. /dev/ptmx hands out
 * a locked master whose slave /dev/pts/N (136,N; the opener's, group tty,
 * 0620) lives on devpts; TIOCGPTN, TIOCSPTLCK/TIOCGPTLCK, TIOCGPTPEER and
 * the POSIX calls over them (ptsname, ttyname); the slave's defaults and
 * termios and window size shared with the master; canonical and raw reads
 * of what the master writes, echo and ONLCR as the master reads them;
 * TIOCPKT status bytes; poll on both faces; the last slave close (master
 * read EIO, POLLHUP) and the master close (the slave hung up: read 0, write
 * and ioctls EIO, the node gone). Every wait is a bounded poll. */
#include "pty_util.h"

#include <dirent.h>
#include <uapi/statfs.h>

static int master, slave;

/* Writes s to fd and reads what the other side then has, as a string. */
static const char *xfer(int to, const char *s, int from)
{
	static char buf[256];
	if (s && write(to, s, strlen(s)) != (ssize_t)strlen(s))
		return "(short write)";
	pty_collect(from, buf, sizeof(buf), NULL, 100);
	return buf;
}

static void check_str(const char *got, const char *want, const char *what)
{
	char d[300];
	snprintf(d, sizeof(d), "got \"%s\"", got);
	check_record(strcmp(got, want) == 0, what, d);
}

static short revents(int fd, short events)
{
	struct pollfd p = { .fd = fd, .events = events };
	return poll(&p, 1, 0) == 1 ? p.revents : 0;
}

/* The mode= and gid= of the devpts mount at /dev/pts (glibc's, 620 and 5,
 * here and under linux-qemu; a host may mount it otherwise): Linux's
 * defaults are 0600 and the opener's group. */
static void devpts_options(unsigned *mode, unsigned *gid)
{
	*mode = 0600;
	*gid = getegid();
	FILE *f = fopen("/proc/mounts", "r");
	char line[256];
	while (f && fgets(line, sizeof(line), f)) {
		if (strncmp(line, "devpts /dev/pts ", 16) != 0)
			continue;
		char *o = strstr(line, ",mode=");
		if (o)
			*mode = (unsigned)strtoul(o + 6, NULL, 8);
		if ((o = strstr(line, ",gid=")))
			*gid = (unsigned)strtoul(o + 5, NULL, 10);
	}
	if (f)
		fclose(f);
}

static void test_nodes(void)
{
	struct stat st;
	unsigned n = 99;
	CHECK_OK(ioctl(master, TIOCGPTN, &n), "TIOCGPTN on the master");
	CHECK_OK(fstat(slave, &st), "fstat(slave)");
	unsigned mode, gid;
	devpts_options(&mode, &gid);
	CHECK(S_ISCHR(st.st_mode) && (st.st_mode & 07777) == mode, "the slave node has the mount's mode=");
	CHECK(st.st_uid == getuid() && st.st_gid == gid, "the slave belongs to the opener and the mount's gid=");
	CHECK(dev_major(st.st_rdev) == 136 && dev_minor(st.st_rdev) == n, "the slave is (136, N)");
	CHECK(stat("/dev/ptmx", &st) == 0 && S_ISCHR(st.st_mode) && (st.st_mode & 0777) == 0666 &&
	      dev_major(st.st_rdev) == 5 && dev_minor(st.st_rdev) == 2, "/dev/ptmx is crw-rw-rw- (5, 2)");
	struct statfs64 sf;
	CHECK(raw_syscall(__NR_statfs64, (long)"/dev/pts", sizeof(sf), (long)&sf) == 0 &&
	      sf.f_type == DEVPTS_SUPER_MAGIC, "/dev/pts is devpts");
	char name[32], want[32];
	snprintf(want, sizeof(want), "/dev/pts/%u", n);
	CHECK(ptsname_r(master, name, sizeof(name)) == 0 && strcmp(name, want) == 0, "ptsname_r names /dev/pts/N");
	CHECK(ptsname_r(master, name, 5) == ERANGE, "ptsname_r into a short buffer is ERANGE");
	char *tn = ttyname(slave);
	CHECK(tn && strcmp(tn, want) == 0, "ttyname(slave) is /dev/pts/N");
	CHECK(isatty(master) && isatty(slave), "both faces are terminals");
	CHECK_ERR(ioctl(slave, TIOCGPTN, &n), ENOTTY, "TIOCGPTN on the slave ENOTTY");
	CHECK_ERR(grantpt(slave), EINVAL, "grantpt(slave) EINVAL");
	int found = 0;
	DIR *d = opendir("/dev/pts");
	struct dirent *e;
	while (d && (e = readdir(d)))
		found |= (strcmp(e->d_name, want + 9) == 0) | (strcmp(e->d_name, "ptmx") == 0) << 1;
	if (d)
		closedir(d);
	CHECK_EQ(found, 3, "/dev/pts lists N and ptmx");
	CHECK_ERR(sys_call(__NR_mknod, (long)"/dev/pts/x", S_IFCHR | 0600, 0), EPERM, "no mknod in devpts");
}

static void test_lock(void)
{
	int m = posix_openpt(O_RDWR | O_NOCTTY), lock = 0;
	CHECK_OK(m, "a second master");
	char *name = ptsname(m);
	CHECK(name && strcmp(name, ttyname(slave)) != 0, "it has another number");
	CHECK(ioctl(m, TIOCGPTLCK, &lock) == 0 && lock == 1, "a new master is locked");
	CHECK_ERR(open(name, O_RDWR | O_NOCTTY), EIO, "its slave cannot be opened: EIO");
	CHECK_ERR(ioctl(m, TIOCGPTPEER, O_RDWR | O_NOCTTY), EIO, "nor through TIOCGPTPEER: EIO");
	CHECK_OK(unlockpt(m), "unlockpt");
	CHECK(ioctl(m, TIOCGPTLCK, &lock) == 0 && lock == 0, "TIOCGPTLCK says unlocked");
	int peer = CHECK_OK(ioctl(m, TIOCGPTPEER, O_RDWR | O_NOCTTY), "TIOCGPTPEER opens the slave");
	struct stat a, b;
	CHECK(fstat(peer, &a) == 0 && stat(name, &b) == 0 && a.st_rdev == b.st_rdev, "the peer is that slave");
	CHECK_ERR(ioctl(slave, TIOCGPTPEER, O_RDWR), EIO, "TIOCGPTPEER on a slave EIO");
	close(peer);
	close(m);
	CHECK_ERR(stat(name, &b), ENOENT, "closing the master removes its node");
}

static void test_defaults(void)
{
	struct termios t, mt;
	struct winsize ws;
	CHECK_OK(tcgetattr(slave, &t), "tcgetattr(slave)");
	CHECK(t.c_iflag == (ICRNL | IXON) && t.c_oflag == (OPOST | ONLCR), "the slave's iflag and oflag");
	CHECK_EQ(t.c_cflag, B38400 | CS8 | CREAD, "the slave's cflag: no HUPCL");
	CHECK_EQ(t.c_lflag, ISIG | ICANON | ECHO | ECHOE | ECHOK | ECHOCTL | ECHOKE | IEXTEN, "the slave's lflag");
	CHECK(tcgetattr(master, &mt) == 0 && memcmp(&t, &mt, sizeof(t)) == 0, "the master's TCGETS is the slave's");
	CHECK(ioctl(slave, TIOCGWINSZ, &ws) == 0 && ws.ws_row == 0 && ws.ws_col == 0, "the window starts 0x0");
	ws = (struct winsize){ .ws_row = 30, .ws_col = 100 };
	CHECK_OK(ioctl(master, TIOCSWINSZ, &ws), "TIOCSWINSZ on the master");
	CHECK(ioctl(slave, TIOCGWINSZ, &ws) == 0 && ws.ws_row == 30 && ws.ws_col == 100, "the slave sees it");
	ws.ws_row = 31;
	CHECK_OK(ioctl(slave, TIOCSWINSZ, &ws), "TIOCSWINSZ on the slave");
	CHECK(ioctl(master, TIOCGWINSZ, &ws) == 0 && ws.ws_row == 31, "the master sees it");
	t.c_cflag = (t.c_cflag & ~CSIZE) | CS7 | PARENB;
	tcsetattr(slave, TCSANOW, &t);
	CHECK(tcgetattr(slave, &t) == 0 && (t.c_cflag & (CSIZE | PARENB)) == CS8, "a pty stays CS8, no parity");
}

static void test_canonical(void)
{
	int n = 0;
	char buf[64];
	CHECK_OK(write(slave, "hi\n", 3), "slave writes hi\\n");
	CHECK(pty_ready(master, 1000) && ioctl(master, FIONREAD, &n) == 0 && n == 4, "FIONREAD on the master: 4");
	check_str(xfer(slave, NULL, master), "hi\r\n", "the master reads hi\\r\\n (ONLCR)");
	check_str(xfer(master, "ab\r", master), "ab\r\n", "typing ab\\r echoes ab\\r\\n");
	check_str(xfer(master, NULL, slave), "ab\n", "the slave reads ab\\n (ICRNL)");
	check_str(xfer(master, "par", master), "par", "a partial line echoes");
	CHECK(!pty_ready(slave, 50), "but is not readable");
	CHECK(ioctl(slave, FIONREAD, &n) == 0 && n == 0, "FIONREAD on the slave: 0");
	check_str(xfer(master, "t\177s\n", master), "t\b \bs\r\n", "DEL rubs out with \\b \\b");
	check_str(xfer(master, NULL, slave), "pars\n", "the edited line");
	check_str(xfer(master, "\003", master), "^C", "^C echoes as ^C");
	CHECK_OK(write(master, "\004", 1), "^D on an empty line");
	CHECK(pty_ready(slave, 1000) && read(slave, buf, sizeof(buf)) == 0, "reads as end of file");
	CHECK(write(master, "zz\n", 3) == 3 && pty_ready(slave, 1000), "a line for TCFLSH");
	CHECK(tcflush(slave, TCIFLUSH) == 0 && !pty_ready(slave, 0), "TCIFLUSH on the slave drops it");
	CHECK(tcflush(master, TCIFLUSH) == 0 && !pty_ready(master, 0), "TCIFLUSH on the master drops the echo");
	/* What TCOFLUSH on the slave does to the bytes the master has not read
	 * yet changed after Linux 6.1 (which keeps them): not asserted. */
	CHECK_OK(tcflush(slave, TCOFLUSH), "TCOFLUSH on the slave");
}

static void test_raw(void)
{
	struct termios t, orig;
	char buf[8];
	tcgetattr(slave, &orig);
	t = orig;
	cfmakeraw(&t);
	CHECK_OK(tcsetattr(master, TCSANOW, &t), "cfmakeraw through the master");
	CHECK(tcgetattr(slave, &t) == 0 && !(t.c_lflag & (ICANON | ECHO)), "the slave is raw");
	check_str(xfer(master, "x\r", slave), "x\r", "raw input: x\\r as is");
	CHECK(!pty_ready(master, 50), "and no echo");
	check_str(xfer(slave, "a\nb", master), "a\nb", "raw output: no ONLCR");
	t.c_cc[VMIN] = 0;
	t.c_cc[VTIME] = 1;
	tcsetattr(slave, TCSANOW, &t);
	long t0 = now_ms();
	CHECK(read(slave, buf, sizeof(buf)) == 0 && now_ms() - t0 >= 50, "VMIN 0 VTIME 1 times out with 0");
	tcsetattr(slave, TCSANOW, &orig);
}

/* More than either side's queue holds, each way, with a child on the
 * slave: the writers wait for the readers instead of losing bytes. */
#define BULK 8192

static int bulk_ok(const unsigned char *buf, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (buf[i] != (unsigned char)(i % 251))
			return 0;
	return 1;
}

static void test_bulk(void)
{
	static unsigned char out[BULK], in[BULK];
	struct termios t, orig;
	tcgetattr(slave, &orig);
	t = orig;
	cfmakeraw(&t);
	tcsetattr(slave, TCSANOW, &t);
	for (size_t i = 0; i < BULK; i++)
		out[i] = (unsigned char)(i % 251);
	pid_t pid = fork();
	if (pid == 0) {
		size_t n = 0;
		alarm(20);
		while (n < BULK) {
			ssize_t r = read(slave, in + n, BULK - n);
			if (r <= 0)
				_exit(2);
			n += (size_t)r;
		}
		_exit(bulk_ok(in, n) && write(slave, out, BULK) == BULK ? 0 : 1);
	}
	CHECK_EQ(write(master, out, BULK), BULK, "master writes 8192 bytes to a raw slave");
	size_t n = 0;
	while (n < BULK && pty_ready(master, 5000)) {
		ssize_t r = read(master, in + n, BULK - n);
		if (r <= 0)
			break;
		n += (size_t)r;
	}
	CHECK(n == BULK && bulk_ok(in, n), "and reads the 8192 the slave writes back");
	expect_exit(wait_status(pid), 0, "the slave's reader got every byte");
	tcsetattr(slave, TCSANOW, &orig);
}

static void check_pkt(const char *s, unsigned char status, const char *what)
{
	if (s)
		write(master, s, strlen(s));
	unsigned char buf[8] = { 0xff };
	CHECK(pty_ready(master, 1000) && read(master, buf, sizeof(buf)) == 1 && buf[0] == status, what);
}

static void test_packet(void)
{
	int on = 1;
	unsigned char buf[8];
	struct termios t;
	CHECK_OK(ioctl(master, TIOCPKT, &on), "TIOCPKT on");
	CHECK(ioctl(master, TIOCGPKT, &on) == 0 && on == 1, "TIOCGPKT says so");
	CHECK_ERR(ioctl(slave, TIOCPKT, &on), ENOTTY, "TIOCPKT on the slave ENOTTY");
	write(slave, "x", 1);
	CHECK(pty_ready(master, 1000) && read(master, buf, sizeof(buf)) == 2 && buf[0] == TIOCPKT_DATA &&
	      buf[1] == 'x', "data comes after TIOCPKT_DATA");
	tcflush(slave, TCIFLUSH);
	CHECK_EQ(revents(master, POLLIN | POLLPRI), POLLIN | POLLPRI, "a status event is POLLPRI");
	check_pkt(NULL, TIOCPKT_FLUSHREAD, "TCIFLUSH: TIOCPKT_FLUSHREAD");
	tcflush(slave, TCOFLUSH);
	check_pkt(NULL, TIOCPKT_FLUSHWRITE, "TCOFLUSH: TIOCPKT_FLUSHWRITE");
	tcflush(slave, TCIOFLUSH);
	check_pkt(NULL, TIOCPKT_FLUSHREAD | TIOCPKT_FLUSHWRITE, "TCIOFLUSH: both");
	tcgetattr(slave, &t);
	t.c_iflag &= ~IXON;
	tcsetattr(slave, TCSANOW, &t);
	check_pkt(NULL, TIOCPKT_NOSTOP, "IXON off: TIOCPKT_NOSTOP");
	t.c_iflag |= IXON;
	tcsetattr(slave, TCSANOW, &t);
	check_pkt(NULL, TIOCPKT_DOSTOP, "IXON on: TIOCPKT_DOSTOP");
	check_pkt("\023", TIOCPKT_STOP, "^S: TIOCPKT_STOP");
	check_pkt("\021", TIOCPKT_START, "^Q: TIOCPKT_START");
	check_pkt("\003", TIOCPKT_FLUSHREAD | TIOCPKT_FLUSHWRITE, "^C flushes both queues");
	CHECK(pty_ready(master, 1000) && read(master, buf, sizeof(buf)) == 3 && buf[0] == TIOCPKT_DATA &&
	      buf[1] == '^' && buf[2] == 'C', "then its echo");
	on = 0;
	CHECK(ioctl(master, TIOCPKT, &on) == 0 && ioctl(master, TIOCGPKT, &on) == 0 && on == 0, "TIOCPKT off");
}

static void test_poll(void)
{
	CHECK_EQ(revents(master, POLLIN | POLLOUT), POLLOUT, "master: writable, nothing to read");
	CHECK_EQ(revents(slave, POLLIN | POLLOUT), POLLOUT, "slave: writable, nothing to read");
	write(master, "l\n", 2);
	pty_ready(slave, 1000);
	CHECK_EQ(revents(slave, POLLIN | POLLOUT), POLLIN | POLLOUT, "slave: a line is POLLIN");
	CHECK_EQ(revents(master, POLLIN | POLLOUT), POLLIN | POLLOUT, "master: its echo is POLLIN");
	tcflush(slave, TCIFLUSH);
	tcflush(master, TCIFLUSH);
	/* A blocked master read is woken by the slave's write. */
	pid_t pid = fork();
	if (pid == 0) {
		sleep_ms(100);
		_exit(write(slave, "w", 1) == 1 ? 0 : 1);
	}
	char c = 0;
	CHECK(pty_ready(master, 5000) && read(master, &c, 1) == 1 && c == 'w', "poll wakes for the slave's write");
	expect_exit(wait_status(pid), 0, "the writer");
}

static void test_slave_close(void)
{
	char buf[8];
	const char *name = ptsname(master);
	close(slave);
	CHECK_EQ(revents(master, POLLIN | POLLOUT), POLLOUT | POLLHUP, "no slave open: POLLHUP");
	CHECK_ERR(read(master, buf, sizeof(buf)), EIO, "master read EIO");
	slave = CHECK_OK(open(name, O_RDWR | O_NOCTTY), "the slave opens again");
	CHECK_EQ(revents(master, POLLIN | POLLOUT), POLLOUT, "and POLLHUP is gone");
	write(slave, "q", 1);
	close(slave);
	CHECK_EQ(revents(master, POLLIN | POLLOUT), POLLIN | POLLOUT | POLLHUP, "data left and POLLHUP");
	CHECK(read(master, buf, sizeof(buf)) == 1 && buf[0] == 'q', "the data is read first");
	CHECK_ERR(read(master, buf, sizeof(buf)), EIO, "then EIO");
	slave = open(name, O_RDWR | O_NOCTTY);
}

static void test_master_close(void)
{
	char buf[8];
	unsigned n;
	struct termios t;
	char name[32];
	ioctl(master, TIOCGPTN, &n);
	snprintf(name, sizeof(name), "/dev/pts/%u", n);
	write(master, "in\n", 3);
	pty_ready(slave, 1000);
	close(master);
	CHECK_EQ(revents(slave, POLLIN | POLLOUT), POLLIN | POLLOUT | POLLERR | POLLHUP, "hung-up slave poll");
	CHECK_EQ(read(slave, buf, sizeof(buf)), 0, "slave read 0 (queued input is gone)");
	CHECK_ERR(write(slave, "a", 1), EIO, "slave write EIO");
	CHECK_ERR(tcgetattr(slave, &t), EIO, "tcgetattr EIO");
	CHECK_ERR(ioctl(slave, TIOCSPGRP, &n), ENOTTY, "TIOCSPGRP ENOTTY");
	CHECK_ERR(access(name, F_OK), ENOENT, "the node is gone");
	int m = posix_openpt(O_RDWR | O_NOCTTY);
	unsigned n2;
	CHECK(m >= 0 && ioctl(m, TIOCGPTN, &n2) == 0 && n2 != n, "its number is busy while the slave is open");
	close(m);
	close(slave);
	m = posix_openpt(O_RDWR | O_NOCTTY);
	CHECK(m >= 0 && ioctl(m, TIOCGPTN, &n2) == 0 && n2 == n, "and free once it closes");
	close(m);
}

int main(void)
{
	const char *what;
	if (pty_open_pair(&master, &slave, &what)) {
		check_record(0, "open a pty pair", what);
		return done();
	}
	test_nodes();
	test_lock();
	test_defaults();
	test_canonical();
	test_raw();
	test_bulk();
	test_packet();
	test_poll();
	test_slave_close();
	test_master_close();
	return done();
}
