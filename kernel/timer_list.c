/* timer_list.c: kernel timers. The armed ones sit on one list sorted by
 * deadline, so the tick looks only at those that are due instead of at every
 * process; arming costs a walk over the armed timers (at most a few per
 * process). All of it runs with interrupts masked: timers fire from the
 * timer interrupt. */
#include "kernel.h"
#include "timer_list.h"
#include "x86/x86.h"

static struct list_head pending = LIST_HEAD_INIT(pending);

void timer_setup(struct timer_list *t, void (*function)(struct timer_list *))
{
	list_init(&t->entry);
	t->expires = 0;
	t->function = function;
}

bool timer_pending(const struct timer_list *t)
{
	return !list_empty(&t->entry);
}

bool del_timer(struct timer_list *t)
{
	uint32_t f = irq_save();
	bool armed = timer_pending(t);
	if (armed) {
		list_del(&t->entry);
		list_init(&t->entry);
	}
	irq_restore(f);
	return armed;
}

void mod_timer(struct timer_list *t, uint64_t expires)
{
	uint32_t f = irq_save();
	del_timer(t);
	t->expires = expires;
	/* After every timer due no later, so equal deadlines fire in arming order. */
	struct list_head *pos = pending.prev;
	while (pos != &pending && list_entry(pos, struct timer_list, entry)->expires > expires)
		pos = pos->prev;
	list_add(&t->entry, pos);
	irq_restore(f);
}

void run_timers(uint64_t now)
{
	uint32_t f = irq_save();
	while (!list_empty(&pending)) {
		struct timer_list *t = list_entry(pending.next, struct timer_list, entry);
		if (t->expires > now)
			break;
		list_del(&t->entry);
		list_init(&t->entry);
		t->function(t);
	}
	irq_restore(f);
}
