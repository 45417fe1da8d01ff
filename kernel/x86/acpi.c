/* acpi.c: just enough ACPI to find the CPUs (ACPI 6.x spec, 5.2): the RSDP
 * in the first KiB of the EBDA or in 0xE0000-0xFFFFF on a 16-byte boundary,
 * its RSDT, and in it the MADT ("APIC"), whose type-0 entries are the
 * processors' local APICs. QEMU provides the tables (SeaBIOS builds them).
 * The tables must lie in RAM the kernel maps (QEMU puts them at its top). */
#include "kernel.h"
#include "mm/pmm.h"
#include "x86/acpi.h"

struct rsdp {
	char signature[8];              /* "RSD PTR " */
	uint8_t checksum;
	char oem[6];
	uint8_t revision;
	uint32_t rsdt;
} __attribute__((packed));

struct sdt_header {
	char signature[4];
	uint32_t length;
	uint8_t revision, checksum;
	char oem[6], oem_table[8];
	uint32_t oem_revision, creator, creator_revision;
} __attribute__((packed));

#define MADT_LAPIC_ADDR 36              /* after the header: local APIC address, flags */
#define MADT_ENTRIES    44
#define MADT_TYPE_LAPIC 0
#define MADT_LAPIC_ENABLED 1

static bool checksum_ok(const void *p, uint32_t len)
{
	uint8_t sum = 0;
	for (uint32_t i = 0; i < len; i++)
		sum += ((const uint8_t *)p)[i];
	return sum == 0;
}

static const struct rsdp *scan(uint32_t start, uint32_t len)
{
	for (uint32_t a = start; a + sizeof(struct rsdp) <= start + len; a += 16) {
		const struct rsdp *r = P2V(a);
		if (memcmp(r->signature, "RSD PTR ", 8) == 0 && checksum_ok(r, sizeof(*r)))
			return r;
	}
	return NULL;
}

/* A table at physical pa, if the kernel maps all of it and it is sound. */
static const struct sdt_header *table_at(uint32_t pa)
{
	uint32_t mapped = ROUNDUP(pmm_phys_top(), 0x400000);
	if (pa >= mapped || mapped - pa < sizeof(struct sdt_header))
		return NULL;
	const struct sdt_header *h = P2V(pa);
	if (h->length < sizeof(*h) || h->length > mapped - pa || !checksum_ok(h, h->length))
		return NULL;
	return h;
}

unsigned int acpi_madt_cpus(uint8_t *apic_ids, unsigned int max, uint32_t *lapic_pa)
{
	uint32_t ebda = (uint32_t)*(const uint16_t *)P2V(0x40e) << 4;
	const struct rsdp *r = ebda ? scan(ebda, 1024) : NULL;
	if (!r)
		r = scan(0xe0000, 0x20000);
	const struct sdt_header *rsdt = r ? table_at(r->rsdt) : NULL;
	if (!rsdt)
		return 0;
	const uint32_t *entry = (const uint32_t *)(rsdt + 1);
	unsigned int n = (rsdt->length - sizeof(*rsdt)) / 4;
	for (unsigned int i = 0; i < n; i++) {
		const struct sdt_header *t = table_at(entry[i]);
		if (!t || memcmp(t->signature, "APIC", 4) != 0 || t->length < MADT_ENTRIES)
			continue;
		const uint8_t *b = (const uint8_t *)t;
		*lapic_pa = *(const uint32_t *)(b + MADT_LAPIC_ADDR);
		unsigned int count = 0;
		for (uint32_t off = MADT_ENTRIES; off + 2 <= t->length && b[off + 1] >= 2; off += b[off + 1]) {
			/* type 0: ACPI processor id, APIC id, flags */
			if (b[off] == MADT_TYPE_LAPIC && b[off + 1] >= 8 &&
			    (*(const uint32_t *)(b + off + 4) & MADT_LAPIC_ENABLED) && count < max)
				apic_ids[count++] = b[off + 3];
		}
		return count;
	}
	return 0;
}
