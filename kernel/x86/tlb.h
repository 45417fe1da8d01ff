/* tlb.h: TLB flushes that reach every CPU holding an address space. */
#ifndef X86_TLB_H
#define X86_TLB_H

#include <stdint.h>

/* After a page-table change in pgdir that removes or narrows a mapping: every
 * other CPU that has pgdir loaded flushes its TLB before this returns (this
 * CPU flushes its own entries, as before: invlpg or a CR3 reload). */
void flush_tlb_others(uint32_t *pgdir);
/* The same for one page, this CPU's entry included if pgdir is loaded here. */
void flush_tlb_page(uint32_t *pgdir, uint32_t va);
/* The T_IPI_TLB handler. */
void tlb_ipi(void);

#endif
