/* mm_struct.h: an address space that several processes can share (clone's
 * CLONE_VM, vfork), as Linux's struct mm_struct: the page directory, the
 * regions, the layout, and a count of the processes using it. The last mmput
 * frees the page tables and the regions. Each
 * process keeps its own copy of the pgdir pointer (struct proc's pgdir, what
 * the switch loads into cr3, like Linux's active_mm), set from mm->pgdir
 * whenever mm changes. */
#ifndef MM_STRUCT_H
#define MM_STRUCT_H

#include "mm/vm.h"

struct vm_area;
struct ldt_struct;

struct mm_struct {
	int users;                      /* processes that run in it */
	pde_t *pgdir;
	struct vm_area *mmap;           /* its regions, lowest first (mm/vma.h) */
	uint32_t brk_start, brk;        /* heap: [brk_start, brk) */
	uint32_t mmap_base;             /* lowest address mmap hands out */
	uint32_t stack_limit;           /* lowest address the user stack may grow to */
	struct ldt_struct *ldt;         /* modify_ldt's table, NULL until written (x86/ldt.h) */
};

/* A new address space owning pgdir (no regions yet), with one user; NULL if
 * out of memory. */
struct mm_struct *mm_alloc(pde_t *pgdir);
struct mm_struct *mmget(struct mm_struct *mm);
void mmput(struct mm_struct *mm);

#endif
