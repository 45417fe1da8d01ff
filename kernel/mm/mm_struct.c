/* mm_struct.c: reference-counted address spaces (see mm_struct.h). */
#include "mm/kmalloc.h"
#include "x86/ldt.h"
#include "mm/mm_struct.h"
#include "mm/vma.h"
#include "kernel.h"

struct mm_struct *mm_alloc(pde_t *pgdir)
{
	struct mm_struct *mm = kzalloc(sizeof(*mm));
	if (!mm)
		return NULL;
	mm->users = 1;
	mm->pgdir = pgdir;
	return mm;
}

struct mm_struct *mmget(struct mm_struct *mm)
{
	mm->users++;
	return mm;
}

void mmput(struct mm_struct *mm)
{
	if (!mm || --mm->users > 0)
		return;
	pgdir_free(mm->pgdir);
	vma_free_all(&mm->mmap);
	ldt_free(mm);
	kfree(mm);
}
