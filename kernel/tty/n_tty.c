/* n_tty.c: the line discipline (Linux's N_TTY). Input processing, line
 * editing and echo run in the receiving driver's interrupt handler; reads
 * follow the canonical rules (a line at a time, ^D pushes or ends the input)
 * or the VMIN/VTIME rules of non-canonical mode; output is post-processed
 * (OPOST: ONLCR, OCRNL) on its way to the driver. */
#include "kernel.h"
#include "fs/fasync.h"
#include "proc.h"
#include "x86/timer.h"
#include "tty/tty.h"
#include "uapi/errno.h"
#include "x86/x86.h"

#define MASK(i) ((i) & (TTY_BUF_SIZE - 1))
#define L(tty, f) ((tty)->termios.c_lflag & (f))
#define I(tty, f) ((tty)->termios.c_iflag & (f))

/* Bytes moved per copy: reads and writes stage through a stack buffer so
 * that the ring is touched with interrupts masked but user memory is not. */
#define CHUNK 128

/* A control character slot of c_cc holding 0 is disabled (_POSIX_VDISABLE). */
static bool is_cc(const struct tty *tty, int idx, unsigned char c)
{
	return tty->termios.c_cc[idx] && tty->termios.c_cc[idx] == c;
}

/* What ECHOCTL shows as ^X. Tab and newline move the cursor as themselves. */
static bool is_ctl(unsigned char c)
{
	return (c < 0x20 && c != '\t' && c != '\n') || c == 0x7f;
}

/* Output post-processing; out has room for 2 * n bytes. */
static size_t opost(const struct termios *t, const char *in, size_t n, char *out)
{
	size_t o = 0;
	for (size_t i = 0; i < n; i++) {
		char c = in[i];
		if (t->c_oflag & OPOST) {
			if (c == '\n' && (t->c_oflag & ONLCR))
				out[o++] = '\r';
			else if (c == '\r' && (t->c_oflag & OCRNL))
				c = '\n';
		}
		out[o++] = c;
	}
	return o;
}

/* Echo never waits: what the driver cannot take now is dropped, as the
 * typist cannot be slowed down either. */
static void echo(struct tty *tty, const char *s, size_t n)
{
	char out[8];
	tty->ops->write(tty, out, opost(&tty->termios, s, n, out));
}

static void echo_char(struct tty *tty, unsigned char c)
{
	if (L(tty, ECHOCTL) && is_ctl(c)) {
		char s[2] = { '^', (char)(c ^ 0x40) };
		echo(tty, s, 2);
	} else {
		echo(tty, (const char *)&c, 1);
	}
}

static unsigned room(const struct tty *tty)
{
	return TTY_BUF_SIZE - (tty->read_head - tty->read_tail);
}

static void put_char(struct tty *tty, unsigned char c, unsigned char flags)
{
	tty->read_buf[MASK(tty->read_head)] = c;
	tty->read_flags[MASK(tty->read_head)] = flags;
	tty->read_head++;
}

/* Makes everything received so far readable. */
static void commit(struct tty *tty)
{
	tty->canon_head = tty->read_head;
	wake_up_interruptible(&tty->read_wait);
	kill_fasync(&tty->fasync, SIGIO, POLL_IN);
}

/* Removes the last character of the line being edited and rubs it out on
 * the screen. Tabs are rubbed out as one column: the discipline does not
 * track the cursor column. */
static bool erase_one(struct tty *tty)
{
	if (tty->read_head == tty->canon_head)
		return false;
	unsigned char c = tty->read_buf[MASK(--tty->read_head)];
	if (L(tty, ECHO) && L(tty, ECHOE)) {
		for (int w = L(tty, ECHOCTL) && is_ctl(c) ? 2 : 1; w > 0; w--)
			echo(tty, "\b \b", 3);
	}
	return true;
}

static void erase_word(struct tty *tty)
{
	while (tty->read_head != tty->canon_head &&
	       tty->read_buf[MASK(tty->read_head - 1)] == ' ')
		erase_one(tty);
	while (tty->read_head != tty->canon_head &&
	       tty->read_buf[MASK(tty->read_head - 1)] != ' ')
		erase_one(tty);
}

/* The canonical editing characters; false if c is an ordinary one. */
static bool canon_edit(struct tty *tty, unsigned char c)
{
	bool echo_on = L(tty, ECHO);
	if (is_cc(tty, VERASE, c) || c == '\b') {
		if (erase_one(tty) && echo_on && !L(tty, ECHOE))
			echo_char(tty, c);
	} else if (is_cc(tty, VWERASE, c) && L(tty, IEXTEN)) {
		erase_word(tty);
	} else if (is_cc(tty, VKILL, c)) {
		if (echo_on && L(tty, ECHOKE) && L(tty, ECHOE)) {
			while (erase_one(tty))
				;
			return true;
		}
		tty->read_head = tty->canon_head;
		if (echo_on) {
			echo_char(tty, c);
			if (L(tty, ECHOK))
				echo(tty, "\n", 1);
		}
	} else if (is_cc(tty, VEOF, c)) {
		/* The push itself occupies a slot so that an empty line reads as 0 bytes. */
		if (room(tty) > 0) {
			put_char(tty, c, TTY_EOL | TTY_EOF);
			commit(tty);
		}
	} else if (c == '\n' || is_cc(tty, VEOL, c) || is_cc(tty, VEOL2, c)) {
		if (room(tty) > 0) {
			put_char(tty, c, TTY_EOL);
			if (echo_on || (c == '\n' && L(tty, ECHONL)))
				echo_char(tty, c);
			commit(tty);
		}
	} else {
		return false;
	}
	return true;
}

static int signal_char(const struct tty *tty, unsigned char c)
{
	if (is_cc(tty, VINTR, c))
		return SIGINT;
	if (is_cc(tty, VQUIT, c))
		return SIGQUIT;
	if (is_cc(tty, VSUSP, c))
		return SIGTSTP;
	return 0;
}

/* Interrupt context: one received byte through input processing, flow
 * control, signals, line editing and echo. */
void tty_receive_char(struct tty *tty, char ch)
{
	unsigned char c = ch;
	if (I(tty, ISTRIP))
		c &= 0x7f;
	if (c == '\r') {
		if (I(tty, IGNCR))
			return;
		if (I(tty, ICRNL))
			c = '\n';
	} else if (c == '\n' && I(tty, INLCR)) {
		c = '\r';
	}
	if (I(tty, IXON)) {
		if (is_cc(tty, VSTOP, c)) {
			tty->stopped = true;
			if (tty->ops->stop)
				tty->ops->stop(tty);
			return;
		}
		if (is_cc(tty, VSTART, c)) {
			tty->stopped = false;
			if (tty->ops->start)
				tty->ops->start(tty);
			tty_wakeup(tty);
			return;
		}
	}
	int sig = L(tty, ISIG) ? signal_char(tty, c) : 0;
	if (sig) {
		if (!L(tty, NOFLSH)) {
			n_tty_flush_input(tty);
			if (tty->ops->flush_buffer)
				tty->ops->flush_buffer(tty, TCIOFLUSH);
		}
		if (L(tty, ECHO))
			echo_char(tty, c);
		if (tty->pgrp > 0)
			tty_signal_pgrp(tty->pgrp, sig);
		return;
	}
	if (L(tty, ICANON)) {
		if (canon_edit(tty, c))
			return;
		/* Keep one slot for the newline that will end this line. */
		if (room(tty) <= 1)
			return;
		put_char(tty, c, 0);
	} else {
		if (room(tty) == 0)
			return;
		put_char(tty, c, 0);
		commit(tty);
	}
	if (L(tty, ECHO))
		echo_char(tty, c);
}

void n_tty_flush_input(struct tty *tty)
{
	uint32_t f = irq_save();
	tty->read_tail = tty->canon_head = tty->read_head;
	irq_restore(f);
}

bool n_tty_readable(const struct tty *tty)
{
	return tty->read_tail != tty->canon_head;
}

size_t n_tty_receive_room(const struct tty *tty)
{
	return room(tty);
}

size_t n_tty_inq(const struct tty *tty)
{
	uint32_t f = irq_save();
	size_t n = 0;
	for (unsigned i = tty->read_tail; i != tty->canon_head; i++)
		n += !(tty->read_flags[MASK(i)] & TTY_EOF);
	irq_restore(f);
	return n;
}

void n_tty_set_termios(struct tty *tty, const struct termios *t)
{
	uint32_t f = irq_save();
	bool was_canon = L(tty, ICANON);
	tty->termios = *t;
	/* Leaving canonical mode makes the half-edited line readable at once. */
	if (was_canon && !L(tty, ICANON))
		tty->canon_head = tty->read_head;
	if (!I(tty, IXON))
		tty->stopped = false;
	irq_restore(f);
	wake_up_interruptible(&tty->read_wait);
	tty_wakeup(tty);
}

static int iobuf_out(struct tty_iobuf b, size_t off, const char *src, size_t n)
{
	if (b.user)
		return copyout(src, b.base + off, n) ? -EFAULT : 0;
	memcpy(b.base + off, src, n);
	return 0;
}

static int iobuf_in(struct tty_iobuf b, size_t off, char *dst, size_t n)
{
	if (b.user)
		return copyin(b.base + off, dst, n) ? -EFAULT : 0;
	memcpy(dst, b.base + off, n);
	return 0;
}

/* Takes at most n readable bytes off the ring. In canonical mode it stops
 * after a line delimiter and sets *eol; an end-of-file push is consumed but
 * not returned. */
static size_t take(struct tty *tty, char *dst, size_t n, bool *eol)
{
	bool canon = L(tty, ICANON);
	size_t k = 0;
	uint32_t f = irq_save();
	while (k < n && tty->read_tail != tty->canon_head) {
		unsigned i = MASK(tty->read_tail++);
		if (canon && (tty->read_flags[i] & TTY_EOF)) {
			*eol = true;
			break;
		}
		dst[k++] = tty->read_buf[i];
		if (canon && (tty->read_flags[i] & TTY_EOL)) {
			*eol = true;
			break;
		}
	}
	/* "abc^D" read with a count of 3 ends the line: its push must not be
	 * left behind to read later as end of file. */
	if (canon && !*eol && k > 0 && tty->read_tail != tty->canon_head &&
	    (tty->read_flags[MASK(tty->read_tail)] & TTY_EOF)) {
		tty->read_tail++;
		*eol = true;
	}
	irq_restore(f);
	return k;
}

/* Copies readable input to buf until count, a line end, or the ring runs dry.
 * Returns the bytes copied or -EFAULT if none could be. */
static ssize_t copy_input(struct tty *tty, struct tty_iobuf buf, size_t count, size_t copied,
			  bool *eol)
{
	char kbuf[CHUNK];
	while (copied < count && !*eol && n_tty_readable(tty)) {
		size_t k = take(tty, kbuf, MIN(count - copied, sizeof(kbuf)), eol);
		if (k && tty->ops->unthrottle)
			tty->ops->unthrottle(tty);
		if (iobuf_out(buf, copied, kbuf, k) < 0)
			return copied ? (ssize_t)copied : -EFAULT;
		copied += k;
	}
	return copied;
}

/* Input, or a hang-up since the read began (hup: tty->hangups then). */
static bool read_wakes(const struct tty *tty, unsigned hup)
{
	return n_tty_readable(tty) || tty->hangups != hup || tty->other_closed;
}

/* Zero bytes without a line end is not end of file: a ^C may have flushed
 * the line between the wake-up and the copy. Only the push says EOF, or a
 * hang-up, which reads as end of file as on Linux. */
static ssize_t canon_read(struct tty *tty, struct tty_iobuf buf, size_t count, bool nonblock)
{
	unsigned hup = tty->hangups;
	for (;;) {
		bool eol = false;
		ssize_t r = copy_input(tty, buf, count, 0, &eol);
		if (r != 0 || eol)
			return r;
		if (tty->other_closed)
			return -EIO;
		if (tty->hangups != hup)
			return 0;
		if (nonblock)
			return -EAGAIN;
		int w = wait_event_interruptible(tty->read_wait, read_wakes(tty, hup));
		if (w < 0)
			return w;
	}
}

/* Non-canonical: VMIN bytes (at most count) satisfy the read; VTIME, in
 * tenths of a second, bounds the wait for the first byte when VMIN is 0 and
 * the gap between bytes otherwise; both 0 is a poll. */
static ssize_t raw_read(struct tty *tty, struct tty_iobuf buf, size_t count, bool nonblock)
{
	unsigned vmin = tty->termios.c_cc[VMIN], vtime = tty->termios.c_cc[VTIME];
	size_t minimum = MIN((size_t)vmin, count), copied = 0;
	unsigned hup = tty->hangups;
	for (;;) {
		bool eol = false;
		ssize_t r = copy_input(tty, buf, count, copied, &eol);
		if (r < 0)
			return r;
		copied = r;
		if (copied >= count || (copied > 0 && copied >= minimum))
			break;
		if (tty->other_closed && !n_tty_readable(tty))
			return copied ? (ssize_t)copied : -EIO;
		if ((vmin == 0 && vtime == 0) || tty->hangups != hup)
			break;
		if (nonblock)
			return copied ? (ssize_t)copied : -EAGAIN;
		long w;
		if (vtime && (vmin == 0 || copied > 0)) {
			w = wait_event_interruptible_timeout(tty->read_wait, read_wakes(tty, hup),
							     vtime * HZ / 10);
			if (w == 0)
				break;
		} else {
			w = wait_event_interruptible(tty->read_wait, read_wakes(tty, hup));
		}
		if (w < 0)
			return copied ? (ssize_t)copied : w;
	}
	return copied;
}

ssize_t n_tty_read(struct tty *tty, struct tty_iobuf buf, size_t count, bool nonblock)
{
	if (count == 0)
		return 0;
	if (L(tty, ICANON))
		return canon_read(tty, buf, count, nonblock);
	return raw_read(tty, buf, count, nonblock);
}

static bool can_write(struct tty *tty)
{
	return !tty->stopped && tty->ops->write_room(tty) > 0;
}

/* Hands processed output to the driver, sleeping while it has no room;
 * -EIO once the tty is hung up. */
static int push_output(struct tty *tty, const char *s, size_t n, bool nonblock)
{
	unsigned hup = tty->hangups;
	for (;;) {
		if (!tty->stopped) {
			size_t k = tty->ops->write(tty, s, n);
			s += k;
			n -= k;
		}
		if (n == 0)
			return 0;
		if (tty->hangups != hup)
			return -EIO;
		if (nonblock)
			return -EAGAIN;
		int r = wait_event_interruptible(tty->write_wait, can_write(tty) || tty->hangups != hup);
		if (r < 0)
			return r;
	}
}

/* How many of the k input bytes the driver can take now, once processed: a
 * non-blocking write sends only those, so the count it returns is exactly
 * what went out (a half-sent chunk would make the caller send it again). */
static size_t fits_now(struct tty *tty, const char *in, size_t k)
{
	if (tty->stopped)
		return 0;
	size_t room = tty->ops->write_room(tty), used = 0, n = 0;
	char tmp[2];
	while (n < k && (used += opost(&tty->termios, in + n, 1, tmp)) <= room)
		n++;
	return n;
}

ssize_t n_tty_write(struct tty *tty, struct tty_iobuf buf, size_t count, bool nonblock)
{
	char in[CHUNK], out[2 * CHUNK];
	size_t done = 0;
	while (done < count) {
		size_t k = MIN(count - done, sizeof(in));
		if (iobuf_in(buf, done, in, k) < 0)
			return done ? (ssize_t)done : -EFAULT;
		if (nonblock && (k = fits_now(tty, in, k)) == 0)
			return done ? (ssize_t)done : -EAGAIN;
		int r = push_output(tty, out, opost(&tty->termios, in, k, out), nonblock);
		if (r < 0)
			return done ? (ssize_t)done : r;
		done += k;
	}
	return done;
}
