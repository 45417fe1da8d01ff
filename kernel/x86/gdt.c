/* gdt.c: the global descriptor tables (flat kernel and user segments), the task
 * state segments that give a CPU the kernel stack on a trap from ring 3, and the
 * TLS slots that each process fills with set_thread_area. One GDT and TSS per
 * CPU: each CPU's TLS slots and esp0 are those of the process it runs, and its
 * SEG_PERCPU descriptor points at its struct cpu (x86/percpu.h); its SEG_LDT
 * slot holds the LDT of the process it runs (modify_ldt). */
#include "kernel.h"
#include "x86/gdt.h"
#include "x86/percpu.h"
#include "smp.h"

struct tss {
	uint32_t link, esp0, ss0, esp1, ss1, esp2, ss2, cr3, eip, eflags;
	uint32_t eax, ecx, edx, ebx, esp, ebp, esi, edi;
	uint32_t es, cs, ss, ds, fs, gs, ldt;
	uint16_t trap, iomap_base;
} __attribute__((packed));

static struct segdesc gdt_table[NR_CPUS][NSEGS];
static struct tss tss[NR_CPUS];

struct segdesc make_segdesc(uint32_t base, uint32_t limit, uint8_t access, uint8_t flags)
{
	return (struct segdesc){
		.limit_lo = limit & 0xffff,
		.base_lo = base & 0xffff,
		.base_mid = (base >> 16) & 0xff,
		.access = access,
		.flags_limit_hi = (flags << 4) | ((limit >> 16) & 0xf),
		.base_hi = base >> 24,
	};
}

void gdt_init(unsigned int cpu)
{
	struct segdesc *gdt = gdt_table[cpu];
	struct tss *t = &tss[cpu];
	const uint8_t code = DESC_PRESENT | DESC_S | DESC_CODE_EXECUTABLE | DESC_CODE_READABLE;
	const uint8_t data = DESC_PRESENT | DESC_S | DESC_DATA_WRITABLE;
	const uint8_t flat = DESC_GRANULARITY_4K | DESC_DB;     /* 0 to 4 GiB, 32-bit */
	gdt[SEG_KCODE] = make_segdesc(0, 0xfffff, code | DESC_DPL(0), flat);
	gdt[SEG_KDATA] = make_segdesc(0, 0xfffff, data | DESC_DPL(0), flat);
	gdt[SEG_UCODE] = make_segdesc(0, 0xfffff, code | DESC_DPL(3), flat);
	gdt[SEG_UDATA] = make_segdesc(0, 0xfffff, data | DESC_DPL(3), flat);
	gdt[SEG_TSS] = make_segdesc((uint32_t)t, sizeof(*t) - 1, DESC_PRESENT | DESC_TSS_32, 0);
	gdt[SEG_PERCPU] = make_segdesc((uint32_t)&cpus[cpu], sizeof(struct cpu) - 1, data | DESC_DPL(0), DESC_DB);
	t->ss0 = KDATA_SEL;
	t->iomap_base = sizeof(*t);         /* no I/O bitmap: ring 3 gets no ports */

	struct { uint16_t limit; uint32_t base; } __attribute__((packed)) gdtr = { NSEGS * sizeof(*gdt) - 1, (uint32_t)gdt };
	__asm__ volatile(
		"lgdt %0\n"
		"ljmp %1, $1f\n"
		"1: mov %2, %%ax\n"
		"mov %%ax, %%ds\n mov %%ax, %%es\n mov %%ax, %%ss\n"
		"mov %4, %%ax\n mov %%ax, %%fs\n"
		"xor %%ax, %%ax\n mov %%ax, %%gs\n"
		"ltr %w3\n"
		: : "m"(gdtr), "i"(KCODE_SEL), "i"(KDATA_SEL), "r"(TSS_SEL), "i"(PERCPU_SEL) : "eax", "memory");
}

void tss_set_kstack(uint32_t esp0)
{
	tss[smp_processor_id()].esp0 = esp0;
}

void gdt_load_tls(const struct segdesc tls[GDT_ENTRY_TLS_ENTRIES])
{
	struct segdesc *g = gdt_table[smp_processor_id()];
	for (int i = 0; i < GDT_ENTRY_TLS_ENTRIES; i++)
		g[GDT_ENTRY_TLS_MIN + i] = tls[i];
}

void gdt_load_ldt(const struct segdesc *ldt, unsigned int n)
{
	static const struct segdesc *loaded[NR_CPUS];
	static unsigned int loaded_n[NR_CPUS];
	unsigned int cpu = smp_processor_id();
	if (ldt == loaded[cpu] && n == loaded_n[cpu])
		return;
	loaded[cpu] = ldt, loaded_n[cpu] = n;
	if (!n) {
		__asm__ volatile("lldt %w0" : : "r"(0));
		return;
	}
	gdt_table[cpu][SEG_LDT] = make_segdesc((uint32_t)ldt, n * sizeof(*ldt) - 1, DESC_PRESENT | DESC_LDT, 0);
	__asm__ volatile("lldt %w0" : : "r"(LDT_SEL) : "memory");
}
