/* ktest_tty.c: in-kernel tests of the line discipline. A test tty whose
 * driver writes into a buffer is fed bytes as a receive interrupt would feed
 * them; reads are non-blocking, so no process is needed. */
#include "kernel.h"
#include "test/ktest.h"
#include "tty/tty.h"
#include "uapi/errno.h"

static struct tty t;
static char out[512];
static size_t out_len;

static size_t buf_write(struct tty *tty, const char *s, size_t n)
{
	(void)tty;
	n = MIN(n, sizeof(out) - out_len);
	memcpy(out + out_len, s, n);
	out_len += n;
	return n;
}

static size_t buf_room(struct tty *tty)
{
	(void)tty;
	return sizeof(out) - out_len;
}

static const struct tty_operations buf_ops = { .write = buf_write, .write_room = buf_room };

static void setup(void)
{
	tty_init(&t, "ktest", &buf_ops, NULL);
	out_len = 0;
}

static void feed(const char *s)
{
	while (*s)
		tty_receive_char(&t, *s++);
}

static char rbuf[TTY_BUF_SIZE + 16];

/* A non-blocking read of at most n bytes into rbuf, NUL-terminated. */
static ssize_t rd(size_t n)
{
	ssize_t r = n_tty_read(&t, (struct tty_iobuf){ rbuf, false }, n, true);
	rbuf[r > 0 ? r : 0] = 0;
	return r;
}

static bool read_is(size_t n, const char *want)
{
	return rd(n) == (ssize_t)strlen(want) && strcmp(rbuf, want) == 0;
}

/* Whether the echo/output so far is exactly want; starts the next capture. */
static bool out_is(const char *want)
{
	bool ok = out_len == strlen(want) && memcmp(out, want, out_len) == 0;
	out_len = 0;
	return ok;
}

static void set_lflag(unsigned on, unsigned off, unsigned char vmin, unsigned char vtime)
{
	struct termios tio = t.termios;
	tio.c_lflag = (tio.c_lflag | on) & ~off;
	tio.c_cc[VMIN] = vmin;
	tio.c_cc[VTIME] = vtime;
	n_tty_set_termios(&t, &tio);
}

KTEST(tty_canon_line)
{
	setup();
	feed("hello");
	KCHECK(rd(100) == -EAGAIN);
	KCHECK(n_tty_inq(&t) == 0);
	feed("\r");                     /* ICRNL */
	KCHECK(n_tty_inq(&t) == 6);
	KCHECK(read_is(100, "hello\n"));
	KCHECK(out_is("hello\r\n"));
	KCHECK(rd(100) == -EAGAIN);
	/* A short read leaves the rest of the line for the next one. */
	feed("abcdef\nxy\n");
	KCHECK(read_is(3, "abc"));
	KCHECK(read_is(100, "def\n"));
	KCHECK(read_is(100, "xy\n"));
}

KTEST(tty_erase_kill)
{
	setup();
	feed("abx\x7f" "c\n");
	KCHECK(read_is(100, "abc\n"));
	KCHECK(out_is("abx\b \bc\r\n"));
	feed("ab\bc\n");                /* ^H erases too */
	KCHECK(read_is(100, "ac\n"));
	feed("\x7f\x7f" "d\n");         /* nothing to erase: no echo */
	KCHECK(read_is(100, "d\n"));
	out_len = 0;
	feed("\x01\x7f");               /* a ^X echo takes two columns to rub out */
	KCHECK(out_is("^A\b \b\b \b"));
	feed("junk\x15ok\n");
	KCHECK(read_is(100, "ok\n"));
	KCHECK(out_is("junk\b \b\b \b\b \b\b \bok\r\n"));
	feed("one two\x17three\n");     /* ^W */
	KCHECK(read_is(100, "one three\n"));
}

KTEST(tty_eof)
{
	setup();
	feed("\x04");
	KCHECK(n_tty_inq(&t) == 0);
	KCHECK(rd(100) == 0);
	KCHECK(rd(100) == -EAGAIN);
	feed("ab\x04");
	KCHECK(read_is(100, "ab"));
	KCHECK(rd(100) == -EAGAIN);
	/* A read that ends exactly before the push still consumes it. */
	feed("abc\x04\x04");
	KCHECK(read_is(3, "abc"));
	KCHECK(rd(100) == 0);
	KCHECK(out_is("abab" "c"));    /* ^D is never echoed */
}

KTEST(tty_isig_flushes)
{
	setup();
	feed("abc\x03");
	KCHECK(rd(100) == -EAGAIN);
	KCHECK(out_is("abc^C"));
	feed("ok\n");
	KCHECK(read_is(100, "ok\n"));
}

KTEST(tty_raw_modes)
{
	setup();
	feed("partial");
	set_lflag(0, ICANON | ECHO, 1, 0);
	KCHECK(read_is(3, "par"));      /* leaving ICANON releases the edited line */
	KCHECK(read_is(100, "tial"));
	KCHECK(rd(100) == -EAGAIN);     /* VMIN 1: would block */
	feed("\x7f\x01\n");            /* no editing characters */
	KCHECK(rd(100) == 3 && rbuf[0] == 0x7f && rbuf[1] == 0x01 && rbuf[2] == '\n');
	out_len = 0;
	set_lflag(0, ISIG, 0, 0);
	KCHECK(rd(100) == 0);           /* VMIN 0, VTIME 0: a poll */
	feed("\x03z");
	KCHECK(n_tty_inq(&t) == 2);
	KCHECK(rd(100) == 2 && rbuf[0] == 0x03 && rbuf[1] == 'z');
	KCHECK(out_is(""));             /* ECHO off */
	set_lflag(ICANON | ECHO | ISIG, 0, 1, 0);
	feed("back\n");
	KCHECK(read_is(100, "back\n"));
}

KTEST(tty_buffer_wraps_and_fills)
{
	setup();
	set_lflag(0, ECHO, 1, 0);
	for (int i = 0; i < 3 * TTY_BUF_SIZE / 10; i++) {
		feed("012345678\n");
		KCHECK(read_is(100, "012345678\n"));
	}
	/* A full canonical buffer still takes the newline that ends the line. */
	for (int i = 0; i < TTY_BUF_SIZE + 10; i++)
		tty_receive_char(&t, 'x');
	feed("\n");
	KCHECK(rd(sizeof(rbuf)) == TTY_BUF_SIZE && rbuf[TTY_BUF_SIZE - 1] == '\n');
}

static ssize_t wr(const char *s)
{
	return n_tty_write(&t, (struct tty_iobuf){ (char *)s, false }, strlen(s), false);
}

KTEST(tty_output_processing)
{
	setup();
	KCHECK(wr("a\nb\r") == 4);
	KCHECK(out_is("a\r\nb\r"));
	struct termios tio = t.termios;
	tio.c_oflag &= ~ONLCR;
	n_tty_set_termios(&t, &tio);
	KCHECK(wr("a\nb") == 3);
	KCHECK(out_is("a\nb"));
	tio.c_oflag = ONLCR;            /* without OPOST nothing is processed */
	n_tty_set_termios(&t, &tio);
	KCHECK(wr("x\n\n") == 3);
	KCHECK(out_is("x\n\n"));
}
