/* smpboot.c: SMP bring-up. The CPUs come from ACPI's MADT (x86/acpi.c);
 * with one CPU listed nothing here runs and the machine stays as a uniprocessor
 * one (no local APIC programmed, the PIT and the 8259 as before). Otherwise the
 * boot CPU enables its local APIC (the 8259 stays in virtual-wire mode on its
 * LINT0: all device IRQs go to CPU 0, no I/O APIC), measures the APIC timer
 * against the PIT and makes it its clock instead, copies the real-mode trampoline (x86/trampoline.asm) below
 * 1 MiB and starts each AP in turn with INIT-SIPI-SIPI, waiting for it to say
 * it is up. Each AP loads its own GDT, TSS and %fs (x86/gdt.c), the shared
 * IDT and the kernel page directory, enables its APIC with a periodic timer at
 * HZ, and becomes the idle process of its CPU (sched.c). */
#include "kernel.h"
#include "locking/kernel_lock.h"
#include "mm/kmalloc.h"
#include "mm/vm.h"
#include "proc.h"
#include "smp.h"
#include "x86/acpi.h"
#include "x86/apic.h"
#include "x86/cpu.h"
#include "x86/gdt.h"
#include "x86/percpu.h"
#include "x86/smpboot.h"
#include "x86/timer.h"
#include "x86/trap.h"
#include "x86/x86.h"

#define TRAMPOLINE_PA 0x70000u          /* as in trampoline.asm */
#define AP_START_TIMEOUT_MS 1000

extern char trampoline_start[], trampoline_end[], trampoline_params[];
extern pde_t boot_pgdir[];
extern pde_t *kpgdir;
void idt_load(void);

static volatile bool stopping;

static void percpu_setup(unsigned int id)
{
	struct cpu *c = &cpus[id];
	c->self = c;
	c->id = id;
	gdt_init(id);
	sched_init_cpu(id);
}

void smp_prepare_boot_cpu(void)
{
	percpu_setup(0);
	lock_kernel();                      /* kmain runs as CPU 0's idle process, holding it */
}

_Noreturn void ap_main(unsigned int id);
_Noreturn void ap_main(unsigned int id)
{
	lcr4(rcr4() | CR4_PGE);
	percpu_setup(id);
	idt_load();
	cpu_init();
	vm_switch(kpgdir);
	lapic_init(false);
	lapic_timer_start();
	cpus[id].started = true;
	__atomic_or_fetch(&cpu_online_mask, 1u << id, __ATOMIC_SEQ_CST);
	cpu_idle();
}

static bool start_ap(unsigned int id)
{
	char *stack = kmalloc(KSTACK_SIZE);
	if (!stack)
		return false;
	uint32_t *params = P2V(TRAMPOLINE_PA + (uint32_t)(trampoline_params - trampoline_start));
	params[0] = V2P(boot_pgdir);
	params[1] = V2P(kpgdir);
	params[2] = (uint32_t)stack + KSTACK_SIZE;
	params[3] = id;
	lapic_start_ap(cpus[id].apic_id, TRAMPOLINE_PA);
	uint32_t start = jiffies;
	while (!cpus[id].started && jiffies - start < AP_START_TIMEOUT_MS * HZ / 1000)
		__asm__ volatile("pause");
	return cpus[id].started;
}

static uint8_t found_ids[NR_CPUS];

void smp_detect(void)
{
	uint32_t lapic_pa = 0;
	unsigned int n = acpi_madt_cpus(found_ids, NR_CPUS, &lapic_pa);
	if (n <= 1)
		return;
	lapic_map(lapic_pa);
	unsigned int self = lapic_id(), next = 1;
	cpus[0].apic_id = self;
	for (unsigned int i = 0; i < n; i++)
		if (found_ids[i] != self)
			cpus[next++].apic_id = found_ids[i];
	nr_cpu_ids = next;
}

void smp_init(void)
{
	if (nr_cpu_ids <= 1)
		return;
	lapic_init(true);
	lapic_calibrate();
	/* CPU 0's APIC timer becomes the clock: the PIT's ticks came through
	 * the 8259 and LINT0, which lost them under multi-threaded TCG when
	 * every CPU was halted (docs/smp.md). */
	uint32_t f = irq_save();
	irq_mask(IRQ_TIMER);
	lapic_timer_start();
	irq_restore(f);
	memcpy(P2V(TRAMPOLINE_PA), trampoline_start, (size_t)(trampoline_end - trampoline_start));
	for (unsigned int id = 1; id < nr_cpu_ids; id++)
		if (!start_ap(id))
			pr_err("smp: CPU %u (APIC id %u) did not start\n", id, cpus[id].apic_id);
	pr_info("smp: %u CPUs online\n", num_online_cpus());
}

void smp_send_reschedule(unsigned int cpu)
{
	if (cpu != smp_processor_id() && cpu_online(cpu))
		lapic_send_ipi(cpus[cpu].apic_id, T_IPI_RESCHED);
}

void smp_send_stop(void)
{
	if (!lapic_enabled || num_online_cpus() == 1)
		return;
	stopping = true;
	lapic_nmi_others();
}

bool smp_stop_requested(void)
{
	return stopping;
}
