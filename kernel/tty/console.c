/* console.c: the kernel log. Every kprintf goes into a ring buffer (read by dmesg)
 * and to QEMU's debugcon port, which the test harness captures; unless the kernel
 * was booted `quiet` it is also shown on the VGA screen and on COM1, like printk. */
#include "kernel.h"
#include "tty/console.h"
#include "x86/x86.h"
#include "serial.h"
#include "vga.h"

#define DEBUGCON_PORT 0xe9
#define KLOG_SIZE     65536

static char klog[KLOG_SIZE];
static size_t klog_len;
bool console_quiet;

void console_init(bool quiet)
{
	console_quiet = quiet;
}

void debugcon_write(const char *s)
{
	while (*s)
		outb(DEBUGCON_PORT, *s++);
}

static void console_write(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		klog[klog_len % KLOG_SIZE] = s[i];
		klog_len++;
		outb(DEBUGCON_PORT, s[i]);
		if (!console_quiet) {
			serial_putc_polled(s[i]);
			vga_putc(s[i]);
		}
	}
}

static size_t klog_size(void)
{
	return MIN(klog_len, (size_t)KLOG_SIZE);
}

/* Reads from the oldest byte still in the ring. */
size_t klog_read(char *dst, size_t off, size_t n)
{
	size_t size = klog_size();
	size_t start = klog_len - size;
	if (off >= size)
		return 0;
	n = MIN(n, size - off);
	for (size_t i = 0; i < n; i++)
		dst[i] = klog[(start + off + i) % KLOG_SIZE];
	return n;
}

int kprintf(const char *fmt, ...)
{
	char buf[512];
	va_list ap;
	va_start(ap, fmt);
	int n = kvsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	uint32_t f = irq_save();
	console_write(buf, MIN((size_t)n, sizeof(buf) - 1));
	irq_restore(f);
	return n;
}
