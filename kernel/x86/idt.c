/* idt.c: the interrupt descriptor table: interrupt gates for the CPU exceptions,
 * the 16 IRQs and the local APIC's vectors, and the int 0x80 gate that ring 3
 * may call. One table, loaded by every CPU. */
#include "kernel.h"
#include "x86/gdt.h"
#include "x86/trap.h"
#include "x86/apic.h"

struct gatedesc {
	uint16_t off_lo;
	uint16_t sel;
	uint8_t zero;
	uint8_t type_attr;
	uint16_t off_hi;
} __attribute__((packed));

extern uint32_t vectors[];              /* vectors.asm: 0..47, 0x80, 0xf0..0xf2, 0xff */
static struct gatedesc idt[256];

static void set_gate(int n, uint32_t handler, int dpl)
{
	idt[n] = (struct gatedesc){
		.off_lo = handler & 0xffff,
		.sel = KCODE_SEL,
		.type_attr = 0x8e | (dpl << 5),     /* present, 32-bit interrupt gate */
		.off_hi = handler >> 16,
	};
}

void idt_init(void)
{
	for (int i = 0; i < 48; i++)
		set_gate(i, vectors[i], 0);
	set_gate(T_BRKPT, vectors[T_BRKPT], 3);
	set_gate(T_SYSCALL, vectors[48], 3);
	for (int i = 0; i < 3; i++)
		set_gate(T_LAPIC_TIMER + i, vectors[49 + i], 0);
	set_gate(T_SPURIOUS, vectors[52], 0);
	idt_load();
}

void idt_load(void)
{
	struct { uint16_t limit; uint32_t base; } __attribute__((packed)) idtr = { sizeof(idt) - 1, (uint32_t)idt };
	__asm__ volatile("lidt %0" : : "m"(idtr));
}
