/* vm.h: page tables. Every address space maps the kernel's direct map of
 * physical memory above KERNBASE; user pages live below it. */
#ifndef VM_H
#define VM_H

#include <stdint.h>
#include <stdbool.h>

typedef uint32_t pde_t;
typedef uint32_t pte_t;

#define PTE_P  0x001
#define PTE_W  0x002
#define PTE_U  0x004
#define PTE_PWT 0x008
#define PTE_PCD 0x010
#define PTE_PS 0x080
#define PTE_G  0x100
/* Software bit: the page is kept but mprotect(PROT_NONE) made it inaccessible;
 * the entry is then not present, so every access faults. */
#define PTE_NONE 0x200
/* Software bit: MAP_SHARED memory; fork shares the frame instead of copying it. */
#define PTE_SHARED 0x400
#define PTE_ADDR(e) ((e) & ~0xfffu)

#define USER_TOP 0xC0000000u

extern pde_t *kpgdir;
/* vm.mmap_min_addr: no mapping below it without CAP_SYS_RAWIO (mm.c). */
extern unsigned long mmap_min_addr;

void vm_init(void);
pde_t *pgdir_create(void);
void pgdir_free(pde_t *pgdir);
pte_t *vm_walk(pde_t *pgdir, uint32_t va, bool create);
int vm_alloc_range(pde_t *pgdir, uint32_t start, uint32_t end, uint32_t perm, bool caller_fills);
void vm_unmap_range(pde_t *pgdir, uint32_t start, uint32_t end);
uint32_t vm_pte_perm(uint32_t vm_flags, uint32_t pa);
void vm_protect_range(pde_t *pgdir, uint32_t start, uint32_t end, uint32_t vm_flags);
pde_t *vm_copy(pde_t *pgdir);
void vm_switch(pde_t *pgdir);
void *vm_map_mmio(uint32_t pa);
int vm_move_range(pde_t *pgdir, uint32_t from, uint32_t to, uint32_t len);
uint32_t vm_resident_pages(pde_t *pgdir, uint32_t start, uint32_t end);
void *vm_kaddr(pde_t *pgdir, uint32_t va);
/* Copy to or from another address space's mapped pages: 0 or -EFAULT. */
int vm_write(pde_t *pgdir, uint32_t va, const void *src, uint32_t n);
int vm_read(pde_t *pgdir, uint32_t va, void *dst, uint32_t n);

#endif
