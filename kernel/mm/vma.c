/* vma.c: the list of an address space's regions (see vma.h). Operations
 * split the regions at the ends of the range they work on, change the
 * regions inside it, then merge neighbours that have become equal again, so
 * the list stays as short as Linux's would be. Lists are short (a program
 * has a handful of regions): a linear walk is the right tool. */
#include "kernel.h"
#include "fs/file.h"
#include "mm/filemap.h"
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

/* A new copy of a region holds the file too, and counts as one more of its
 * mappings (truncate looks for them). */
static void region_get(struct vm_area *v)
{
	if (v->vm_ops && v->vm_ops->open)
		v->vm_ops->open(v);
	if (!v->vm_file)
		return;
	get_file(v->vm_file);
	if (v->vm_file->f_inode->i_mapping)
		v->vm_file->f_inode->i_mapping->i_mmap_count++;
}

static void region_free(struct vm_area *v)
{
	if (v->vm_ops && v->vm_ops->close)
		v->vm_ops->close(v);
	if (v->vm_file) {
		if (v->vm_file->f_inode->i_mapping)
			v->vm_file->f_inode->i_mapping->i_mmap_count--;
		fput(v->vm_file);
	}
	kfree(v);
}

/* Neighbours merge when they map the same thing the same way, a file's pages
 * continuing from one to the other. */
static bool mergeable(const struct vm_area *v, const struct vm_area *n)
{
	return v->end == n->start && v->flags == n->flags && v->vm_file == n->vm_file &&
	       v->vm_ops == n->vm_ops && (!v->vm_file || v->vm_pgoff + (v->end - v->start) / PGSIZE == n->vm_pgoff);
}

static void merge(struct vm_area *list)
{
	for (struct vm_area *v = list; v && v->next;) {
		struct vm_area *n = v->next;
		if (mergeable(v, n)) {
			v->end = n->end;
			v->next = n->next;
			region_free(n);
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
	*n = vma_slice(v, addr, v->end);
	region_get(n);
	n->next = v->next;
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

struct vm_area vma_slice(const struct vm_area *v, uint32_t start, uint32_t end)
{
	struct vm_area s = *v;
	s.start = start;
	s.end = end;
	s.vm_pgoff = v->vm_pgoff + (uint32_t)((int32_t)(start - v->start) / (int32_t)PGSIZE);
	s.next = NULL;
	return s;
}

int vma_insert_region(struct vm_area **list, const struct vm_area *tmpl)
{
	struct vm_area *n = kmalloc(sizeof(*n));
	if (!n)
		return -ENOMEM;
	struct vm_area **pp = list;
	while (*pp && (*pp)->start < tmpl->start)
		pp = &(*pp)->next;
	*n = *tmpl;
	n->next = *pp;
	region_get(n);
	*pp = n;
	merge(*list);
	return 0;
}

int vma_insert(struct vm_area **list, uint32_t start, uint32_t end, uint32_t flags)
{
	struct vm_area tmpl = { .start = start, .end = end, .flags = flags };
	return vma_insert_region(list, &tmpl);
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
			region_free(v);
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
		region_get(n);
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
		region_free(v);
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
