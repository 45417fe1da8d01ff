/* mm.c: the memory system calls: brk, mmap2 (anonymous memory, private or
 * shared), old mmap, munmap, mprotect, mremap, madvise and msync. They change the regions
 * (mm/vma.c); private memory gets its pages when first touched
 * (mm/fault.c), MAP_SHARED memory when mapped, so that a fork shares every
 * one of its pages; mprotect(PROT_NONE) keeps the frames but makes every
 * access fault. */
#include "kernel.h"
#include "fs/fdtable.h"
#include "mm/pmm.h"
#include "mm/vma.h"
#include "mm/vm_limits.h"
#include "mm/mm_struct.h"
#include "proc.h"
#include "syscall.h"
#include "uapi/capability.h"
#include "uapi/errno.h"
#include "uapi/mman.h"

unsigned long mmap_min_addr = 65536;     /* Linux's CONFIG_DEFAULT_MMAP_MIN_ADDR */

/* Linux's heuristic overcommit: private memory comes a page at a time when
 * touched, so only a request larger than all of memory fails at once
 * (MAP_NORESERVE not even that); MAP_SHARED memory is allocated when mapped
 * and must fit in what is free now. */
static bool enough_memory(uint32_t len, uint32_t vm_flags)
{
	if (vm_flags & VM_NORESERVE)
		return true;
	return len / PGSIZE <= ((vm_flags & VM_SHARED) ? pmm_free_pages() : pmm_total_pages());
}

SYSCALL_DEFINE1(brk, uint32_t, addr)
{
	struct proc *p = current;
	/* Also before rounding up: near 4 GiB that wraps to 0. */
	if (addr < p->mm->brk_start || addr >= p->mm->stack_limit)
		return p->mm->brk;
	uint32_t old_end = ROUNDUP(p->mm->brk, PGSIZE), new_end = ROUNDUP(addr, PGSIZE);
	if (new_end > old_end) {
		if (new_end >= p->mm->stack_limit || !vma_range_free(p->mm->mmap, old_end, new_end) ||
		    !enough_memory(new_end - old_end, 0) ||
		    !may_expand_vm(p->mm, VM_READ | VM_WRITE, (new_end - old_end) / PGSIZE) ||
		    vma_insert(&p->mm->mmap, old_end, new_end, VM_READ | VM_WRITE))
			return p->mm->brk;
	} else if (new_end < old_end) {
		if (vma_unmap(p->pgdir, &p->mm->mmap, new_end, old_end))
			return p->mm->brk;
	}
	p->mm->brk = addr;
	return addr;
}

/* The lowest free range of len bytes at or above the mmap base. */
static uint32_t find_free_range(uint32_t len)
{
	struct proc *p = current;
	uint32_t a = MAX(p->mm->mmap_base, ROUNDUP(p->mm->brk, PGSIZE));
	for (struct vm_area *v = vma_find(p->mm->mmap, a);; v = v->next) {
		uint32_t gap_end = v ? MIN(v->start, p->mm->stack_limit) : p->mm->stack_limit;
		if (a + len > a && a + len <= gap_end)
			return a;
		if (!v || v->end >= p->mm->stack_limit)
			return 0;
		a = MAX(a, v->end);
	}
}

/* Linux's round_hint_to_min: a hint below mmap_min_addr moves up to it. */
static uint32_t round_hint_to_min(uint32_t hint)
{
	hint = ROUNDDOWN(hint, PGSIZE);
	return hint && hint < mmap_min_addr ? (uint32_t)ROUNDUP(mmap_min_addr, PGSIZE) : hint;
}

/* As Linux, a hint is taken when the range there is free (here: and clear
 * of the stack's room to grow). */
static bool hint_fits(uint32_t at, uint32_t len)
{
	return at && is_user_range(at, len) && at + len <= current->mm->stack_limit &&
	       vma_range_free(current->mm->mmap, at, at + len);
}

/* Maps the region tmpl describes; anonymous MAP_SHARED memory gets its pages
 * now, a file's come from its cache when touched. */
static int map_region(const struct vm_area *tmpl)
{
	struct proc *p = current;
	if (vma_insert_region(&p->mm->mmap, tmpl))
		return -ENOMEM;
	if (!(tmpl->flags & VM_SHARED) || tmpl->vm_file)
		return 0;
	if (vm_alloc_range(p->pgdir, tmpl->start, tmpl->end, PTE_U | PTE_W | PTE_SHARED, false)) {
		vma_unmap(p->pgdir, &p->mm->mmap, tmpl->start, tmpl->end);
		return -ENOMEM;
	}
	vm_protect_range(p->pgdir, tmpl->start, tmpl->end, tmpl->flags);
	return 0;
}

/* Linux's do_mmap checks for a file: the access mode the mapping needs (a
 * shared writable one, O_RDWR; any, read access), then whether the file can
 * be mapped at all. */
static int file_mmap_allowed(const struct file *file, int type, int prot)
{
	if (type == MAP_SHARED && (prot & PROT_WRITE) && !file_writable(file))
		return -EACCES;
	if (!file_readable(file))
		return -EACCES;
	return file->f_op && file->f_op->mmap ? 0 : -ENODEV;
}

static long ksys_mmap_pgoff(uint32_t addr, uint32_t len, int prot, int flags, int fd, uint32_t pgoff)
{
	struct file *file = NULL;
	if (!(flags & MAP_ANONYMOUS) && (!(file = files_lookup_fd_raw(current->files, fd)) ||
					 (file->f_flags & O_PATH)))      /* as fget */
		return -EBADF;
	return do_mmap(file, addr, len, prot, flags, pgoff);
}

long do_mmap(struct file *file, uint32_t addr, uint32_t len, int prot, int flags, uint32_t pgoff)
{
	int type = flags & MAP_TYPE;
	if (len == 0 || (type != MAP_PRIVATE && type != MAP_SHARED))
		return -EINVAL;
	len = ROUNDUP(len, PGSIZE);
	if (len == 0)
		return -ENOMEM;
	if (file && pgoff + len / PGSIZE < pgoff)
		return -EOVERFLOW;
	struct proc *p = current;
	/* A shared mapping of a page-cache file takes the file's own pages. */
	bool file_pages = file && type == MAP_SHARED && file->f_inode->i_mapping;
	uint32_t vm_flags = ((uint32_t)prot & VM_PROT) | (type == MAP_SHARED ? VM_SHARED : 0) |
			    ((flags & MAP_NORESERVE) || file_pages ? VM_NORESERVE : 0);
	if (flags & MAP_FIXED) {
		if (addr & (PGSIZE - 1))
			return -EINVAL;
		if (!is_user_range(addr, len))
			return -ENOMEM;
		/* Keeps page 0 from a user who would make a kernel NULL dereference his. */
		if (addr < mmap_min_addr && !capable(CAP_SYS_RAWIO))
			return -EPERM;
	} else {
		uint32_t hint = round_hint_to_min(addr);
		addr = hint_fits(hint, len) ? hint : find_free_range(len);
		if (!addr)
			return -ENOMEM;
	}
	struct vm_area tmpl = { .start = addr, .end = addr + len, .flags = vm_flags, .vm_file = file,
				.vm_pgoff = file ? pgoff : 0 };
	int r = file ? file_mmap_allowed(file, type, prot) : 0;
	if (r)
		return r;
	if (!enough_memory(len, vm_flags) || !may_expand_vm(p->mm, vm_flags, len / PGSIZE))
		return -ENOMEM;
	if ((flags & MAP_FIXED) && vma_unmap(p->pgdir, &p->mm->mmap, addr, addr + len))
		return -ENOMEM;
	if (file && (r = file->f_op->mmap(file, &tmpl)))
		return r;
	r = map_region(&tmpl);
	return r ? r : (long)addr;
}

SYSCALL_DEFINE6(mmap2, uint32_t, addr, uint32_t, len, int, prot, int, flags, int, fd, uint32_t, pgoff)
{
	return ksys_mmap_pgoff(addr, len, prot, flags, fd, pgoff);
}

/* The old i386 mmap takes its six arguments in a user structure. */
SYSCALL_DEFINE1(mmap, const uint32_t *, uargs)
{
	uint32_t a[6];
	if (copyin(uargs, a, sizeof(a)))
		return -EFAULT;
	if (a[5] & (PGSIZE - 1))
		return -EINVAL;
	return ksys_mmap_pgoff(a[0], a[1], (int)a[2], (int)a[3], (int)a[4], a[5] / PGSIZE);
}

static int check_range(uint32_t addr, uint32_t len)
{
	if ((addr & (PGSIZE - 1)) || len == 0)
		return -EINVAL;
	if (!is_user_range(addr, ROUNDUP(len, PGSIZE)))
		return -EINVAL;
	return 0;
}

SYSCALL_DEFINE2(munmap, uint32_t, addr, uint32_t, len)
{
	int r = check_range(addr, len);
	if (r)
		return r;
	return vma_unmap(current->pgdir, &current->mm->mmap, addr, addr + ROUNDUP(len, PGSIZE));
}

SYSCALL_DEFINE3(mprotect, uint32_t, addr, uint32_t, len, int, prot)
{
	if ((addr & (PGSIZE - 1)))
		return -EINVAL;
	if (len == 0)
		return 0;
	if (prot & ~(PROT_READ | PROT_WRITE | PROT_EXEC))
		return -EINVAL;
	/* Linux: a range that is not (all) mapped, the kernel's included, is ENOMEM. */
	if (!is_user_range(addr, ROUNDUP(len, PGSIZE)))
		return -ENOMEM;
	uint32_t end = addr + ROUNDUP(len, PGSIZE);
	if (!vma_covers(current->mm->mmap, addr, end))
		return -ENOMEM;
	/* A shared file mapping becomes writable only through a writable open;
	 * Linux's vvar has neither VM_MAYWRITE nor VM_MAYEXEC: the time page stays read-only. */
	for (struct vm_area *v = vma_find(current->mm->mmap, addr); v && v->start < end; v = v->next)
		if (((prot & PROT_WRITE) && v->vm_file && (v->flags & VM_SHARED) && !file_writable(v->vm_file)) ||
		    ((v->flags & VM_VVAR) && (prot & (PROT_WRITE | PROT_EXEC))))
			return -EACCES;
	return vma_set_flags(current->pgdir, &current->mm->mmap, addr, end, VM_PROT, (uint32_t)prot);
}

/* Linux's mremap for anonymous memory: shrink in place, grow in place when
 * the room above is free, else (MREMAP_MAYMOVE) move the pages, frames and
 * all, to a free range or (MREMAP_FIXED) to new_addr. */
SYSCALL_DEFINE5(mremap, uint32_t, addr, uint32_t, old_len, uint32_t, new_len, int, flags, uint32_t, new_addr)
{
	struct proc *p = current;
	if ((addr & (PGSIZE - 1)) || (flags & ~(MREMAP_MAYMOVE | MREMAP_FIXED)) ||
	    ((flags & MREMAP_FIXED) && !(flags & MREMAP_MAYMOVE)))
		return -EINVAL;
	old_len = ROUNDUP(old_len, PGSIZE);
	new_len = ROUNDUP(new_len, PGSIZE);
	if (new_len == 0 || old_len == 0)
		return -EINVAL;
	if ((flags & MREMAP_FIXED) && ((new_addr & (PGSIZE - 1)) || !is_user_range(new_addr, new_len) ||
				       (new_addr < addr + old_len && addr < new_addr + new_len)))
		return -EINVAL;
	struct vm_area *v = vma_find(p->mm->mmap, addr);
	if (!v || v->start > addr || old_len > v->end - addr)
		return -EFAULT;
	uint32_t vm_flags = v->flags;
	struct vm_area old = vma_slice(v, addr, addr + old_len);
	if (!(flags & MREMAP_FIXED) && new_len <= old_len) {
		if (new_len < old_len && vma_unmap(p->pgdir, &p->mm->mmap, addr + new_len, addr + old_len))
			return -ENOMEM;
		return addr;
	}
	if (!enough_memory(new_len - MIN(old_len, new_len), vm_flags) ||
	    !may_expand_vm(p->mm, vm_flags, (new_len - MIN(old_len, new_len)) / PGSIZE))
		return -ENOMEM;
	uint32_t grow_end = addr + new_len;
	if (!(flags & MREMAP_FIXED) && addr + old_len == v->end && grow_end > addr &&
	    grow_end <= p->mm->stack_limit && vma_range_free(p->mm->mmap, v->end, grow_end)) {
		struct vm_area more = vma_slice(v, v->end, grow_end);
		int r = map_region(&more);
		return r ? r : (long)addr;
	}
	if (!(flags & MREMAP_MAYMOVE))
		return -ENOMEM;
	uint32_t to = new_addr;
	if (flags & MREMAP_FIXED) {
		if (vma_unmap(p->pgdir, &p->mm->mmap, to, to + new_len))
			return -ENOMEM;
	} else if (!(to = find_free_range(new_len))) {
		return -ENOMEM;
	}
	uint32_t keep = MIN(old_len, new_len);
	/* The moved region maps what the old one did, from the same file page. */
	struct vm_area kept = old, grown;
	kept.start = to;
	kept.end = to + keep;
	grown = vma_slice(&kept, to + keep, to + new_len);
	if (vma_insert_region(&p->mm->mmap, &kept))
		return -ENOMEM;
	if (vm_move_range(p->pgdir, addr, to, keep)) {
		vma_unmap(p->pgdir, &p->mm->mmap, to, to + keep);
		return -ENOMEM;
	}
	vma_unmap(p->pgdir, &p->mm->mmap, addr, addr + old_len);
	if (new_len > keep && map_region(&grown)) {
		vma_unmap(p->pgdir, &p->mm->mmap, to, to + keep);
		return -ENOMEM;
	}
	return to;
}

/* MADV_DONTNEED drops a private range's pages: they read as zeros again.
 * The other advice is only advice. */
SYSCALL_DEFINE3(madvise, uint32_t, addr, uint32_t, len, int, advice)
{
	if (addr & (PGSIZE - 1))
		return -EINVAL;
	len = ROUNDUP(len, PGSIZE);
	if (!is_user_range(addr, len))
		return -EINVAL;
	if (advice != MADV_DONTNEED)
		return 0;
	struct proc *p = current;
	if (!vma_covers(p->mm->mmap, addr, addr + len))
		return -ENOMEM;
	for (struct vm_area *v = vma_find(p->mm->mmap, addr); v && v->start < addr + len; v = v->next)
		if (v->flags & (VM_LOCKED | VM_VVAR))
			return -EINVAL;         /* Linux: locked pages cannot be dropped, nor the time page (VM_PFNMAP) */
	/* The vDSO's pages are kept: Linux would fault the same ones back in. */
	for (struct vm_area *v = vma_find(p->mm->mmap, addr); v && v->start < addr + len; v = v->next)
		if (!(v->flags & (VM_SHARED | VM_VDSO)))
			vm_unmap_range(p->pgdir, MAX(v->start, addr), MIN(v->end, addr + len));
	return 0;
}

/* Anonymous memory has no file to write back to: the range must be mapped. */
SYSCALL_DEFINE3(msync, uint32_t, addr, uint32_t, len, int, flags)
{
	if ((addr & (PGSIZE - 1)) || (flags & ~(MS_ASYNC | MS_INVALIDATE | MS_SYNC)) ||
	    ((flags & MS_ASYNC) && (flags & MS_SYNC)))
		return -EINVAL;
	uint32_t end = ROUNDUP(addr + len, PGSIZE);
	if (addr + len < addr || !is_user_range(addr, end - addr))
		return -ENOMEM;
	return vma_covers(current->mm->mmap, addr, end) ? 0 : -ENOMEM;
}
