/* vvar.c: the time page (vdso/vvar.h): one page in the kernel image that the
 * timer tick rewrites and every process maps read-only as [vvar] (vdso.c).
 * CLOCK_MONOTONIC advances one tick per tick from boot; inside a tick the
 * TSC interpolates, at a rate measured against the tick itself (first over
 * 16 ticks, then again every 1024, so a host that loses ticks under load
 * only slows the interpolation). monotonic_ns, the kernel's clock, reads the
 * page as the vDSO does, so the two agree. */
#include "kernel.h"
#include "x86/cpu.h"
#include "x86/timer.h"
#include "x86/x86.h"
#include "vdso/vdso.h"

#define CALIBRATE_FIRST 16
#define CALIBRATE_AGAIN 1024

/* All of it the page: the rest of the page is zero, never read. */
static union {
	struct vvar_data data;
	char page[PGSIZE];
} vvar __attribute__((aligned(PGSIZE))) = { .data = { .tick_ns = VVAR_NSEC_PER_SEC / HZ } };

struct vvar_data *const vvar_data = &vvar.data;

uint32_t vvar_page_pa(void)
{
	return V2P(vvar.page);
}

void vvar_set_epoch(int32_t epoch_sec)
{
	vvar.data.seq++;
	__asm__ volatile("" ::: "memory");
	vvar.data.epoch_sec = epoch_sec;
	__asm__ volatile("" ::: "memory");
	vvar.data.seq++;
}

/* Cycles per tick over the last stretch of ticks, as mult. */
static void calibrate(struct vvar_data *vv, uint64_t tsc)
{
	static uint64_t since;
	static uint32_t ticks;
	if (ticks == 0)
		since = tsc;
	if (++ticks <= (vv->mult ? CALIBRATE_AGAIN : CALIBRATE_FIRST))
		return;
	uint64_t cycles = (tsc - since) / (ticks - 1);
	ticks = 0;
	if (cycles == 0 || cycles > UINT32_MAX)
		return;
	vv->tick_cycles = (uint32_t)cycles;
	vv->mult = (uint32_t)(((uint64_t)vv->tick_ns << VVAR_SHIFT) / cycles);
}

void vvar_tick(void)
{
	struct vvar_data *vv = &vvar.data;
	uint64_t tsc = cpu_has_tsc ? vvar_rdtsc() : 0;
	vv->seq++;
	__asm__ volatile("" ::: "memory");
	vv->mono_nsec += vv->tick_ns;
	if (vv->mono_nsec >= VVAR_NSEC_PER_SEC) {
		vv->mono_nsec -= VVAR_NSEC_PER_SEC;
		vv->mono_sec++;
	}
	vv->tsc = tsc;
	if (cpu_has_tsc)
		calibrate(vv, tsc);
	__asm__ volatile("" ::: "memory");
	vv->seq++;
}

uint64_t monotonic_ns(void)
{
	int64_t sec;
	int32_t nsec, epoch;
	vvar_read(&vvar.data, &sec, &nsec, &epoch);
	return (uint64_t)sec * VVAR_NSEC_PER_SEC + (uint32_t)nsec;
}
