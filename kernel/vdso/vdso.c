/* vdso.c: the vDSO in every process. The image (kernel/vdso/image, linked
 * into the kernel as a blob) is copied into pages of its own at boot; exec
 * maps those pages read+exec into each new image ([vdso]) with the time
 * page read-only just below ([vvar]), each mapping holding a reference, so
 * fork shares them and munmap or exit only drops the reference. The kernel
 * keeps one reference of its own, so the pages are never freed. */
#include "kernel.h"
#include "initcall.h"
#include "mm/pmm.h"
#include "mm/vma.h"
#include "printk.h"
#include "uapi/errno.h"
#include "vdso/vdso.h"
#include "vdso-syms.h"          /* generated from the image: VDSO_SYM_name offsets */

#define PTSIZE 0x400000u                /* what one page table maps */

extern const char _binary_vdso_so_start[], _binary_vdso_so_end[];

static uint32_t vdso_pa;                /* the image's first page, 0 if there is none */
static uint32_t vdso_pages;

static const uint32_t entry_offset[] = {
	[VDSO_VSYSCALL] = VDSO_SYM___kernel_vsyscall,
	[VDSO_SIGRETURN] = VDSO_SYM___kernel_sigreturn,
	[VDSO_RT_SIGRETURN] = VDSO_SYM___kernel_rt_sigreturn,
};

static int vdso_init(void)
{
	uint32_t size = (uint32_t)(_binary_vdso_so_end - _binary_vdso_so_start);
	uint32_t n = ROUNDUP(size, PGSIZE) / PGSIZE;
	uint32_t pa = pmm_alloc_contig(n);
	if (!pa) {
		pr_err("vdso: no memory for the image: processes get none\n");
		return 0;
	}
	memset(P2V(pa), 0, n * PGSIZE);
	memcpy(P2V(pa), _binary_vdso_so_start, size);
	pmm_ref(vvar_page_pa());        /* the kernel's own: the page is in its image */
	vdso_pa = pa;
	vdso_pages = n;
	return 0;
}
core_initcall(vdso_init);

/* One kernel page into the new image, read-only; the mapping holds a reference. */
static int map_page(pde_t *pgdir, uint32_t va, uint32_t pa)
{
	pte_t *pte = vm_walk(pgdir, va, true);
	if (!pte)
		return -ENOMEM;
	pmm_ref(pa);
	*pte = pa | PTE_P | PTE_U;
	return 0;
}

static uint32_t vdso_size(void)
{
	return (1 + vdso_pages) * PGSIZE;
}

/* Where the time page and the vDSO go in a new image: in a page table it
 * fills anyway, as a page table of their own would cost every fork and exit
 * a walk of its 1024 entries. Just below the lowest region (a static
 * program's text at 0x08048000) when its page table has room there, else
 * the lowest free range from mmap_base (after an interpreter there). */
static uint32_t vdso_place(struct vm_area *mmap, uint32_t mmap_base)
{
	uint32_t size = vdso_size();
	if (mmap && (mmap->start & (PTSIZE - 1)) >= size && mmap->start - size >= mmap_min_addr)
		return mmap->start - size;
	uint32_t at = mmap_base;
	for (const struct vm_area *v = vma_find(mmap, at); v && v->start < at + size; v = v->next)
		at = v->end;
	return at;
}

int vdso_map(pde_t *pgdir, struct vm_area **mmap, uint32_t mmap_base, uint32_t *base)
{
	*base = 0;
	if (!vdso_pa)
		return 0;
	uint32_t vvar_at = vdso_place(*mmap, mmap_base), at = vvar_at + PGSIZE;
	int r = vma_insert(mmap, vvar_at, at, VM_READ | VM_VVAR);
	if (!r)
		r = vma_insert(mmap, at, at + vdso_pages * PGSIZE, VM_READ | VM_EXEC | VM_VDSO);
	if (!r)
		r = map_page(pgdir, vvar_at, vvar_page_pa());
	for (uint32_t i = 0; !r && i < vdso_pages; i++)
		r = map_page(pgdir, at + i * PGSIZE, vdso_pa + i * PGSIZE);
	if (!r)
		*base = at;
	return r;
}

static const struct vm_area *vdso_region(const struct vm_area *mmap)
{
	for (const struct vm_area *v = mmap; v; v = v->next)
		if (v->flags & VM_VDSO)
			return v;
	return NULL;
}

uint32_t vdso_entry(const struct vm_area *mmap, enum vdso_entry entry)
{
	const struct vm_area *v = vdso_region(mmap);
	return v ? v->start + entry_offset[entry] : 0;
}

const char *vdso_region_name(const struct vm_area *v)
{
	return (v->flags & VM_VDSO) ? "[vdso]" : (v->flags & VM_VVAR) ? "[vvar]" : NULL;
}
