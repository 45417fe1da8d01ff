/* kallsyms.c: looks addresses up in the symbol and line tables that the
 * second link places in section .kallsyms (format: tools/kallsyms.py). Both
 * tables are sorted by address: a lookup is a binary search for the last
 * entry at or below the address. */
#include "kernel.h"
#include "kallsyms.h"
#include "module/module.h"

#define KSYM_MAGIC 0x4d59534bu
#define NO_FILE    0xffff

struct ksym_header {
	uint32_t magic, nsyms, nlines, nfiles;
	uint32_t off_syms, off_lines, off_files, off_strings;
};
struct ksym { uint32_t addr, size, name; };
struct kline { uint32_t addr; uint16_t file, line; };

extern const char __kallsyms_start[], __kallsyms_end[];

static const struct ksym_header *header(void)
{
	const struct ksym_header *h = (const void *)__kallsyms_start;
	if ((size_t)(__kallsyms_end - __kallsyms_start) < sizeof(*h) || h->magic != KSYM_MAGIC)
		return NULL;                    /* the first link has no tables */
	return h;
}

static const char *string_at(const struct ksym_header *h, uint32_t off)
{
	return __kallsyms_start + h->off_strings + off;
}

/* The index of the last of n sorted addresses (stride bytes apart) <= addr, or -1. */
static int last_at_or_below(const char *base, size_t stride, uint32_t n, uint32_t addr)
{
	int lo = 0, hi = (int)n - 1, found = -1;
	while (lo <= hi) {
		int mid = (lo + hi) / 2;
		if (*(const uint32_t *)(base + (size_t)mid * stride) <= addr) {
			found = mid;
			lo = mid + 1;
		} else {
			hi = mid - 1;
		}
	}
	return found;
}

bool kallsyms_lookup(uint32_t addr, const char **name, uint32_t *offset, uint32_t *size)
{
	const struct ksym_header *h = header();
	if (!h)
		return false;
	const struct ksym *syms = (const void *)(__kallsyms_start + h->off_syms);
	int i = last_at_or_below((const char *)syms, sizeof(*syms), h->nsyms, addr);
	if (i < 0 || addr - syms[i].addr >= syms[i].size)
		return false;
	*name = string_at(h, syms[i].name);
	*offset = addr - syms[i].addr;
	*size = syms[i].size;
	return true;
}

bool kallsyms_line(uint32_t addr, const char **file, unsigned *line)
{
	const struct ksym_header *h = header();
	if (!h)
		return false;
	const struct kline *lines = (const void *)(__kallsyms_start + h->off_lines);
	int i = last_at_or_below((const char *)lines, sizeof(*lines), h->nlines, addr);
	if (i < 0 || lines[i].file == NO_FILE || lines[i].file >= h->nfiles)
		return false;
	const uint32_t *files = (const void *)(__kallsyms_start + h->off_files);
	*file = string_at(h, files[lines[i].file]);
	*line = lines[i].line;
	return true;
}

uint32_t kallsyms_lookup_name(const char *name)
{
	const struct ksym_header *h = header();
	if (!h)
		return 0;
	const struct ksym *syms = (const void *)(__kallsyms_start + h->off_syms);
	for (uint32_t i = 0; i < h->nsyms; i++)
		if (strcmp(string_at(h, syms[i].name), name) == 0)
			return syms[i].addr;
	return 0;
}

bool kallsyms_symbol(uint32_t i, uint32_t *addr, const char **name)
{
	const struct ksym_header *h = header();
	if (!h || i >= h->nsyms)
		return false;
	const struct ksym *syms = (const void *)(__kallsyms_start + h->off_syms);
	*addr = syms[i].addr;
	*name = string_at(h, syms[i].name);
	return true;
}

int sprint_symbol_name(char *buf, size_t size, uint32_t addr, bool return_address)
{
	const char *name;
	uint32_t off, len;
	uint32_t where = return_address ? addr - 1 : addr;
	const char *modname;
	if (module_address_lookup(where, &name, &off, &len, &modname))
		return snprintf(buf, size, "%s+0x%x/0x%x [%s]", name, addr - (where - off), len, modname);
	if (!kallsyms_lookup(where, &name, &off, &len))
		return snprintf(buf, size, "0x%08x", addr);
	return snprintf(buf, size, "%s+0x%x/0x%x", name, addr - (where - off), len);
}

int sprint_symbol(char *buf, size_t size, uint32_t addr, bool return_address)
{
	const char *file;
	unsigned line;
	int n = sprint_symbol_name(buf, size, addr, return_address);
	if (kallsyms_line(return_address ? addr - 1 : addr, &file, &line) && (size_t)n < size)
		n += snprintf(buf + n, size - n, " %s:%u", file, line);
	return n;
}
