/* vm.c: page tables. The kernel maps all physical memory at KERNBASE with 4 MiB
 * pages; these directory entries are copied into every new address space, and
 * never change after boot, so no address space needs updating later. User
 * mappings use 4 KiB pages with frames from the page allocator, shared
 * copy-on-write after fork (a frame's reference count is in pmm.c). */
#include "kernel.h"
#include "uapi/errno.h"
#include "mm/pmm.h"
#include "mm/vm.h"
#include "mm/vma.h"
#include "x86/percpu.h"
#include "x86/tlb.h"
#include "x86/x86.h"

#define PDX(va) ((va) >> 22)
#define PTX(va) (((va) >> 12) & 0x3ff)
#define KERN_PDE0 PDX(KERNBASE)

/* In the kernel image, not from the page allocator: until it is loaded only
 * the boot mapping's first 64 MiB exist, and the first free page lies beyond
 * the initramfs, which may end above that. */
static pde_t kpgdir_page[1024] __attribute__((aligned(PGSIZE)));
pde_t *kpgdir = kpgdir_page;

void vm_init(void)
{
	lcr4(rcr4() | CR4_PGE);                 /* kernel mappings survive CR3 loads */
	for (uint32_t p = 0; p < pmm_phys_top(); p += 0x400000)
		kpgdir[KERN_PDE0 + PDX(p)] = p | PTE_P | PTE_W | PTE_PS | PTE_G;
	vm_switch(kpgdir);
}

/* The exchange is a full barrier: a TLB shootdown that changed a page table
 * and then finds another pgdir here knows this CPU reloads CR3 after its
 * change (x86/tlb.c). */
void vm_switch(pde_t *pgdir)
{
	(void)__atomic_exchange_n(&this_cpu()->loaded_pgdir, pgdir, __ATOMIC_SEQ_CST);
	lcr3(V2P(pgdir));
}

/* Device registers (the local APIC) at their own physical address in the
 * kernel part of every address space, a 4 MiB page uncached. Before the first
 * address space exists (pgdir_create copies the kernel part), and only above
 * the mapping of RAM. */
void *vm_map_mmio(uint32_t pa)
{
	uint32_t base = ROUNDDOWN(pa, 0x400000);
	if (base < KERNBASE || base - KERNBASE < ROUNDUP(pmm_phys_top(), 0x400000))
		panic("device registers at %#x overlap the kernel's mapping of RAM", pa);
	kpgdir[PDX(base)] = base | PTE_P | PTE_W | PTE_PS | PTE_PCD | PTE_PWT;
	invlpg(base);
	return (void *)pa;
}

pde_t *pgdir_create(void)
{
	uint32_t pa = pmm_alloc();
	if (!pa)
		return NULL;
	pde_t *pd = P2V(pa);
	memset(pd, 0, KERN_PDE0 * sizeof(pde_t));
	memcpy(pd + KERN_PDE0, kpgdir + KERN_PDE0, (1024 - KERN_PDE0) * sizeof(pde_t));
	return pd;
}

pte_t *vm_walk(pde_t *pgdir, uint32_t va, bool create)
{
	pde_t *pde = &pgdir[PDX(va)];
	if (!(*pde & PTE_P)) {
		if (!create)
			return NULL;
		uint32_t pa = pmm_alloc();
		if (!pa)
			return NULL;
		memset(P2V(pa), 0, PGSIZE);
		*pde = pa | PTE_P | PTE_W | PTE_U;
	}
	pte_t *pt = P2V(PTE_ADDR(*pde));
	return &pt[PTX(va)];
}

static bool pte_holds_page(pte_t e)
{
	return e & (PTE_P | PTE_NONE);
}

/* Allocates a page for every unmapped page in [start, end), zeroed; with
 * caller_fills, the caller is about to write every byte of [start, end)
 * itself (exec), so only what lies outside it is zeroed. */
int vm_alloc_range(pde_t *pgdir, uint32_t start, uint32_t end, uint32_t perm, bool caller_fills)
{
	for (uint32_t va = ROUNDDOWN(start, PGSIZE); va < end; va += PGSIZE) {
		pte_t *pte = vm_walk(pgdir, va, true);
		if (!pte)
			return -ENOMEM;
		if (pte_holds_page(*pte))
			continue;
		uint32_t pa = pmm_alloc();
		if (!pa)
			return -ENOMEM;
		char *page = P2V(pa);
		uint32_t lo = caller_fills ? MAX(start, va) - va : PGSIZE;
		uint32_t hi = caller_fills ? MIN(end - va, PGSIZE) : PGSIZE;
		memset(page, 0, lo);
		memset(page + hi, 0, PGSIZE - hi);
		*pte = pa | perm | PTE_P;
		invlpg(va);
	}
	return 0;
}

/* Frames (pages and page tables) whose mappings are gone but that other CPUs
 * running the address space may still reach through their TLBs: freed only
 * after the shootdown, so that nobody else gets them while they are. */
#define UNMAP_BATCH 32
struct unmap_batch {
	pde_t *pgdir;
	unsigned int n;
	uint32_t pa[UNMAP_BATCH];
};

static void batch_flush(struct unmap_batch *b)
{
	flush_tlb_others(b->pgdir);
	for (unsigned int i = 0; i < b->n; i++)
		pmm_free(b->pa[i]);
	b->n = 0;
}

static void batch_add(struct unmap_batch *b, uint32_t pa)
{
	b->pa[b->n++] = pa;
	if (b->n == UNMAP_BATCH)
		batch_flush(b);
}

/* Frees the pages of [start, end), a page table at a time; a page table the
 * range covers whole goes too, so that a large munmap leaves nothing for the
 * next mapping there to walk. */
void vm_unmap_range(pde_t *pgdir, uint32_t start, uint32_t end)
{
	struct unmap_batch b = { .pgdir = pgdir };
	for (uint32_t va = ROUNDDOWN(start, PGSIZE); va < end && va >= ROUNDDOWN(start, PGSIZE);) {
		uint32_t chunk_end = ROUNDDOWN(va, 0x400000) + 0x400000;
		uint32_t stop = chunk_end - 1 < end - 1 ? chunk_end : end;
		pde_t *pde = &pgdir[PDX(va)];
		if (*pde & PTE_P) {
			pte_t *pt = P2V(PTE_ADDR(*pde));
			for (uint32_t a = va; a < stop; a += PGSIZE) {
				pte_t *pte = &pt[PTX(a)];
				if (!*pte)
					continue;
				pte_t e = *pte;
				*pte = 0;
				invlpg(a);
				if (pte_holds_page(e))
					batch_add(&b, PTE_ADDR(e));
			}
			if (va == ROUNDDOWN(va, 0x400000) && stop == chunk_end) {
				*pde = 0;
				invlpg(va);     /* also drops the cached directory entry */
				batch_add(&b, V2P(pt));
			}
		}
		va = stop;
	}
	batch_flush(&b);
}

/* The entry bits a page of a region with these VM_* flags gets. A private
 * page still shared with another address space stays read-only, so that the
 * first write copies it (mm/fault.c). */
uint32_t vm_pte_perm(uint32_t flags, uint32_t pa)
{
	uint32_t shared = (flags & VM_SHARED) ? PTE_SHARED : 0;
	if (!(flags & VM_PROT))
		return PTE_NONE | shared;
	bool w = (flags & VM_WRITE) && (shared || pmm_refcount(pa) == 1);
	return PTE_P | PTE_U | (w ? PTE_W : 0) | shared;
}

/* mprotect of the pages present in [start, end); absent ones fault in later
 * with the region's new protection. PROT_NONE keeps the frame, not present. */
void vm_protect_range(pde_t *pgdir, uint32_t start, uint32_t end, uint32_t flags)
{
	for (uint32_t va = start; va < end; va += PGSIZE) {
		pte_t *pte = vm_walk(pgdir, va, false);
		if (!pte) {
			va = ROUNDDOWN(va, 0x400000) + 0x400000 - PGSIZE;
			continue;
		}
		if (!pte_holds_page(*pte))
			continue;
		*pte = PTE_ADDR(*pte) | vm_pte_perm(flags, PTE_ADDR(*pte));
		invlpg(va);
	}
	flush_tlb_others(pgdir);
}

/* mremap: the pages of [from, from + len) move to [to, to + len), frames and
 * all. The page tables they need are made first, so that running out of
 * memory moves nothing. */
int vm_move_range(pde_t *pgdir, uint32_t from, uint32_t to, uint32_t len)
{
	for (int pass = 0; pass < 2; pass++) {
		for (uint32_t off = 0; off < len; off += PGSIZE) {
			pte_t *src = vm_walk(pgdir, from + off, false);
			if (!src || !pte_holds_page(*src))
				continue;
			pte_t *dst = vm_walk(pgdir, to + off, true);
			if (!dst)
				return -ENOMEM;
			if (pass == 1) {
				*dst = *src;
				*src = 0;
				invlpg(from + off);
				invlpg(to + off);
			}
		}
	}
	flush_tlb_others(pgdir);
	return 0;
}

uint32_t vm_resident_pages(pde_t *pgdir, uint32_t start, uint32_t end)
{
	uint32_t n = 0;
	for (uint32_t va = start; va < end; va += PGSIZE) {
		pte_t *pte = vm_walk(pgdir, va, false);
		if (!pte)
			va = ROUNDDOWN(va, 0x400000) + 0x400000 - PGSIZE;
		else if (pte_holds_page(*pte))
			n++;
	}
	return n;
}

void pgdir_free(pde_t *pgdir)
{
	for (uint32_t i = 0; i < KERN_PDE0; i++) {
		if (!(pgdir[i] & PTE_P))
			continue;
		pte_t *pt = P2V(PTE_ADDR(pgdir[i]));
		for (int j = 0; j < 1024; j++)
			if (pte_holds_page(pt[j]))
				pmm_free(PTE_ADDR(pt[j]));
		pmm_free(PTE_ADDR(pgdir[i]));
	}
	pmm_free(V2P(pgdir));
}

/* fork: the child gets the parent's page tables with every frame shared.
 * Private pages become read-only in both, each frame gains a reference, and
 * whoever writes first gets a copy (mm/fault.c); MAP_SHARED pages stay
 * writable in both. Program text is never copied at all. */
pde_t *vm_copy(pde_t *src)
{
	pde_t *dst = pgdir_create();
	if (!dst)
		return NULL;
	for (uint32_t i = 0; i < KERN_PDE0; i++) {
		if (!(src[i] & PTE_P))
			continue;
		uint32_t pa = pmm_alloc();
		if (!pa) {
			pgdir_free(dst);
			return NULL;
		}
		pte_t *spt = P2V(PTE_ADDR(src[i])), *dpt = P2V(pa);
		for (uint32_t j = 0; j < 1024; j++) {
			pte_t e = spt[j];
			if (pte_holds_page(e)) {
				if (!(e & PTE_SHARED))
					spt[j] = e &= ~PTE_W;
				pmm_ref(PTE_ADDR(e));
			} else {
				e = 0;
			}
			dpt[j] = e;
		}
		dst[i] = pa | PTE_P | PTE_W | PTE_U;
	}
	lcr3(rcr3());                   /* the parent's writable entries just went read-only */
	flush_tlb_others(src);          /* on its other threads' CPUs too */
	return dst;
}

/* The kernel address of the byte at va in pgdir's present page, or NULL: exec
 * fills the new image through it before switching to it. */
void *vm_kaddr(pde_t *pgdir, uint32_t va)
{
	pte_t *pte = vm_walk(pgdir, va, false);
	if (!pte || !(*pte & PTE_P))
		return NULL;
	return (char *)P2V(PTE_ADDR(*pte)) + (va & (PGSIZE - 1));
}

/* n bytes between kernel memory and another address space's mapped pages. */
static int vm_transfer(pde_t *pgdir, uint32_t va, char *kbuf, uint32_t n, bool to_space)
{
	while (n) {
		char *page = vm_kaddr(pgdir, va);
		if (!page)
			return -EFAULT;
		uint32_t k = MIN(n, PGSIZE - (va & (PGSIZE - 1)));
		if (to_space)
			memcpy(page, kbuf, k);
		else
			memcpy(kbuf, page, k);
		va += k, kbuf += k, n -= k;
	}
	return 0;
}

/* exec builds the new image before switching to it. */
int vm_write(pde_t *pgdir, uint32_t va, const void *src, uint32_t n)
{
	return vm_transfer(pgdir, va, (char *)src, n, true);
}

/* /proc/PID/cmdline reads another process's arguments. */
int vm_read(pde_t *pgdir, uint32_t va, void *dst, uint32_t n)
{
	return vm_transfer(pgdir, va, dst, n, false);
}
