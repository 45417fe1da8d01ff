/* apic.c: the local APIC (Intel SDM vol. 3, chapter 10). Register offsets
 * and bits as the SDM names them. The boot CPU keeps the PIT for time and
 * receives the 8259's IRQs through LINT0 in virtual-wire mode (ExtINT): every
 * device interrupt goes to CPU 0, which needs no I/O APIC. Every CPU ticks
 * with its APIC timer, calibrated against the PIT; CPU 0's tick is the
 * kernel's clock then (jiffies), and the PIT's IRQ is masked. */
#include "kernel.h"
#include "mm/vm.h"
#include "x86/apic.h"
#include "x86/timer.h"
#include "x86/x86.h"

#define LAPIC_ID      0x020
#define LAPIC_EOI     0x0b0
#define LAPIC_SVR     0x0f0
#define LAPIC_ESR     0x280
#define LAPIC_ICR_LO  0x300
#define LAPIC_ICR_HI  0x310
#define LAPIC_LVT_TIMER 0x320
#define LAPIC_LVT_LINT0 0x350
#define LAPIC_LVT_LINT1 0x360
#define LAPIC_LVT_ERROR 0x370
#define LAPIC_TIMER_INIT 0x380
#define LAPIC_TIMER_CUR  0x390
#define LAPIC_TIMER_DIV  0x3e0

#define SVR_ENABLE      0x100
#define LVT_MASKED      0x10000
#define LVT_PERIODIC    0x20000
#define DELIVERY_NMI    0x400
#define DELIVERY_INIT   0x500
#define DELIVERY_STARTUP 0x600
#define DELIVERY_EXTINT 0x700
#define ICR_PENDING     0x1000
#define ICR_ASSERT      0x4000
#define ICR_ALL_BUT_SELF 0xc0000
#define TIMER_DIV_16    0x3

bool lapic_enabled;
static volatile uint32_t *lapic;
static uint32_t ticks_per_jiffy;        /* APIC timer counts in 1/HZ s */

static uint32_t lapic_read(uint32_t reg)
{
	return lapic[reg / 4];
}

static void lapic_write(uint32_t reg, uint32_t v)
{
	lapic[reg / 4] = v;
	(void)lapic[LAPIC_ID / 4];          /* the write has reached the APIC */
}

void lapic_map(uint32_t pa)
{
	lapic = vm_map_mmio(pa);
	lapic_enabled = true;
}

unsigned int lapic_id(void)
{
	return lapic_read(LAPIC_ID) >> 24;
}

void lapic_init(bool bsp)
{
	lapic_write(LAPIC_SVR, SVR_ENABLE | T_SPURIOUS);
	lapic_write(LAPIC_LVT_LINT0, bsp ? DELIVERY_EXTINT : LVT_MASKED);
	lapic_write(LAPIC_LVT_LINT1, bsp ? DELIVERY_NMI : LVT_MASKED);
	lapic_write(LAPIC_LVT_ERROR, LVT_MASKED);
	lapic_write(LAPIC_ESR, 0);
	lapic_write(LAPIC_ESR, 0);
	lapic_write(LAPIC_TIMER_DIV, TIMER_DIV_16);
	lapic_write(LAPIC_LVT_TIMER, LVT_MASKED);
	lapic_write(LAPIC_EOI, 0);
}

void lapic_timer_start(void)
{
	lapic_write(LAPIC_LVT_TIMER, LVT_PERIODIC | T_LAPIC_TIMER);
	lapic_write(LAPIC_TIMER_INIT, ticks_per_jiffy);
}

/* Counts down from the top for 20 PIT ticks (interrupts must be on). */
void lapic_calibrate(void)
{
	const uint32_t n = 20;
	lapic_write(LAPIC_LVT_TIMER, LVT_MASKED);
	uint32_t start = jiffies;
	while (jiffies == start)
		__asm__ volatile("pause");
	lapic_write(LAPIC_TIMER_INIT, 0xffffffffu);
	start = jiffies;
	while (jiffies - start < n)
		__asm__ volatile("pause");
	uint32_t used = 0xffffffffu - lapic_read(LAPIC_TIMER_CUR);
	lapic_write(LAPIC_TIMER_INIT, 0);
	ticks_per_jiffy = used / n;
	pr_info("smp: APIC timer %u counts per tick\n", (unsigned)ticks_per_jiffy);
}

void lapic_eoi(void)
{
	lapic_write(LAPIC_EOI, 0);
}

static void icr_send(uint32_t hi, uint32_t lo)
{
	uint32_t f = irq_save();            /* an interrupt's IPI must not split ours */
	while (lapic_read(LAPIC_ICR_LO) & ICR_PENDING)
		__asm__ volatile("pause");
	lapic_write(LAPIC_ICR_HI, hi);
	lapic_write(LAPIC_ICR_LO, lo);
	irq_restore(f);
}

void lapic_send_ipi(unsigned int apic_id, unsigned int vector)
{
	icr_send(apic_id << 24, ICR_ASSERT | vector);
}

void lapic_nmi_others(void)
{
	icr_send(0, ICR_ALL_BUT_SELF | ICR_ASSERT | DELIVERY_NMI);
}

static void delay_ms(uint32_t ms)
{
	uint32_t start = jiffies;
	while (jiffies - start < ms * HZ / 1000 + 1)
		__asm__ volatile("pause");
}

/* The SDM's universal start-up algorithm (vol. 3, 8.4.4.1): INIT, 10 ms,
 * then STARTUP twice, 200 us apart; the vector is the entry's page number. */
void lapic_start_ap(unsigned int apic_id, uint32_t entry_pa)
{
	icr_send(apic_id << 24, ICR_ASSERT | DELIVERY_INIT);
	delay_ms(10);
	for (int i = 0; i < 2; i++) {
		icr_send(apic_id << 24, ICR_ASSERT | DELIVERY_STARTUP | (entry_pa >> 12));
		delay_ms(1);
	}
}
