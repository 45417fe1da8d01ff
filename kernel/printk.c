/* printk.c: the kernel log. Each line gets its level and a timestamp and goes
 * into a ring in syslog(2)'s format, "<6>[    1.234567] text\n"; the console
 * shows it as "[    1.234567] text" when its level is below console_loglevel
 * (`loglevel=N`, `quiet`: 4), and QEMU's debugcon, which the test harness
 * keeps, gets every line. syslog(2) reads the ring with Linux's semantics. */
#include "kernel.h"
#include "locking/spinlock.h"
#include "cmdline.h"
#include "proc.h"
#include "syscall.h"
#include "tty/console.h"
#include "uaccess.h"
#include "waitqueue.h"
#include "x86/timer.h"
#include "x86/x86.h"
#include "uapi/errno.h"
#include "uapi/syslog.h"

int console_loglevel = CONSOLE_LOGLEVEL_DEFAULT;
static int saved_console_loglevel = -1;         /* while SYSLOG_ACTION_CONSOLE_OFF holds */
static int verbose_saved_level;
static int verbose_depth;

/* logbuf_lock (irqsave) protects the ring, its positions and the console
 * line state: printk needs no big kernel lock, from any CPU or interrupt.
 * A panic takes it over (printk_bust_locks), so that a CPU stopped while
 * holding it does not silence the report. */
static DEFINE_SPINLOCK(logbuf_lock);
static char log_buf[LOG_BUF_LEN];
/* Byte counts since boot: the ring holds [log_first, log_next). */
static uint64_t log_first, log_next, syslog_pos, clear_pos;
static DECLARE_WAIT_QUEUE_HEAD(log_wait);

static bool line_open;                  /* the last line has no '\n' yet */
static bool line_shown;                 /* the open line goes to the console */

void printk_init(void)
{
	if (cmdline_has("quiet"))
		console_loglevel = CONSOLE_LOGLEVEL_QUIET;
	if (cmdline_has("debug"))
		console_loglevel = 10;
	const char *lvl = cmdline_get("loglevel");
	if (lvl)
		console_loglevel = (int)strtoul(lvl, NULL, 10);
}

void console_verbose(void)
{
	if (verbose_depth++ == 0)
		verbose_saved_level = console_loglevel;
	console_loglevel = CONSOLE_LOGLEVEL_MOTORMOUTH;
}

void console_restore(void)
{
	if (verbose_depth > 0 && --verbose_depth == 0)
		console_loglevel = verbose_saved_level;
}

/* Drops whole lines from the old end until one more byte fits. */
static void make_room(void)
{
	while (log_next - log_first >= LOG_BUF_LEN) {
		while (log_first < log_next && log_buf[log_first++ % LOG_BUF_LEN] != '\n')
			;
	}
}

static void log_store(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		make_room();
		log_buf[log_next++ % LOG_BUF_LEN] = s[i];
	}
}

static void emit(const char *s, size_t n)
{
	log_store(s, n);
	console_emit(s, n, line_shown);
}

static void start_line(int level)
{
	char prefix[32];
	uint64_t us = monotonic_ns() / 1000;
	int n = snprintf(prefix, sizeof(prefix), "<%d>[%5u.%06u] ", level,
			 (unsigned)(us / 1000000), (unsigned)(us % 1000000));
	line_shown = level < console_loglevel;
	log_store(prefix, 3);
	emit(prefix + 3, n - 3);
	line_open = true;
}

/* The level a message starts with ("\0013"...), LOGLEVEL_DEFAULT without one;
 * *explicit is false for KERN_CONT and for no level at all: they continue
 * an open line. */
static const char *parse_level(const char *s, int *level, bool *explicit)
{
	*level = LOGLEVEL_DEFAULT;
	*explicit = false;
	while (s[0] == KERN_SOH[0] && s[1]) {
		if (s[1] >= '0' && s[1] <= '7') {
			*level = s[1] - '0';
			*explicit = true;
		} else if (s[1] == 'd') {
			*explicit = true;
		}
		s += 2;
	}
	return s;
}

/* The bytes of text printed, without the level. */
static int vprintk(const char *fmt, va_list ap)
{
	char buf[512];
	int n = kvsnprintf(buf, sizeof(buf), fmt, ap);
	int level;
	bool explicit;
	const char *text = parse_level(buf, &level, &explicit), *s = text;
	const char *end = buf + MIN((size_t)n, sizeof(buf) - 1);
	unsigned long f;
	spin_lock_irqsave(&logbuf_lock, f);
	if (line_open && explicit)
		emit("\n", 1);
	if (explicit)
		line_open = false;
	while (s < end) {
		if (!line_open)
			start_line(level);
		const char *nl = s;
		while (nl < end && *nl != '\n')
			nl++;
		if (nl < end) {
			emit(s, nl + 1 - s);
			line_open = false;
			s = nl + 1;
		} else {
			emit(s, end - s);
			s = end;
		}
	}
	spin_unlock_irqrestore(&logbuf_lock, f);
	wake_up_interruptible(&log_wait);
	return (int)(end - text);
}

void printk_bust_locks(void)
{
	spin_lock_init(&logbuf_lock);
}

int printk(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vprintk(fmt, ap);
	va_end(ap);
	return n;
}

void __warn_printk(const char *fmt, ...)
{
	va_list ap;
	printk(KERN_WARNING "------------[ cut here ]------------\n");
	va_start(ap, fmt);
	vprintk(fmt, ap);
	va_end(ap);
}

/* The first byte of a whole line at or after pos still in the ring. */
static uint64_t line_start_at_or_after(uint64_t pos)
{
	if (pos <= log_first)
		return log_first;
	while (pos < log_next && log_buf[(pos - 1) % LOG_BUF_LEN] != '\n')
		pos++;
	return pos;
}

/* Copies [from, to) of the ring to user memory; the count or -EFAULT. */
static long copy_log(char __user *ubuf, uint64_t from, uint64_t to)
{
	char chunk[256];
	long done = 0;
	while (from < to) {
		size_t n = MIN(sizeof(chunk), (size_t)(to - from));
		unsigned long f;
	spin_lock_irqsave(&logbuf_lock, f);
		from = MAX(from, log_first);    /* printk may overwrite the oldest lines meanwhile */
		n = MIN(n, (size_t)(log_next - from));
		for (size_t i = 0; i < n; i++)
			chunk[i] = log_buf[(from + i) % LOG_BUF_LEN];
		spin_unlock_irqrestore(&logbuf_lock, f);
		if (n == 0)
			break;
		if (copyout(chunk, ubuf + done, n))
			return -EFAULT;
		from += n;
		done += n;
	}
	return done;
}

/* The newest whole lines that fit in len, from clear_pos on. */
static long read_all(char __user *ubuf, int len)
{
	uint64_t start = MAX(clear_pos, log_first), end = log_next;
	while (end - start > (uint64_t)len)
		start = line_start_at_or_after(start + 1);
	return copy_log(ubuf, start, end);
}

static long syslog_read(char __user *ubuf, int len)
{
	int r = wait_event_interruptible(log_wait, syslog_pos < log_next);
	if (r)
		return r;
	syslog_pos = MAX(syslog_pos, log_first);
	uint64_t end = MIN(log_next, syslog_pos + (uint64_t)len);
	long n = copy_log(ubuf, syslog_pos, end);
	if (n > 0)
		syslog_pos += n;
	return n;
}

/* As Debian's Linux: with dmesg_restrict (its default) only root may use
 * syslog(2); without, anyone may read the whole log and ask its size. */
int dmesg_restrict = 1;

static bool syslog_permitted(int type)
{
	if (current->euid == 0)
		return true;
	return !dmesg_restrict && (type == SYSLOG_ACTION_READ_ALL || type == SYSLOG_ACTION_SIZE_BUFFER);
}

long do_syslog(int type, char __user *ubuf, int len)
{
	if (!syslog_permitted(type))
		return -EPERM;
	switch (type) {
	case SYSLOG_ACTION_CLOSE:
	case SYSLOG_ACTION_OPEN:
		return 0;
	case SYSLOG_ACTION_READ:
	case SYSLOG_ACTION_READ_ALL:
	case SYSLOG_ACTION_READ_CLEAR: {
		if (!ubuf || len < 0)
			return -EINVAL;
		if (len == 0)
			return 0;
		if (!access_ok(ubuf, len))
			return -EFAULT;
		if (type == SYSLOG_ACTION_READ)
			return syslog_read(ubuf, len);
		long n = read_all(ubuf, len);
		if (type == SYSLOG_ACTION_READ_CLEAR && n >= 0)
			clear_pos = log_next;
		return n;
	}
	case SYSLOG_ACTION_CLEAR:
		clear_pos = log_next;
		return 0;
	case SYSLOG_ACTION_CONSOLE_OFF:
		if (saved_console_loglevel == -1)
			saved_console_loglevel = console_loglevel;
		console_loglevel = CONSOLE_LOGLEVEL_MIN;
		return 0;
	case SYSLOG_ACTION_CONSOLE_ON:
		if (saved_console_loglevel != -1) {
			console_loglevel = saved_console_loglevel;
			saved_console_loglevel = -1;
		}
		return 0;
	case SYSLOG_ACTION_CONSOLE_LEVEL:
		if (len < 1 || len > 8)
			return -EINVAL;
		console_loglevel = MAX(len, CONSOLE_LOGLEVEL_MIN);
		saved_console_loglevel = -1;
		return 0;
	case SYSLOG_ACTION_SIZE_UNREAD:
		return (long)(log_next - MAX(syslog_pos, log_first));
	case SYSLOG_ACTION_SIZE_BUFFER:
		return LOG_BUF_LEN;
	default:
		return -EINVAL;
	}
}

SYSCALL_DEFINE3(syslog, int, type, char __user *, buf, int, len)
{
	return do_syslog(type, buf, len);
}
