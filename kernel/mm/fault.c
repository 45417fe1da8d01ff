/* fault.c: what a page fault inside a region does (Linux's handle_mm_fault).
 * A page never touched gets a zeroed frame (anonymous memory, brk, bss and
 * the stack are all demand-zero); a write to a private page that fork left
 * shared copies it, or just makes it writable again when no one else holds
 * it; a page of a file mapping comes from the file's vm_ops->fault (the page
 * cache): shared, or read-only until a private write copies it. A fault just
 * below the stack grows it down to RLIMIT_STACK. When no
 * frame is left the process that needed one is killed and the kernel goes on.
 * uaccess copies come here too before their exception-table fixup, so a
 * system call may write into memory its caller has not touched yet. */
#include "kernel.h"
#include "mm/fault.h"
#include "mm/pmm.h"
#include "mm/vma.h"
#include "printk.h"
#include "mm/mm_struct.h"
#include "proc.h"
#include "uapi/signal.h"
#include "x86/tlb.h"
#include "x86/x86.h"

static int out_of_memory(struct proc *p, uint32_t addr)
{
	printk(KERN_ERR "Out of memory: Killed process %d (%s) total-vm:%ukB, faulting at %#x\n",
	       p->pid, p->comm, vma_total(p->mm->mmap, 0) / 1024, addr);
	if (p == current)
		force_signal(SIGKILL, SI_KERNEL, addr);
	return FAULT_OOM;
}

/* The region that holds addr, the stack grown down to it if that is where it is. */
static struct vm_area *region_for(struct proc *p, uint32_t addr)
{
	struct vm_area *v = vma_find(p->mm->mmap, addr);
	if (!v || addr >= v->start)
		return v;
	if (!(v->flags & VM_GROWSDOWN))
		return NULL;
	uint64_t room = p->rlim[RLIMIT_STACK].rlim_cur;
	uint32_t floor = room >= USER_TOP - p->mm->stack_limit ? p->mm->stack_limit : (uint32_t)(USER_TOP - room);
	uint32_t start = ROUNDDOWN(addr, PGSIZE);
	if (start < floor || !vma_range_free(p->mm->mmap, start, v->start))
		return NULL;
	v->start = start;
	return v;
}

int vma_fault_page(struct vm_area *v, uint32_t va, bool write, pte_t *pte)
{
	struct vm_fault vmf = { .pgoff = v->vm_pgoff + (va - v->start) / PGSIZE };
	int r = v->vm_ops->fault(v, &vmf);
	if (r)
		return r;
	uint32_t pa = vmf.pa;
	if (write && !(v->flags & VM_SHARED)) {
		pa = pmm_alloc();
		if (!pa) {
			pmm_free(vmf.pa);
			return VM_FAULT_OOM;
		}
		memcpy(P2V(pa), P2V(vmf.pa), PGSIZE);
		pmm_free(vmf.pa);
	}
	*pte = pa | vm_pte_perm(v->flags, pa);
	return 0;
}

int handle_mm_fault(struct proc *p, uint32_t addr, bool write)
{
	if (!p->pgdir || addr >= USER_TOP)
		return SEGV_MAPERR;
	struct vm_area *v = region_for(p, addr);
	if (!v)
		return SEGV_MAPERR;
	if (!(v->flags & (write ? VM_WRITE : VM_PROT)))
		return SEGV_ACCERR;
	uint32_t va = ROUNDDOWN(addr, PGSIZE);
	pte_t *pte = vm_walk(p->pgdir, va, true);
	if (!pte)
		return out_of_memory(p, addr);
	if (!(*pte & (PTE_P | PTE_NONE)) && v->vm_ops) {
		int r = vma_fault_page(v, va, write, pte);
		if (r == VM_FAULT_SIGBUS)
			return FAULT_SIGBUS;
		if (r)
			return out_of_memory(p, addr);
	} else if (!(*pte & (PTE_P | PTE_NONE))) {
		uint32_t pa = pmm_alloc();
		if (!pa)
			return out_of_memory(p, addr);
		memset(P2V(pa), 0, PGSIZE);
		*pte = pa | vm_pte_perm(v->flags, pa);
	} else if (write && !(*pte & PTE_W)) {
		uint32_t old = PTE_ADDR(*pte);
		if (pmm_refcount(old) > 1) {
			uint32_t pa = pmm_alloc();
			if (!pa)
				return out_of_memory(p, addr);
			memcpy(P2V(pa), P2V(old), PGSIZE);
			pmm_free(old);
			*pte = pa | vm_pte_perm(v->flags, pa);
			/* Other CPUs running this address space may still read
			 * the old frame through their TLBs. */
			flush_tlb_page(p->pgdir, va);
			return 0;
		}
		*pte = old | vm_pte_perm(v->flags, old);
	}
	/* Otherwise another path filled the page in already: only the TLB was stale. */
	if (p == current)
		invlpg(va);
	return 0;
}
