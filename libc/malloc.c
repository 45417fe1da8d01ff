/* malloc.c: malloc, free, realloc, calloc. Small blocks come from power-of-two size classes with
 * one free list each, carved from memory obtained with sbrk (or mmap when the break cannot grow);
 * large blocks are individual mmap2 mappings returned to the kernel on free. Power-of-two classes
 * waste up to half a block but make every operation O(1) with no coalescing to get wrong. One lock
 * guards the lists and the arena for threads. */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include "pthread_impl.h"

#define ALIGN       16		/* what glibc guarantees on i386, and what SSE code expects */
#define MIN_SHIFT   5		/* smallest block: 32 bytes including the header */
#define MAX_SHIFT   17		/* largest class: 128 KiB; bigger requests are mapped */
#define NCLASSES    (MAX_SHIFT - MIN_SHIFT + 1)
#define LARGE       NCLASSES	/* class number marking an mmap'ed block */
#define ARENA_STEP  (256 * 1024)
#define PAGE        4096

/* Sits just before every block; its size keeps the payload ALIGN-aligned. */
struct header {
	size_t size;		/* whole block including this header */
	unsigned int cls;	/* size class, or LARGE */
	unsigned int pad[2];
};

struct free_block {
	struct header h;
	struct free_block *next;
};

static struct free_block *free_lists[NCLASSES];
static volatile int heap_lock;	/* threads share the heap: the lists and the arena are its data */
static uintptr_t arena_cur, arena_end;

static unsigned int class_of(size_t total)
{
	unsigned int c = 0;

	while (((size_t)1 << (c + MIN_SHIFT)) < total)
		c++;
	return c;
}

/* Makes room in the arena for one more block. When the new memory does not continue the
 * arena (the break was moved by someone else, or sbrk failed and mmap stepped in), the rest of the
 * old arena is abandoned. */
static int grow_arena(void)
{
	size_t step = ARENA_STEP;
	void *p = sbrk((intptr_t)step);

	_Static_assert(ARENA_STEP >= ((size_t)2 << MAX_SHIFT), "a fresh arena holds any small block");

	if (p == (void *)-1) {
		p = mmap(NULL, step, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		if (p == MAP_FAILED)
			return -1;
	}
	if ((uintptr_t)p != arena_end)
		arena_cur = ((uintptr_t)p + ALIGN - 1) & ~(uintptr_t)(ALIGN - 1);
	arena_end = (uintptr_t)p + step;
	return 0;
}

static void *alloc_small(unsigned int cls)
{
	size_t size = (size_t)1 << (cls + MIN_SHIFT);
	struct header *h;

	if (free_lists[cls]) {
		struct free_block *b = free_lists[cls];

		free_lists[cls] = b->next;
		return &b->h + 1;
	}
	if (arena_end - arena_cur < size && grow_arena())
		return NULL;
	h = (struct header *)arena_cur;
	arena_cur += size;
	h->size = size;
	h->cls = cls;
	return h + 1;
}

static void *alloc_large(size_t total)
{
	size_t len = (total + PAGE - 1) & ~(size_t)(PAGE - 1);
	struct header *h;

	h = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (h == MAP_FAILED)
		return NULL;
	h->size = len;
	h->cls = LARGE;
	return h + 1;
}

void *malloc(size_t n)
{
	size_t total = n + sizeof(struct header);
	void *p;

	if (n > PTRDIFF_MAX - PAGE) {
		errno = ENOMEM;
		return NULL;
	}
	if (total > ((size_t)1 << MAX_SHIFT))
		p = alloc_large(total);
	else {
		__lock(&heap_lock);
		p = alloc_small(class_of(total));
		__unlock(&heap_lock);
	}
	if (!p)
		errno = ENOMEM;
	return p;
}

void free(void *p)
{
	struct header *h;

	if (!p)
		return;
	h = (struct header *)p - 1;
	if (h->cls == LARGE) {
		munmap(h, h->size);
	} else {
		struct free_block *b = (struct free_block *)h;

		__lock(&heap_lock);
		b->next = free_lists[h->cls];
		free_lists[h->cls] = b;
		__unlock(&heap_lock);
	}
}

void *calloc(size_t n, size_t size)
{
	size_t bytes;
	void *p;

	if (__builtin_mul_overflow(n, size, &bytes)) {
		errno = ENOMEM;
		return NULL;
	}
	p = malloc(bytes);
	if (p && ((struct header *)p - 1)->cls != LARGE)	/* fresh mappings are already zero */
		memset(p, 0, bytes);
	return p;
}

void *realloc(void *p, size_t n)
{
	size_t usable;
	void *q;

	if (!p)
		return malloc(n);
	if (n == 0) {
		free(p);
		return NULL;
	}
	usable = ((struct header *)p - 1)->size - sizeof(struct header);
	if (n <= usable)
		return p;
	if (!(q = malloc(n)))
		return NULL;
	memcpy(q, p, usable);
	free(p);
	return q;
}
