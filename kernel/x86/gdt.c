/* gdt.c: the global descriptor table (flat kernel and user segments), the task
 * state segment that gives the CPU the kernel stack on a trap from ring 3, and the
 * TLS slots that each process fills with set_thread_area. */
#include "kernel.h"
#include "x86/gdt.h"

struct tss {
	uint32_t link, esp0, ss0, esp1, ss1, esp2, ss2, cr3, eip, eflags;
	uint32_t eax, ecx, edx, ebx, esp, ebp, esi, edi;
	uint32_t es, cs, ss, ds, fs, gs, ldt;
	uint16_t trap, iomap_base;
} __attribute__((packed));

static struct segdesc gdt[NSEGS];
static struct tss tss;

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

void gdt_init(void)
{
	const uint8_t code = DESC_PRESENT | DESC_S | DESC_CODE_EXECUTABLE | DESC_CODE_READABLE;
	const uint8_t data = DESC_PRESENT | DESC_S | DESC_DATA_WRITABLE;
	const uint8_t flat = DESC_GRANULARITY_4K | DESC_DB;     /* 0 to 4 GiB, 32-bit */
	gdt[SEG_KCODE] = make_segdesc(0, 0xfffff, code | DESC_DPL(0), flat);
	gdt[SEG_KDATA] = make_segdesc(0, 0xfffff, data | DESC_DPL(0), flat);
	gdt[SEG_UCODE] = make_segdesc(0, 0xfffff, code | DESC_DPL(3), flat);
	gdt[SEG_UDATA] = make_segdesc(0, 0xfffff, data | DESC_DPL(3), flat);
	gdt[SEG_TSS] = make_segdesc((uint32_t)&tss, sizeof(tss) - 1, DESC_PRESENT | DESC_TSS_32, 0);
	tss.ss0 = KDATA_SEL;
	tss.iomap_base = sizeof(tss);       /* no I/O bitmap: ring 3 gets no ports */

	struct { uint16_t limit; uint32_t base; } __attribute__((packed)) gdtr = { sizeof(gdt) - 1, (uint32_t)gdt };
	__asm__ volatile(
		"lgdt %0\n"
		"ljmp %1, $1f\n"
		"1: mov %2, %%ax\n"
		"mov %%ax, %%ds\n mov %%ax, %%es\n mov %%ax, %%ss\n"
		"xor %%ax, %%ax\n mov %%ax, %%fs\n mov %%ax, %%gs\n"
		"ltr %w3\n"
		: : "m"(gdtr), "i"(KCODE_SEL), "i"(KDATA_SEL), "r"(TSS_SEL) : "eax", "memory");
}

void tss_set_kstack(uint32_t esp0)
{
	tss.esp0 = esp0;
}

void gdt_load_tls(const struct segdesc tls[GDT_ENTRY_TLS_ENTRIES])
{
	for (int i = 0; i < GDT_ENTRY_TLS_ENTRIES; i++)
		gdt[GDT_ENTRY_TLS_MIN + i] = tls[i];
}
