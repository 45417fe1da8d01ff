/* serial.c: the 16550 UARTs on COM1 and COM2. The kernel log writes COM1 by
 * polling (serial_putc_polled), which works before interrupts exist and
 * inside panic. A port attached to a tty is interrupt driven: received bytes
 * go to the tty's line discipline, and output waits in a software queue that
 * the transmit-empty interrupt drains into the 16-byte FIFO. */
#include "kernel.h"
#include "serial.h"
#include "x86/trap.h"
#include "tty/tty.h"
#include "x86/x86.h"

#define TXQ_SIZE  1024                  /* a power of two */
#define FIFO_SIZE 16

enum { DATA = 0, IER = 1, IIR = 2, FCR = 2, LCR = 3, MCR = 4, LSR = 5, SCR = 7 };
#define LSR_DR    0x01
#define LSR_THRE  0x20
#define LSR_TEMT  0x40                  /* transmitter completely idle */
#define IER_RDA   0x01                  /* received data available */
#define IER_THRE  0x02                  /* transmitter holding register empty */
#define IIR_NONE  0x01

struct uart {
	uint16_t base;
	int irq;
	struct tty *tty;
	char txq[TXQ_SIZE];
	unsigned tx_head, tx_tail;      /* free-running, masked on use */
};

static struct uart ports[SERIAL_NPORTS] = {
	{ .base = 0x3f8, .irq = IRQ_COM1 },
	{ .base = 0x2f8, .irq = IRQ_COM2 },
};

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
	uart_setup(ports[0].base);
}

void serial_putc_polled(char c)
{
	while (!(inb(ports[0].base + LSR) & LSR_THRE))
		;
	outb(ports[0].base + DATA, c);
}

static unsigned tx_count(const struct uart *u)
{
	return u->tx_head - u->tx_tail;
}

/* Called with interrupts masked. Fills an empty FIFO from the queue and asks
 * for the transmit interrupt only while there is more to send: the 8259 is
 * edge triggered, so an interrupt left pending would hide the next one. */
static void tx_fill(struct uart *u)
{
	if (!(inb(u->base + LSR) & LSR_THRE))
		return;
	bool sent = false;
	for (int i = 0; i < FIFO_SIZE && tx_count(u); i++, sent = true)
		outb(u->base + DATA, u->txq[u->tx_tail++ & (TXQ_SIZE - 1)]);
	outb(u->base + IER, IER_RDA | (tx_count(u) ? IER_THRE : 0));
	if (sent && u->tty)
		tty_wakeup(u->tty);
}

/* Serves every pending cause until the UART drops its interrupt line. */
static void uart_intr(struct uart *u)
{
	while (!(inb(u->base + IIR) & IIR_NONE)) {
		while (inb(u->base + LSR) & LSR_DR) {
			char c = inb(u->base + DATA);
			if (u->tty)
				tty_receive_char(u->tty, c);
		}
		tx_fill(u);
	}
}

static void com1_intr(void) { uart_intr(&ports[0]); }
static void com2_intr(void) { uart_intr(&ports[1]); }

bool serial_attach(int port, struct tty *tty)
{
	struct uart *u = &ports[port];
	/* A missing UART reads 0xff everywhere; the scratch register tells. */
	outb(u->base + SCR, 0x5a);
	if (inb(u->base + SCR) != 0x5a)
		return false;
	if (port != 0)
		uart_setup(u->base);
	uint32_t f = irq_save();
	u->tty = tty;
	irq_register(u->irq, port == 0 ? com1_intr : com2_intr);
	outb(u->base + IER, IER_RDA);
	uart_intr(u);
	irq_restore(f);
	return true;
}

size_t serial_write(int port, const char *s, size_t n)
{
	struct uart *u = &ports[port];
	uint32_t f = irq_save();
	n = MIN(n, TXQ_SIZE - tx_count(u));
	for (size_t i = 0; i < n; i++)
		u->txq[u->tx_head++ & (TXQ_SIZE - 1)] = s[i];
	tx_fill(u);
	irq_restore(f);
	return n;
}

/* Power-off and panic end the machine before the transmit interrupt would
 * send what is still queued: push it out by polling. */
void serial_flush(void)
{
	uint32_t f = irq_save();
	for (int i = 0; i < SERIAL_NPORTS; i++) {
		struct uart *u = &ports[i];
		while (tx_count(u)) {
			while (!(inb(u->base + LSR) & LSR_THRE))
				;
			outb(u->base + DATA, u->txq[u->tx_tail++ & (TXQ_SIZE - 1)]);
		}
		if (u->tty)
			while (!(inb(u->base + LSR) & LSR_TEMT))
				;
	}
	irq_restore(f);
}

size_t serial_write_room(int port)
{
	return TXQ_SIZE - tx_count(&ports[port]);
}

size_t serial_chars_in_buffer(int port)
{
	return tx_count(&ports[port]);
}
