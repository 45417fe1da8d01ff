/* mlock.c: mlock and munlock, and mincore. A locked region (VM_LOCKED) has
 * every page present from the call on; VmLck in /proc/PID/status counts the
 * locked regions; a child does not inherit locks (vma_dup), as on Linux.
 * Without CAP_IPC_LOCK the locked total stays within RLIMIT_MEMLOCK. mincore
 * tells which pages of a mapped range are present. */
#include "kernel.h"
#include "mm/fault.h"
#include "mm/vma.h"
#include "mm/mm_struct.h"
#include "proc.h"
#include "syscall.h"
#include "uapi/capability.h"
#include "uapi/errno.h"

/* Linux's rounding: the range grows to whole pages both ways. */
static int page_range(uint32_t addr, uint32_t len, uint32_t *start, uint32_t *end)
{
	*start = ROUNDDOWN(addr, PGSIZE);
	*end = ROUNDUP(addr + len, PGSIZE);
	if (addr + len < addr || *end < *start)
		return -EINVAL;
	return is_user_range(*start, *end - *start) ? 0 : -ENOMEM;
}

SYSCALL_DEFINE2(mlock, uint32_t, addr, uint32_t, len)
{
	struct proc *p = current;
	uint32_t start, end;
	int r = page_range(addr, len, &start, &end);
	if (r || start == end)
		return r;
	if (!capable(CAP_IPC_LOCK)) {
		uint64_t limit = p->rlim[RLIMIT_MEMLOCK].rlim_cur;
		if (limit == 0)
			return -EPERM;
		if (vma_total(p->mm->mmap, VM_LOCKED) + (uint64_t)(end - start) > limit)
			return -ENOMEM;
	}
	r = vma_set_flags(p->pgdir, &p->mm->mmap, start, end, 0, VM_LOCKED);
	if (r)
		return r;
	/* Present now: a private writable page gets its own copy now too. */
	for (uint32_t va = start; va < end; va += PGSIZE) {
		struct vm_area *v = vma_find(p->mm->mmap, va);
		bool write = (v->flags & VM_WRITE) && !(v->flags & VM_SHARED);
		if (handle_mm_fault(p, va, write) == FAULT_OOM)
			return -ENOMEM;
	}
	return 0;
}

SYSCALL_DEFINE2(munlock, uint32_t, addr, uint32_t, len)
{
	uint32_t start, end;
	int r = page_range(addr, len, &start, &end);
	if (r || start == end)
		return r;
	return vma_set_flags(current->pgdir, &current->mm->mmap, start, end, VM_LOCKED, 0);
}

SYSCALL_DEFINE3(mincore, uint32_t, addr, uint32_t, len, unsigned char __user *, vec)
{
	struct proc *p = current;
	if (addr & (PGSIZE - 1))
		return -EINVAL;
	uint32_t end = ROUNDUP(addr + len, PGSIZE);
	if (addr + len < addr || !is_user_range(addr, end - addr) || !vma_covers(p->mm->mmap, addr, end))
		return -ENOMEM;
	unsigned char chunk[64];
	for (uint32_t va = addr; va < end;) {
		uint32_t n = 0;
		for (; n < sizeof chunk && va < end; n++, va += PGSIZE)
			chunk[n] = vm_resident_pages(p->pgdir, va, va + PGSIZE) != 0;
		if (copy_to_user(vec, chunk, n))
			return -EFAULT;
		vec += n;
	}
	return 0;
}
