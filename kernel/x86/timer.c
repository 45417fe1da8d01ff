/* timer.c: the 8253/8254 PIT programmed at HZ. Each tick advances jiffies and
 * lets the scheduler preempt; monotonic_ns interpolates inside a tick with the
 * PIT's counter so short intervals are measurable. */
#include "kernel.h"
#include "x86/x86.h"
#include "x86/trap.h"
#include "x86/timer.h"

#define PIT_HZ 1193182u
#define PIT_DIVISOR (PIT_HZ / HZ)

volatile uint32_t jiffies;
static uint32_t jiffies_wraps;          /* the high half of get_jiffies_64() */
static void (*tick_hook)(void);

void timer_set_tick_hook(void (*hook)(void))
{
	tick_hook = hook;
}

static void timer_irq(void)
{
	if (++jiffies == 0)
		jiffies_wraps++;
	if (tick_hook)
		tick_hook();
}

void timer_init(void)
{
	outb(0x43, 0x34);                   /* channel 0, lobyte/hibyte, rate generator */
	outb(0x40, PIT_DIVISOR & 0xff);
	outb(0x40, PIT_DIVISOR >> 8);
	irq_register(IRQ_TIMER, timer_irq);
}

uint64_t get_jiffies_64(void)
{
	uint32_t f = irq_save();
	uint64_t j = ((uint64_t)jiffies_wraps << 32) | jiffies;
	irq_restore(f);
	return j;
}

uint64_t monotonic_ns(void)
{
	/* If the PIT wrapped while its interrupt was masked, the count is from the
	 * new period but jiffies is not: the sum would step back by up to a tick.
	 * Never returning less than last time keeps the clock monotonic. */
	static uint64_t last;
	uint32_t f = irq_save();
	uint64_t j = get_jiffies_64();
	outb(0x43, 0x00);                   /* latch channel 0 */
	uint32_t count = inb(0x40);
	count |= inb(0x40) << 8;
	uint32_t elapsed = count <= PIT_DIVISOR ? PIT_DIVISOR - count : 0;
	uint64_t ns = j * (1000000000u / HZ) + (uint64_t)elapsed * 1000000000u / PIT_HZ;
	if (ns < last)
		ns = last;
	last = ns;
	irq_restore(f);
	return ns;
}
