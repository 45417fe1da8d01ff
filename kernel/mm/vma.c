/* vma.c: the list of an address space's regions (see vma.h). Operations
 * split the regions at the ends of the range they work on, change the
 * regions inside it, then merge neighbours that have become equal again, so
 * the list stays as short as Linux's would be. Lists are short (a program
 * has a handful of regions): a linear walk is the right tool. */
#include "kernel.h"
#include "mm/kmalloc.h"
#include "mm/vma.h"
#include "uapi/errno.h"

struct vm_area *vma_find(struct vm_area *list, uint32_t addr)
{
	for (struct vm_area *v = list; v; v = v->next)
		if (v->end > addr)
			return v;
	return NULL;
}

bool vma_range_free(struct vm_area *list, uint32_t start, uint32_t end)
{
	struct vm_area *v = vma_find(list, start);
	return !v || v->start >= end;
}

static void merge(struct vm_area *list)
{
	for (struct vm_area *v = list; v && v->next;) {
		struct vm_area *n = v->next;
		if (v->end == n->start && v->flags == n->flags) {
			v->end = n->end;
			v->next = n->next;
			kfree(n);
		} else {
			v = n;
		}
	}
}

/* Makes addr a region boundary if a region spans it. */
static int split(struct vm_area *list, uint32_t addr)
{
	struct vm_area *v = vma_find(list, addr);
	if (!v || v->start >= addr)
		return 0;
	struct vm_area *n = kmalloc(sizeof(*n));
	if (!n)
		return -ENOMEM;
	*n = *v;
	n->start = addr;
	v->end = addr;
	v->next = n;
	return 0;
}

static int split_range(struct vm_area *list, uint32_t start, uint32_t end)
{
	int r = split(list, start);
	if (!r)
		r = split(list, end);
	if (r)
		merge(list);
	return r;
}

int vma_insert(struct vm_area **list, uint32_t start, uint32_t end, uint32_t flags)
{
	struct vm_area *n = kmalloc(sizeof(*n));
	if (!n)
		return -ENOMEM;
	struct vm_area **pp = list;
	while (*pp && (*pp)->start < start)
		pp = &(*pp)->next;
	*n = (struct vm_area){ start, end, flags, *pp };
	*pp = n;
	merge(*list);
	return 0;
}

int vma_unmap(pde_t *pgdir, struct vm_area **list, uint32_t start, uint32_t end)
{
	int r = split_range(*list, start, end);
	if (r)
		return r;
	for (struct vm_area **pp = list; *pp && (*pp)->start < end;) {
		struct vm_area *v = *pp;
		if (v->start >= start) {
			*pp = v->next;
			vm_unmap_range(pgdir, v->start, v->end);
			kfree(v);
		} else {
			pp = &v->next;
		}
	}
	return 0;
}

bool vma_covers(struct vm_area *list, uint32_t start, uint32_t end)
{
	uint32_t covered = start;
	for (struct vm_area *v = vma_find(list, start); v && v->start <= covered && covered < end; v = v->next)
		covered = v->end;
	return covered >= end;
}

int vma_set_flags(pde_t *pgdir, struct vm_area **list, uint32_t start, uint32_t end, uint32_t clear,
		  uint32_t set)
{
	if (!vma_covers(*list, start, end))
		return -ENOMEM;
	int r = split_range(*list, start, end);
	if (r)
		return r;
	for (struct vm_area *v = vma_find(*list, start); v && v->start < end; v = v->next) {
		uint32_t old = v->flags;
		v->flags = (v->flags & ~clear) | set;
		if ((old ^ v->flags) & VM_PROT)
			vm_protect_range(pgdir, v->start, v->end, v->flags);
	}
	merge(*list);
	return 0;
}

struct vm_area *vma_dup(const struct vm_area *list, bool *ok)
{
	struct vm_area *head = NULL, **tail = &head;
	*ok = true;
	for (const struct vm_area *v = list; v; v = v->next) {
		struct vm_area *n = kmalloc(sizeof(*n));
		if (!n) {
			vma_free_all(&head);
			*ok = false;
			return NULL;
		}
		*n = *v;
		n->flags &= ~VM_LOCKED;         /* locks are not inherited */
		n->next = NULL;
		*tail = n;
		tail = &n->next;
	}
	return head;
}

void vma_free_all(struct vm_area **list)
{
	while (*list) {
		struct vm_area *v = *list;
		*list = v->next;
		kfree(v);
	}
}

uint32_t vma_total(const struct vm_area *list, uint32_t flags)
{
	uint32_t n = 0;
	for (const struct vm_area *v = list; v; v = v->next)
		if ((v->flags & flags) == flags)
			n += v->end - v->start;
	return n;
}
