/* pic.c: the two 8259 PICs, remapped so IRQ 0..15 arrive as vectors 32..47 and
 * do not collide with CPU exceptions; a table of IRQ handlers. */
#include "kernel.h"
#include "x86/x86.h"
#include "x86/trap.h"

#define PIC1 0x20
#define PIC2 0xa0

static void (*irq_handlers[16])(void);

void pic_init(void)
{
	outb(PIC1 + 1, 0xff);
	outb(PIC2 + 1, 0xff);
	outb(PIC1, 0x11);               /* ICW1: edge triggered, cascade, ICW4 follows */
	outb(PIC1 + 1, T_IRQ0);         /* ICW2: vector base */
	outb(PIC1 + 1, 1 << 2);         /* ICW3: slave on IRQ2 */
	outb(PIC1 + 1, 0x01);           /* ICW4: 8086 mode */
	outb(PIC2, 0x11);
	outb(PIC2 + 1, T_IRQ0 + 8);
	outb(PIC2 + 1, 2);
	outb(PIC2 + 1, 0x01);
	outb(PIC1 + 1, ~(1 << 2) & 0xff);   /* only the cascade until a driver asks */
	outb(PIC2 + 1, 0xff);
}

void irq_register(int irq, void (*handler)(void))
{
	irq_handlers[irq] = handler;
	if (irq < 8)
		outb(PIC1 + 1, inb(PIC1 + 1) & ~(1 << irq));
	else
		outb(PIC2 + 1, inb(PIC2 + 1) & ~(1 << (irq - 8)));
}

void irq_mask(int irq)
{
	uint16_t port = irq < 8 ? PIC1 + 1 : PIC2 + 1;
	outb(port, inb(port) | (1 << (irq & 7)));
}

void irq_dispatch(int irq)
{
	/* Acknowledge first: a handler may switch to another process and the PIC
	 * must not stay blocked while it runs. */
	if (irq >= 8)
		outb(PIC2, 0x20);
	outb(PIC1, 0x20);
	if (irq_handlers[irq])
		irq_handlers[irq]();
}
