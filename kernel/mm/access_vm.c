/* access_vm.c: another process's memory as its own accesses would see it
 * (Linux's access_process_vm with FOLL_FORCE, for ptrace and
 * process_vm_readv/writev): absent pages are faulted in; a forced write to a
 * private page that is read-only (a breakpoint in the text) gives the process
 * its own copy of the frame first, and the page keeps the region's protection. */
#include "kernel.h"
#include "mm/access_vm.h"
#include "mm/fault.h"
#include "mm/mm_struct.h"
#include "mm/pmm.h"
#include "mm/vma.h"
#include "proc.h"
#include "x86/tlb.h"
#include "x86/x86.h"

/* The frame under va, present and ready for the access; 0 if there is none. */
static char *page_for_access(struct proc *p, uint32_t va, bool write, bool force)
{
	struct vm_area *v = vma_find(p->mm->mmap, va);
	if (!v || va < v->start || !(v->flags & VM_PROT))
		return NULL;
	bool may_write = v->flags & VM_WRITE;
	if (write && !may_write && (!force || (v->flags & VM_SHARED)))
		return NULL;
	if (handle_mm_fault(p, va, write && may_write))
		return NULL;
	pte_t *pte = vm_walk(p->pgdir, va, false);
	if (!pte || !(*pte & PTE_P))
		return NULL;
	if (write && !(*pte & PTE_W) && pmm_refcount(PTE_ADDR(*pte)) > 1) {
		uint32_t old = PTE_ADDR(*pte), pa = pmm_alloc();
		if (!pa)
			return NULL;
		memcpy(P2V(pa), P2V(old), PGSIZE);
		*pte = pa | (*pte & 0xfff);
		pmm_free(old);
		flush_tlb_page(p->pgdir, ROUNDDOWN(va, PGSIZE));
	}
	return (char *)P2V(PTE_ADDR(*pte)) + (va & (PGSIZE - 1));
}

uint32_t access_process_vm(struct proc *p, uint32_t addr, void *buf, uint32_t len, unsigned flags)
{
	bool write = flags & FOLL_WRITE;
	uint32_t done = 0;
	while (done < len && p->mm && addr + done >= addr && addr + done < USER_TOP) {
		uint32_t va = addr + done;
		char *page = page_for_access(p, va, write, flags & FOLL_FORCE);
		if (!page)
			break;
		uint32_t n = MIN(len - done, PGSIZE - (va & (PGSIZE - 1)));
		if (write)
			memcpy(page, (char *)buf + done, n);
		else
			memcpy((char *)buf + done, page, n);
		done += n;
	}
	return done;
}
