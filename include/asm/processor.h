/* asm/processor.h: Linux's <asm/processor.h>, the part modules use: cpu_relax. */
#ifndef _INCLUDE_ASM_PROCESSOR_H
#define _INCLUDE_ASM_PROCESSOR_H

#include <locking/barrier.h>

#endif
