/* vdso.h: the vDSO (Linux's linux-gate.so.1): a small shared object built
 * with the kernel (kernel/vdso/image) that exec maps into every process, with
 * the time page below it; and the time page's kernel side (vvar.c). */
#ifndef VDSO_H
#define VDSO_H

#include <stdint.h>
#include "mm/vm.h"
#include "vdso/vvar.h"

struct vm_area;

/* The vDSO's entry points a kernel hands out. */
enum vdso_entry {
	VDSO_VSYSCALL,                  /* __kernel_vsyscall: AT_SYSINFO */
	VDSO_SIGRETURN,                 /* __kernel_sigreturn */
	VDSO_RT_SIGRETURN,              /* __kernel_rt_sigreturn */
};

/* Maps the time page and the vDSO into a new image whose program (and
 * interpreter) are loaded, mmap's area starting at mmap_base: 0 and the
 * vDSO's address in *base (0 if the kernel has none), or -ENOMEM. */
int vdso_map(pde_t *pgdir, struct vm_area **mmap, uint32_t mmap_base, uint32_t *base);
/* Where entry is in the address space with these regions; 0 if it has no vDSO. */
uint32_t vdso_entry(const struct vm_area *mmap, enum vdso_entry entry);
/* The region's name in /proc/PID/maps if it is the vDSO or the time page, else NULL. */
const char *vdso_region_name(const struct vm_area *v);

/* The time page: the timer tick advances it; the RTC sets the epoch. */
void vvar_tick(void);
void vvar_set_epoch(int32_t epoch_sec);
uint32_t vvar_page_pa(void);

#endif
