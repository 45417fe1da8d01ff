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
#define NSEGS 9

#define KCODE_SEL (SEG_KCODE << 3)
#define KDATA_SEL (SEG_KDATA << 3)
#define UCODE_SEL ((SEG_UCODE << 3) | 3)
#define UDATA_SEL ((SEG_UDATA << 3) | 3)
#define TSS_SEL   (SEG_TSS << 3)

struct segdesc {
	uint16_t limit_lo;
	uint16_t base_lo;
	uint8_t base_mid;
	uint8_t access;
	uint8_t flags_limit_hi;
	uint8_t base_hi;
} __attribute__((packed));

void gdt_init(void);
void tss_set_kstack(uint32_t esp0);
void gdt_load_tls(const struct segdesc tls[GDT_ENTRY_TLS_ENTRIES]);

#endif
