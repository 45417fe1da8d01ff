/* cpu.h: CPU feature set-up. */
#ifndef CPU_H
#define CPU_H

#include <stdbool.h>

extern bool cpu_has_fxsr;
void cpu_init(void);

#endif
