/* kmalloc.c: the kernel heap. Small requests come from per-size free lists
 * (16..2048 bytes) carved out of whole pages; bigger ones take a contiguous
 * run of pages. A per-page record says which, so kfree needs no header and a
 * large block stays page-aligned. A slab page whose objects are all free
 * goes back to the page allocator at once: memory comes back after a burst
 * (the free lists are doubly linked so that its objects can leave them). */
#include "kernel.h"
#include "locking/spinlock.h"
#include "mm/kmalloc.h"
#include "mm/pmm.h"
#include "x86/x86.h"

#define MIN_SHIFT 4
#define MAX_SHIFT 11
#define NCLASSES  (MAX_SHIFT - MIN_SHIFT + 1)

struct freeobj {
	struct freeobj *next, *prev;
};

/* Per physical page: 0 = not a heap page, 1..NCLASSES = slab of that class,
 * otherwise 0x100 + the number of pages of a large block that starts here. */
/* kmalloc_lock (irqsave) protects the free lists, the page tables of kinds
 * and use counts and in_use: kmalloc and kfree need no big kernel lock. */
static DEFINE_SPINLOCK(kmalloc_lock);
static uint16_t *page_kind;
static uint16_t *page_inuse;            /* objects handed out, per slab page */
static struct freeobj *freelist[NCLASSES];
static size_t in_use;

void kmalloc_init(void)
{
	size_t npages = pmm_phys_top() / PGSIZE;
	size_t bytes = ROUNDUP(npages * sizeof(uint16_t), PGSIZE);
	uint32_t pa = pmm_alloc_contig(2 * bytes / PGSIZE);
	if (!pa)
		panic("kmalloc: no memory for page records");
	page_kind = P2V(pa);
	page_inuse = (uint16_t *)((char *)page_kind + bytes);
	memset(page_kind, 0, 2 * bytes);
}

static void push(int c, struct freeobj *o)
{
	o->prev = NULL;
	o->next = freelist[c];
	if (o->next)
		o->next->prev = o;
	freelist[c] = o;
}

static void unlink_obj(int c, struct freeobj *o)
{
	if (o->prev)
		o->prev->next = o->next;
	else
		freelist[c] = o->next;
	if (o->next)
		o->next->prev = o->prev;
}

static int size_class(size_t size)
{
	int c = 0;
	while (((size_t)1 << (c + MIN_SHIFT)) < size)
		c++;
	return c;
}

static bool refill(int c)
{
	uint32_t pa = pmm_alloc();
	if (!pa)
		return false;
	page_kind[pa / PGSIZE] = c + 1;
	page_inuse[pa / PGSIZE] = 0;
	size_t objsize = (size_t)1 << (c + MIN_SHIFT);
	char *page = P2V(pa);
	for (size_t off = 0; off < PGSIZE; off += objsize)
		push(c, (struct freeobj *)(page + off));
	return true;
}

static void release_slab(int c, uint32_t pa)
{
	size_t objsize = (size_t)1 << (c + MIN_SHIFT);
	char *page = P2V(pa);
	for (size_t off = 0; off < PGSIZE; off += objsize)
		unlink_obj(c, (struct freeobj *)(page + off));
	page_kind[pa / PGSIZE] = 0;
	pmm_free(pa);
}

/* Nothing in the kernel needs more at once; a bigger request is a caller's
 * arithmetic gone wrong, and rounding it up to pages could wrap to 0. */
#define KMALLOC_MAX (64u << 20)

void *kmalloc(size_t size)
{
	if (size == 0)
		size = 1;
	if (size > KMALLOC_MAX)
		return NULL;
	unsigned long f;
	spin_lock_irqsave(&kmalloc_lock, f);
	void *p = NULL;
	if (size > ((size_t)1 << MAX_SHIFT)) {
		size_t n = ROUNDUP(size, PGSIZE) / PGSIZE;
		uint32_t pa = pmm_alloc_contig(n);
		if (pa) {
			page_kind[pa / PGSIZE] = 0x100 + n;
			in_use += n * PGSIZE;
			p = P2V(pa);
		}
	} else {
		int c = size_class(size);
		if (freelist[c] || refill(c)) {
			p = freelist[c];
			unlink_obj(c, p);
			page_inuse[V2P(p) / PGSIZE]++;
			in_use += (size_t)1 << (c + MIN_SHIFT);
		}
	}
	spin_unlock_irqrestore(&kmalloc_lock, f);
	return p;
}

void *kzalloc(size_t size)
{
	void *p = kmalloc(size);
	if (p)
		memset(p, 0, size);
	return p;
}

void kfree(void *p)
{
	if (!p)
		return;
	uint32_t pa = V2P(p);
	unsigned long f;
	spin_lock_irqsave(&kmalloc_lock, f);
	uint16_t kind = page_kind[pa / PGSIZE];
	if (kind >= 0x100) {
		size_t n = kind - 0x100;
		page_kind[pa / PGSIZE] = 0;
		in_use -= n * PGSIZE;
		pmm_free_contig(pa, n);
	} else if (kind >= 1 && kind <= NCLASSES) {
		int c = kind - 1;
		push(c, p);
		in_use -= (size_t)1 << (c + MIN_SHIFT);
		if (--page_inuse[pa / PGSIZE] == 0)
			release_slab(c, ROUNDDOWN(pa, PGSIZE));
	} else {
		panic("kfree: %p is not a heap pointer", p);
	}
	spin_unlock_irqrestore(&kmalloc_lock, f);
}

size_t kmalloc_in_use(void)
{
	return in_use;
}
