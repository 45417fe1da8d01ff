/* vm_limits.c: RLIMIT_AS and RLIMIT_DATA, as Linux's may_expand_vm: a new
 * or grown mapping must keep the address space within RLIMIT_AS, and the
 * private writable memory that is not the stack (the heap, data, anonymous
 * memory) within RLIMIT_DATA; mmap, mremap and brk then fail with ENOMEM. */
#include "kernel.h"
#include "mm/mm_struct.h"
#include "mm/vm_limits.h"
#include "mm/vma.h"
#include "proc.h"
#include "uapi/resource.h"

/* Linux's is_data_mapping. */
static bool is_data_mapping(uint32_t vm_flags)
{
	return (vm_flags & (VM_WRITE | VM_SHARED | VM_GROWSDOWN)) == VM_WRITE;
}

static uint64_t data_pages(const struct mm_struct *mm)
{
	uint64_t n = 0;
	for (const struct vm_area *v = mm->mmap; v; v = v->next)
		if (is_data_mapping(v->flags))
			n += (v->end - v->start) / PGSIZE;
	return n;
}

bool may_expand_vm(struct mm_struct *mm, uint32_t vm_flags, uint32_t npages)
{
	uint64_t as = current->rlim[RLIMIT_AS].rlim_cur, data = current->rlim[RLIMIT_DATA].rlim_cur;
	if (as != K_RLIM64_INFINITY && vma_total(mm->mmap, 0) / PGSIZE + npages > as / PGSIZE)
		return false;
	return !is_data_mapping(vm_flags) || data == K_RLIM64_INFINITY ||
	       data_pages(mm) + npages <= data / PGSIZE;
}
