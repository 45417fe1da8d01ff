/* gdt.h: segment selectors, the TSS and the per-process TLS descriptors. */
#ifndef GDT_H
#define GDT_H

#include <stdint.h>

#define SEG_KCODE 1
#define SEG_KDATA 2
#define SEG_UCODE 3
#define SEG_UDATA 4
#define SEG_TSS   5
/* Linux i386 puts the three TLS slots at GDT entries 6..8 and glibc asks for
 * "any free slot" and then loads what it got: we give the same numbers. */
#define GDT_ENTRY_TLS_MIN 6
#define GDT_ENTRY_TLS_ENTRIES 3
/* Each CPU's struct cpu (x86/percpu.h), held in %fs while in the kernel. */
#define SEG_PERCPU 9
#define SEG_LDT 10                      /* the current process's LDT (x86/ldt.h) */
#define NSEGS 11

#define KCODE_SEL (SEG_KCODE << 3)
#define KDATA_SEL (SEG_KDATA << 3)
#define UCODE_SEL ((SEG_UCODE << 3) | 3)
#define UDATA_SEL ((SEG_UDATA << 3) | 3)
#define TSS_SEL   (SEG_TSS << 3)
#define PERCPU_SEL (SEG_PERCPU << 3)
#define LDT_SEL   (SEG_LDT << 3)
/* A selector's table-indicator bit: the LDT, not the GDT. */
#define SEL_LDT   0x4

struct segdesc {
	uint16_t limit_lo;
	uint16_t base_lo;
	uint8_t base_mid;
	uint8_t access;
	uint8_t flags_limit_hi;
	uint8_t base_hi;
} __attribute__((packed));

/* The access byte (Intel SDM vol. 3, 3.4.5), Linux's desc_defs.h names. */
#define DESC_DATA_WRITABLE     0x02
#define DESC_CODE_READABLE     0x02
#define DESC_DATA_EXPAND_DOWN  0x04
#define DESC_CODE_EXECUTABLE   0x08
#define DESC_S                 0x10     /* a code or data segment, not a system one */
#define DESC_DPL(dpl)          ((dpl) << 5)
#define DESC_PRESENT           0x80
#define DESC_TSS_32            0x09     /* system type: an available 32-bit TSS */
#define DESC_LDT               0x02     /* system type: a local descriptor table */
#define DESC_ACCESSED          0x01
/* The flags nibble above the limit's top bits. */
#define DESC_AVL               0x1      /* free for software: user_desc's "useable" */
#define DESC_DB                0x4      /* 32-bit operands and stack */
#define DESC_GRANULARITY_4K    0x8      /* the limit counts pages */

/* A descriptor for base and a 20-bit limit with the given access byte and flags. */
struct segdesc make_segdesc(uint32_t base, uint32_t limit, uint8_t access, uint8_t flags);
/* Loads CPU cpu's own GDT, TSS and %fs (each CPU has its own: the TSS is
 * busy while loaded, and TLS slots and esp0 follow what each CPU runs). */
void gdt_init(unsigned int cpu);
void tss_set_kstack(uint32_t esp0);
void gdt_load_tls(const struct segdesc tls[GDT_ENTRY_TLS_ENTRIES]);
/* Points the LDTR at n descriptors from ldt (n 0: none); nothing to do if it
 * already does. */
void gdt_load_ldt(const struct segdesc *ldt, unsigned int n);

#endif
