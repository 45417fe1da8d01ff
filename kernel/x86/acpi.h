/* acpi.h: the CPUs the firmware lists in ACPI's MADT. */
#ifndef X86_ACPI_H
#define X86_ACPI_H

#include <stdint.h>

/* Fills apic_ids with the enabled processors' local APIC ids (at most max)
 * and *lapic_pa with the local APIC's address; the count, 0 without a MADT. */
unsigned int acpi_madt_cpus(uint8_t *apic_ids, unsigned int max, uint32_t *lapic_pa);

#endif
