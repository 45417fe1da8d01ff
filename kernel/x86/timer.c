/* timer.c: the 8253/8254 PIT programmed at HZ. Each tick advances jiffies and
 * the time page (vdso/vvar.c, where monotonic_ns reads the clock) and lets
 * the scheduler preempt. With several CPUs the boot CPU's APIC timer, at
 * the same rate, brings the ticks instead (x86/smpboot.c). */
#include "kernel.h"
#include "x86/x86.h"
#include "x86/trap.h"
#include "x86/timer.h"
#include "vdso/vdso.h"

#define PIT_HZ 1193182u
#define PIT_DIVISOR (PIT_HZ / HZ)

volatile uint32_t jiffies;
static uint32_t jiffies_wraps;          /* the high half of get_jiffies_64() */
static void (*tick_hook)(void);

void timer_set_tick_hook(void (*hook)(void))
{
	tick_hook = hook;
}

void timer_advance(void)
{
	if (++jiffies == 0)
		jiffies_wraps++;
	vvar_tick();
}

void timer_tick(void)
{
	timer_advance();
	if (tick_hook)
		tick_hook();
}

void timer_init(void)
{
	outb(0x43, 0x34);                   /* channel 0, lobyte/hibyte, rate generator */
	outb(0x40, PIT_DIVISOR & 0xff);
	outb(0x40, PIT_DIVISOR >> 8);
	irq_register(IRQ_TIMER, timer_tick);
}

uint64_t get_jiffies_64(void)
{
	uint32_t f = irq_save();
	uint64_t j = ((uint64_t)jiffies_wraps << 32) | jiffies;
	irq_restore(f);
	return j;
}
