/* fault.h: resolving a page fault in a process's regions (mm/fault.c). */
#ifndef FAULT_H
#define FAULT_H

#include <stdbool.h>
#include <stdint.h>

struct proc;

/* Out of memory: the process has been sent SIGKILL. */
#define FAULT_OOM (-1)
/* A file mapping's page past the end of the file: SIGBUS, BUS_ADRERR. */
#define FAULT_SIGBUS (-2)

/* 0 when the page is now there; SEGV_MAPERR or SEGV_ACCERR for an access
 * the regions do not allow; FAULT_OOM; FAULT_SIGBUS. */
int handle_mm_fault(struct proc *p, uint32_t addr, bool write);

#endif
