/* asm/barrier.h: Linux's <asm/barrier.h>: mb/rmb/wmb, smp_mb/smp_rmb/smp_wmb, smp_store_release/smp_load_acquire. */
#ifndef _INCLUDE_ASM_BARRIER_H
#define _INCLUDE_ASM_BARRIER_H

#include <locking/barrier.h>

#endif
