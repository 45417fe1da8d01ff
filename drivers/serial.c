/* serial.c: the 16550 UART on COM1 and COM2. The kernel log writes COM1 by
 * polling, which works before interrupts exist and inside panic. */
#include "kernel.h"
#include "x86.h"
#include "serial.h"

#define COM1 0x3f8

enum { DATA = 0, IER = 1, FCR = 2, LCR = 3, MCR = 4, LSR = 5 };
#define LSR_THRE 0x20

static void uart_setup(uint16_t base)
{
	outb(base + IER, 0);
	outb(base + LCR, 0x80);         /* DLAB: set the divisor */
	outb(base + DATA, 1);           /* 115200 baud */
	outb(base + IER, 0);
	outb(base + LCR, 0x03);         /* 8N1 */
	outb(base + FCR, 0xc7);         /* FIFOs on, cleared, 14-byte threshold */
	outb(base + MCR, 0x0b);         /* DTR, RTS, OUT2 (routes the IRQ) */
}

void serial_init(void)
{
	uart_setup(COM1);
}

void serial_putc_polled(char c)
{
	while (!(inb(COM1 + LSR) & LSR_THRE))
		;
	outb(COM1 + DATA, c);
}
