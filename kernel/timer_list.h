/* timer_list.h: kernel timers (Linux's timer_list): a function called from the
 * timer interrupt once get_jiffies_64() reaches a deadline. */
#ifndef TIMER_LIST_H
#define TIMER_LIST_H

#include <stdbool.h>
#include <stdint.h>
#include "list.h"

struct timer_list {
	struct list_head entry;         /* on the pending list while armed */
	uint64_t expires;               /* get_jiffies_64() value */
	void (*function)(struct timer_list *);
};

void timer_setup(struct timer_list *t, void (*function)(struct timer_list *));
void mod_timer(struct timer_list *t, uint64_t expires);   /* arms or re-arms */
bool del_timer(struct timer_list *t);                     /* true if it was armed */
bool timer_pending(const struct timer_list *t);
void run_timers(uint64_t now);                            /* from the tick */

#endif
