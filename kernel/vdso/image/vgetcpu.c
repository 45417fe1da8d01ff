/* vgetcpu.c: __vdso_getcpu, which Linux's 32-bit vDSO has since after 6.1:
 * here the kernel's getcpu through int $0x80. Linux answers with no system
 * call, reading the CPU number from the limit of a per-CPU GDT entry (lsl of
 * GDT_ENTRY_CPUNODE); with per-CPU GDTs (the SMP work's) this can do the same. */
#include "vdso/image/vsyscall.h"
#include "uapi/syscall_nr.h"

long __vdso_getcpu(unsigned int *cpu, unsigned int *node, void *unused)
{
	return vdso_syscall3(__NR_getcpu, (long)cpu, (long)node, (long)unused);
}
