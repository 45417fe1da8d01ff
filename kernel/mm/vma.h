/* vma.h: an address space's regions (Linux's vm_area_struct): a sorted,
 * singly linked list of [start, end) ranges with their protection. The page
 * tables hold only the pages touched so far; a fault inside a region fills
 * the page in (mm/fault.c), a fault outside one is SIGSEGV. A region that
 * maps a file holds a reference to it and says which page of the file its
 * first page is; its vm_ops->fault (set by the file's f_op->mmap) finds the
 * frame for a page. */
#ifndef VMA_H
#define VMA_H

#include <stdbool.h>
#include <stdint.h>
#include "mm/vm.h"

#define VM_READ      0x01
#define VM_WRITE     0x02
#define VM_EXEC      0x04
#define VM_SHARED    0x08
#define VM_GROWSDOWN 0x100
#define VM_NORESERVE 0x200      /* not counted against the memory there is */
#define VM_LOCKED    0x400      /* mlock: its pages are all present and stay */
/* Kernel pages every process maps (vdso/vdso.c): the vDSO and its time page. */
#define VM_VDSO      0x8000
#define VM_VVAR      0x10000
#define VM_PROT      (VM_READ | VM_WRITE | VM_EXEC)

struct file;
struct vm_area;

/* What a fault asks of a file mapping: the frame of file page pgoff. */
struct vm_fault {
	uint32_t pgoff;
	uint32_t pa;            /* out: the frame, with a reference for the caller */
};

#define VM_FAULT_OOM    1
#define VM_FAULT_SIGBUS 2

struct vm_operations_struct {
	/* 0 with vmf->pa set, or VM_FAULT_SIGBUS (past the end), VM_FAULT_OOM. */
	int (*fault)(struct vm_area *vma, struct vm_fault *vmf);
	/* Optional: a region with these ops came into being (mapped, split off,
	 * copied by fork) or went (unmapped, merged away, freed at exit or exec),
	 * as Linux's: SysV shared memory counts its attachments with them. */
	void (*open)(struct vm_area *vma);
	void (*close)(struct vm_area *vma);
};

struct vm_area {
	uint32_t start, end;    /* page aligned, start < end */
	uint32_t flags;
	struct file *vm_file;   /* NULL: anonymous memory */
	uint32_t vm_pgoff;      /* the file page at start */
	const struct vm_operations_struct *vm_ops;
	struct vm_area *next;   /* the next region up */
};

/* The first region that ends above addr (it may start above it too), or NULL. */
struct vm_area *vma_find(struct vm_area *list, uint32_t addr);
bool vma_range_free(struct vm_area *list, uint32_t start, uint32_t end);
/* A new anonymous region over a free range; merged with equal neighbours. */
int vma_insert(struct vm_area **list, uint32_t start, uint32_t end, uint32_t flags);
/* The same for a region like tmpl (start, end, flags, file, pgoff, ops); the
 * copy takes its own reference to the file. */
int vma_insert_region(struct vm_area **list, const struct vm_area *tmpl);
/* A template for [start, end) of what v maps, its file pages continuing v's
 * (start may lie outside v: mremap). */
struct vm_area vma_slice(const struct vm_area *v, uint32_t start, uint32_t end);
/* Removes [start, end) from the regions (splitting those it cuts) and frees
 * its pages: munmap. */
int vma_unmap(pde_t *pgdir, struct vm_area **list, uint32_t start, uint32_t end);
/* Whether regions cover every byte of [start, end). */
bool vma_covers(struct vm_area *list, uint32_t start, uint32_t end);
/* mprotect, mlock: the flags in clear go, those in set come, over
 * [start, end), which must all be mapped (else -ENOMEM, as Linux). */
int vma_set_flags(pde_t *pgdir, struct vm_area **list, uint32_t start, uint32_t end, uint32_t clear,
		  uint32_t set);
/* Linux's do_mmap for a file the kernel holds (shmat): the mmap2 checks
 * and mapping, the address or -errno. */
long do_mmap(struct file *file, uint32_t addr, uint32_t len, int prot, int flags, uint32_t pgoff);
/* fork: a copy of the list; NULL with *ok false if memory ran out. */
struct vm_area *vma_dup(const struct vm_area *list, bool *ok);
void vma_free_all(struct vm_area **list);
/* Bytes in the regions that have all these flags (0: all regions), for
 * VmSize, VmLck and the like. */
uint32_t vma_total(const struct vm_area *list, uint32_t flags);

#endif
