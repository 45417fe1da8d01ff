/* vvar.h: the time page ([vvar]) the kernel rewrites on every timer tick and
 * every process maps read-only below its vDSO. The kernel's own clocks and
 * the vDSO's clock_gettime compute the time from it with the same function,
 * vvar_read, so a time read without a system call and one read with it agree
 * and neither ever goes back: inside a tick the TSC interpolates, capped at
 * the tick's length so that the next tick's base is never below it. Included
 * by the kernel and by the vDSO (kernel/vdso/image), so it uses nothing else. */
#ifndef VDSO_VVAR_H
#define VDSO_VVAR_H

#include <stdint.h>

#define VVAR_NSEC_PER_SEC 1000000000
#define VVAR_SHIFT 24                   /* ns = cycles * mult >> VVAR_SHIFT */

struct vvar_data {
	volatile uint32_t seq;          /* odd while the tick rewrites the page */
	uint32_t mult;                  /* 0 until calibrated, or without a TSC: tick resolution */
	uint32_t tick_cycles;           /* TSC cycles in one tick: the most interpolated */
	uint32_t tick_ns;               /* one tick in ns: what the interpolation stays below */
	uint64_t tsc;                   /* the TSC at the last tick */
	int64_t mono_sec;               /* CLOCK_MONOTONIC at the last tick */
	int32_t mono_nsec;
	int32_t epoch_sec;              /* CLOCK_REALTIME - CLOCK_MONOTONIC, whole seconds */
};

static inline uint64_t vvar_rdtsc(void)
{
	uint32_t lo, hi;
	__asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
	return ((uint64_t)hi << 32) | lo;
}

/* CLOCK_MONOTONIC now, and the epoch to add for CLOCK_REALTIME. */
static inline void vvar_read(const struct vvar_data *vv, int64_t *sec, int32_t *nsec, int32_t *epoch)
{
	uint32_t seq;
	do {
		seq = vv->seq;
		__asm__ volatile("" ::: "memory");
		*sec = vv->mono_sec;
		*nsec = vv->mono_nsec;
		*epoch = vv->epoch_sec;
		if (vv->mult) {
			uint64_t d = vvar_rdtsc() - vv->tsc;
			uint32_t c = d > vv->tick_cycles ? vv->tick_cycles : (uint32_t)d;
			uint32_t ns = (uint32_t)(((uint64_t)c * vv->mult) >> VVAR_SHIFT);
			*nsec += ns < vv->tick_ns ? ns : vv->tick_ns - 1;
		}
		__asm__ volatile("" ::: "memory");
	} while ((seq & 1) || seq != vv->seq);
	if (*nsec >= VVAR_NSEC_PER_SEC) {
		*nsec -= VVAR_NSEC_PER_SEC;
		++*sec;
	}
}

#endif
