/* cpu.h: CPU feature set-up. */
#ifndef CPU_H
#define CPU_H

#include <stdbool.h>
#include <stdint.h>

extern bool cpu_has_fxsr, cpu_has_tsc;
extern uint32_t cpu_hwcap;              /* CPUID leaf 1's EDX, Linux's ELF_HWCAP */
void cpu_init(void);

#endif
