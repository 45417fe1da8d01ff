/* cpu.c: CPU features the kernel turns on at boot: the FPU and SSE for user
 * programs (glibc uses SSE2), with state saved per process by fxsave; and
 * the feature bits exec passes on as AT_HWCAP. */
#include "kernel.h"
#include "x86/x86.h"
#include "x86/cpu.h"

bool cpu_has_fxsr, cpu_has_tsc;
uint32_t cpu_hwcap;

void cpu_init(void)
{
	uint32_t a = 1, b, c, d;
	__asm__ volatile("cpuid" : "+a"(a), "=b"(b), "=c"(c), "=d"(d));
	cpu_has_fxsr = d & CPUID_EDX_FXSR;
	cpu_has_tsc = d & CPUID_EDX_TSC;
	cpu_hwcap = d;
	uint32_t cr0 = rcr0();
	cr0 &= ~CR0_EM;
	cr0 |= CR0_MP | CR0_NE;             /* native FPU error reporting */
	lcr0(cr0);
	if (cpu_has_fxsr && (d & CPUID_EDX_SSE))
		lcr4(rcr4() | CR4_OSFXSR | CR4_OSXMMEXCPT);
	__asm__ volatile("fninit");
}
