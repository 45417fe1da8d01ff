/* kallsyms.h: the kernel's own symbol and line tables (built by
 * tools/kallsyms.py and linked into the image), so reports name functions
 * and source lines without a host tool. */
#ifndef KALLSYMS_H
#define KALLSYMS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

extern char _stext[], _etext[];

static inline bool is_kernel_text(uint32_t addr)
{
	return addr >= (uint32_t)_stext && addr < (uint32_t)_etext;
}

/* The function holding addr: its name, addr's offset in it and its size. */
bool kallsyms_lookup(uint32_t addr, const char **name, uint32_t *offset, uint32_t *size);
/* The source line of the instruction at addr. */
bool kallsyms_line(uint32_t addr, const char **file, unsigned *line);
/* The address of a function by name, 0 if there is none. */
uint32_t kallsyms_lookup_name(const char *name);
/* The i-th function of the kernel's table, by address: false past the end. */
bool kallsyms_symbol(uint32_t i, uint32_t *addr, const char **name);
/* "name+0xoff/0xsize file:line" for addr, or its hex value. For a return
 * address, the line is that of the call (addr - 1), as Linux's %pB. */
int sprint_symbol(char *buf, size_t size, uint32_t addr, bool return_address);
/* The same without the line: "name+0xoff/0xsize", or for a module's
 * function "name+0xoff/0xsize [module]". */
int sprint_symbol_name(char *buf, size_t size, uint32_t addr, bool return_address);

#endif
