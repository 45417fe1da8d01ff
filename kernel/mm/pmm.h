/* pmm.h: the physical page allocator. Addresses are physical; P2V maps them. */
#ifndef PMM_H
#define PMM_H

#include <stdint.h>
#include <stddef.h>

struct multiboot_info;

void pmm_init(const struct multiboot_info *mbi, uint32_t reserved_end);
uint32_t pmm_alloc(void);
uint32_t pmm_alloc_contig(size_t npages);
void pmm_free(uint32_t pa);
void pmm_ref(uint32_t pa);
unsigned pmm_refcount(uint32_t pa);
void pmm_free_contig(uint32_t pa, size_t npages);
size_t pmm_free_pages(void);
size_t pmm_total_pages(void);
uint32_t pmm_phys_top(void);

#endif
