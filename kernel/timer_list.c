/* timer_list.c: kernel timers. The armed ones sit on one list sorted by
 * deadline, so the tick looks only at those that are due instead of at every
 * process; arming costs a walk over the armed timers (at most a few per
 * process). timer_lock (irqsave: timers fire from CPU 0's timer interrupt)
 * protects the list and each timer's entry and deadline, so that any CPU may
 * arm and disarm timers without the big kernel lock; a timer's function runs
 * without it (it may re-arm), on CPU 0 under the big kernel lock. */
#include "kernel.h"
#include "locking/spinlock.h"
#include "timer_list.h"

static DEFINE_SPINLOCK(timer_lock);
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

static bool detach(struct timer_list *t)
{
	bool armed = timer_pending(t);
	if (armed) {
		list_del(&t->entry);
		list_init(&t->entry);
	}
	return armed;
}

bool del_timer(struct timer_list *t)
{
	unsigned long f;
	spin_lock_irqsave(&timer_lock, f);
	bool armed = detach(t);
	spin_unlock_irqrestore(&timer_lock, f);
	return armed;
}

void mod_timer(struct timer_list *t, uint64_t expires)
{
	unsigned long f;
	spin_lock_irqsave(&timer_lock, f);
	detach(t);
	t->expires = expires;
	/* After every timer due no later, so equal deadlines fire in arming order. */
	struct list_head *pos = pending.prev;
	while (pos != &pending && list_entry(pos, struct timer_list, entry)->expires > expires)
		pos = pos->prev;
	list_add(&t->entry, pos);
	spin_unlock_irqrestore(&timer_lock, f);
}

void run_timers(uint64_t now)
{
	unsigned long f;
	spin_lock_irqsave(&timer_lock, f);
	while (!list_empty(&pending)) {
		struct timer_list *t = list_entry(pending.next, struct timer_list, entry);
		if (t->expires > now)
			break;
		detach(t);
		void (*fn)(struct timer_list *) = t->function;
		spin_unlock_irqrestore(&timer_lock, f);
		fn(t);
		spin_lock_irqsave(&timer_lock, f);
	}
	spin_unlock_irqrestore(&timer_lock, f);
}
