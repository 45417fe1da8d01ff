/* access_vm.h: reading and writing another process's memory (mm/access_vm.c). */
#ifndef ACCESS_VM_H
#define ACCESS_VM_H

#include <stdint.h>

struct proc;

#define FOLL_WRITE 0x1
#define FOLL_FORCE 0x2          /* ptrace: write even where the region is read-only */

/* The bytes copied between buf and p's addr (fewer at the first page that
 * cannot be reached). */
uint32_t access_process_vm(struct proc *p, uint32_t addr, void *buf, uint32_t len, unsigned flags);

#endif
