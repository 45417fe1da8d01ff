/* list.h: intrusive circular doubly linked lists, as in Linux and BSD. */
#ifndef LIST_H
#define LIST_H

#include <stdbool.h>
#include <stddef.h>

struct list_head {
	struct list_head *next, *prev;
};

#define LIST_HEAD_INIT(name) { &(name), &(name) }

static inline void list_init(struct list_head *h)
{
	h->next = h->prev = h;
}

static inline bool list_empty(const struct list_head *h)
{
	return h->next == h;
}

static inline void list_insert(struct list_head *e, struct list_head *prev, struct list_head *next)
{
	e->prev = prev;
	e->next = next;
	prev->next = e;
	next->prev = e;
}

static inline void list_add(struct list_head *e, struct list_head *h)
{
	list_insert(e, h, h->next);
}

static inline void list_add_tail(struct list_head *e, struct list_head *h)
{
	list_insert(e, h->prev, h);
}

static inline void list_del(struct list_head *e)
{
	e->prev->next = e->next;
	e->next->prev = e->prev;
	e->next = e->prev = e;
}

#define list_entry(p, type, member) ((type *)((char *)(p) - offsetof(type, member)))

#define list_for_each_entry(pos, head, member)                                   \
	for (pos = list_entry((head)->next, __typeof__(*pos), member);               \
	     &pos->member != (head);                                                  \
	     pos = list_entry(pos->member.next, __typeof__(*pos), member))

#define list_for_each_entry_safe(pos, n, head, member)                           \
	for (pos = list_entry((head)->next, __typeof__(*pos), member),              \
	     n = list_entry(pos->member.next, __typeof__(*pos), member);             \
	     &pos->member != (head);                                                  \
	     pos = n, n = list_entry(n->member.next, __typeof__(*n), member))

#endif
