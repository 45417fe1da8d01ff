/* fault.h: resolving a page fault in a process's regions (mm/fault.c). */
#ifndef FAULT_H
#define FAULT_H

#include <stdbool.h>
#include <stdint.h>
#include "mm/vm.h"

struct proc;
struct vm_area;

/* Out of memory: the process has been sent SIGKILL. */
#define FAULT_OOM (-1)
/* A file mapping's page past the end of the file: SIGBUS, BUS_ADRERR. */
#define FAULT_SIGBUS (-2)

/* 0 when the page is now there; SEGV_MAPERR or SEGV_ACCERR for an access
 * the regions do not allow; FAULT_OOM; FAULT_SIGBUS. */
int handle_mm_fault(struct proc *p, uint32_t addr, bool write);

/* The absent page at va of file region v, in the page-table entry pte: the
 * cache's frame, or for a private write its own copy. 0, VM_FAULT_SIGBUS or
 * VM_FAULT_OOM (mm/vma.h). */
int vma_fault_page(struct vm_area *v, uint32_t va, bool write, pte_t *pte);

#endif
