/* pmm.c: the physical page allocator: one bit per 4 KiB page, fed by the
 * Multiboot memory map. The kernel image, the Multiboot data and the modules
 * (the initramfs) stay reserved. Contiguous runs serve big kmalloc requests. */
#include "kernel.h"
#include "locking/spinlock.h"
#include "x86/multiboot.h"
#include "mm/pmm.h"
#include "x86/x86.h"

/* The kernel maps physical memory 1:1 above KERNBASE with room for 768 MiB. */
#define PHYS_LIMIT 0x30000000u
#define MAXPAGES   (PHYS_LIMIT / PGSIZE)

/* pmm_lock (irqsave) protects the bitmap, the reference counts and the
 * counts below, so that any CPU allocates and frees without the big kernel
 * lock; it nests inside kmalloc's. */
static DEFINE_SPINLOCK(pmm_lock);
static uint32_t used[MAXPAGES / 32];     /* 1 = not free */
/* References to each allocated page: more than one when several address
 * spaces map it (MAP_SHARED memory, or private pages copy-on-write after fork). */
static uint16_t refs[MAXPAGES];
static size_t nfree, ntotal;
static uint32_t phys_top;
static size_t hint;

static void mark(size_t pfn, bool in_use)
{
	if (in_use)
		used[pfn / 32] |= 1u << (pfn % 32);
	else
		used[pfn / 32] &= ~(1u << (pfn % 32));
}

static bool is_used(size_t pfn)
{
	return used[pfn / 32] & (1u << (pfn % 32));
}

void pmm_init(const struct multiboot_info *mbi, uint32_t reserved_end)
{
	memset(used, 0xff, sizeof(used));
	if (!(mbi->flags & MB_INFO_MMAP))
		panic("no Multiboot memory map");
	uint32_t p = mbi->mmap_addr;
	while (p < mbi->mmap_addr + mbi->mmap_length) {
		const struct multiboot_mmap *m = P2V(p);
		if (m->type == 1 && m->addr < PHYS_LIMIT) {
			uint64_t end = MIN(m->addr + m->len, (uint64_t)PHYS_LIMIT);
			for (uint64_t a = ROUNDUP(m->addr, PGSIZE); a + PGSIZE <= end; a += PGSIZE) {
				if (a < reserved_end)
					continue;
				mark(a / PGSIZE, false);
				nfree++;
			}
			phys_top = MAX(phys_top, (uint32_t)end);
		}
		p += m->size + 4;
	}
	ntotal = nfree;
}

uint32_t pmm_alloc_contig(size_t n)
{
	unsigned long f;
	spin_lock_irqsave(&pmm_lock, f);
	size_t limit = phys_top / PGSIZE;
	for (size_t tries = 0, pfn = hint; tries < limit; tries++, pfn++) {
		if (pfn + n > limit)
			pfn = 0;
		size_t k = 0;
		while (k < n && !is_used(pfn + k))
			k++;
		if (k == n) {
			for (k = 0; k < n; k++) {
				mark(pfn + k, true);
				refs[pfn + k] = 1;
			}
			nfree -= n;
			hint = pfn + n;
			spin_unlock_irqrestore(&pmm_lock, f);
			return pfn * PGSIZE;
		}
		pfn += k;
	}
	spin_unlock_irqrestore(&pmm_lock, f);
	return 0;
}

uint32_t pmm_alloc(void)
{
	return pmm_alloc_contig(1);
}

/* Drops one reference to each page; a page is free when none are left. */
void pmm_free_contig(uint32_t pa, size_t n)
{
	unsigned long f;
	spin_lock_irqsave(&pmm_lock, f);
	for (size_t i = 0; i < n; i++) {
		size_t pfn = pa / PGSIZE + i;
		if (!is_used(pfn) || refs[pfn] == 0)
			panic("pmm: double free of %#x", pfn * PGSIZE);
		if (--refs[pfn])
			continue;
		mark(pfn, false);
		nfree++;
	}
	spin_unlock_irqrestore(&pmm_lock, f);
}

void pmm_ref(uint32_t pa)
{
	unsigned long f;
	spin_lock_irqsave(&pmm_lock, f);
	refs[pa / PGSIZE]++;
	spin_unlock_irqrestore(&pmm_lock, f);
}

unsigned pmm_refcount(uint32_t pa)
{
	return refs[pa / PGSIZE];
}

void pmm_free(uint32_t pa)
{
	pmm_free_contig(pa, 1);
}

size_t pmm_free_pages(void) { return nfree; }
size_t pmm_total_pages(void) { return ntotal; }
uint32_t pmm_phys_top(void) { return phys_top; }
