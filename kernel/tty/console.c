/* console.c: where the kernel log is shown (printk.c decides what). Every
 * line goes to QEMU's debugcon port, which the test harness captures; the
 * lines below console_loglevel also go to the VGA screen and to COM1. */
#include "kernel.h"
#include "tty/console.h"
#include "x86/x86.h"
#include "serial.h"
#include "vga.h"

#define DEBUGCON_PORT 0xe9

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

void console_emit(const char *s, size_t n, bool shown)
{
	for (size_t i = 0; i < n; i++) {
		outb(DEBUGCON_PORT, s[i]);
		if (shown) {
			serial_putc_polled(s[i]);
			vga_putc(s[i]);
		}
	}
}
