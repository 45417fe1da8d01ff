/* tlb.c: TLB shootdown. A CPU keeps translations of the address space its
 * CR3 holds (struct cpu's loaded_pgdir, set by vm_switch), so a change that
 * removes or write-protects a mapping (munmap, mprotect, mremap,
 * copy-on-write, fork's write-protect, truncate) must reach every CPU that has
 * that page directory loaded: the initiator marks each one's
 * tlb_flush_pending, sends it T_IPI_TLB, and waits until each has reloaded
 * its CR3 and cleared the mark. A CPU leaving an address space reloads CR3
 * anyway, so it needs nothing; one that loads it after the change (its
 * exchange on loaded_pgdir and the initiator's barrier order the two) sees
 * the new entries.
 *
 * The wait cannot deadlock against a CPU spinning on a lock with interrupts
 * off: every spin loop (raw_lock, spinlock_t, this wait) calls
 * smp_spin_poll(), which does a pending flush. The handler takes no lock,
 * not even the big kernel lock. Whole-TLB flushes only: a shootdown is rare
 * enough that counting pages would not pay (global kernel pages survive). */
#include "kernel.h"
#include "smp.h"
#include "x86/apic.h"
#include "x86/percpu.h"
#include "x86/tlb.h"
#include "x86/x86.h"

void smp_spin_poll(void)
{
	struct cpu *c = this_cpu();
	if (__atomic_load_n(&c->tlb_flush_pending, __ATOMIC_ACQUIRE)) {
		lcr3(rcr3());
		__atomic_store_n(&c->tlb_flush_pending, 0, __ATOMIC_RELEASE);
	}
	__asm__ volatile("pause" ::: "memory");
}

void tlb_ipi(void)
{
	lapic_eoi();
	smp_spin_poll();
}

void flush_tlb_others(uint32_t *pgdir)
{
	unsigned int self = smp_processor_id();
	cpumask_t others = cpu_online_mask & ~(1u << self);
	if (!others)
		return;
	__atomic_thread_fence(__ATOMIC_SEQ_CST);        /* the page-table change before the test */
	cpumask_t targets = 0;
	for (unsigned int i = 0; i < nr_cpu_ids; i++) {
		if (!(others & (1u << i)) || __atomic_load_n(&cpus[i].loaded_pgdir, __ATOMIC_SEQ_CST) != pgdir)
			continue;
		__atomic_store_n(&cpus[i].tlb_flush_pending, 1, __ATOMIC_SEQ_CST);
		lapic_send_ipi(cpus[i].apic_id, T_IPI_TLB);
		targets |= 1u << i;
	}
	for (unsigned int i = 0; i < nr_cpu_ids; i++)
		if (targets & (1u << i))
			while (__atomic_load_n(&cpus[i].tlb_flush_pending, __ATOMIC_ACQUIRE))
				smp_spin_poll();
}

void flush_tlb_page(uint32_t *pgdir, uint32_t va)
{
	if (this_cpu()->loaded_pgdir == pgdir)
		invlpg(va);
	flush_tlb_others(pgdir);
}
