/* loader.c: links a relocatable ELF object (a .ko) into the kernel, as
 * Linux's load_module: checks every header against the file's length,
 * lays the SHF_ALLOC sections out in one block, resolves undefined symbols
 * against the exports (__this_module is the module's own struct module),
 * applies the REL relocations gcc emits for i386 and keeps the symbols that
 * backtraces name. Any inconsistency is ENOEXEC; nothing is half-linked. */
#include "kernel.h"
#include "locking/lockdep.h"
#include "mm/kmalloc.h"
#include "module/internal.h"
#include "uapi/errno.h"

static bool in_file(const struct load_info *info, uint32_t off, uint32_t size)
{
	return off <= info->len && size <= info->len - off;
}

int elf_validity_check(struct load_info *info)
{
	struct elf32_ehdr *h = info->hdr;
	if (info->len < sizeof(*h) || memcmp(h->e_ident, ELF_MAGIC, 4) != 0 ||
	    h->e_ident[4] != ELFCLASS32 || h->e_ident[5] != ELFDATA2LSB ||
	    h->e_type != ET_REL || h->e_machine != EM_386 ||
	    h->e_shentsize != sizeof(struct elf32_shdr) || h->e_shnum == 0 ||
	    h->e_shstrndx >= h->e_shnum ||
	    !in_file(info, h->e_shoff, (uint32_t)h->e_shnum * sizeof(struct elf32_shdr)) ||
	    h->e_shoff % 4)
		return -ENOEXEC;
	info->sechdrs = (struct elf32_shdr *)((char *)h + h->e_shoff);
	const struct elf32_shdr *strsec = &info->sechdrs[h->e_shstrndx];
	if (strsec->sh_type == SHT_NOBITS || !in_file(info, strsec->sh_offset, strsec->sh_size) ||
	    strsec->sh_size == 0 || ((char *)h)[strsec->sh_offset + strsec->sh_size - 1] != '\0')
		return -ENOEXEC;
	info->secstrings = (char *)h + strsec->sh_offset;
	info->symindex = info->strindex = info->modinfo_idx = 0;
	for (unsigned i = 1; i < h->e_shnum; i++) {
		struct elf32_shdr *s = &info->sechdrs[i];
		if (s->sh_name >= strsec->sh_size)
			return -ENOEXEC;
		if (s->sh_type != SHT_NOBITS && !in_file(info, s->sh_offset, s->sh_size))
			return -ENOEXEC;
		if (s->sh_addralign > MODULE_MAX_ALIGN || (s->sh_addralign & (s->sh_addralign - 1)) ||
		    s->sh_size > MODULE_MAX_SIZE)
			return -ENOEXEC;
		switch (s->sh_type) {
		case SHT_SYMTAB:
			if (info->symindex || s->sh_link == 0 || s->sh_link >= h->e_shnum ||
			    info->sechdrs[s->sh_link].sh_type != SHT_STRTAB ||
			    s->sh_entsize != sizeof(struct elf32_sym) || s->sh_offset % 4)
				return -ENOEXEC;
			info->symindex = i;
			info->strindex = s->sh_link;
			break;
		case SHT_REL:
			if (s->sh_info == 0 || s->sh_info >= h->e_shnum ||
			    s->sh_entsize != sizeof(struct elf32_rel) || s->sh_offset % 4)
				return -ENOEXEC;
			break;
		case SHT_RELA:
			return -ENOEXEC;        /* i386 objects use REL only */
		}
		if (strcmp(info->secstrings + s->sh_name, ".modinfo") == 0)
			info->modinfo_idx = i;
	}
	if (!info->symindex)
		return -ENOEXEC;
	for (unsigned i = 1; i < h->e_shnum; i++)
		if (info->sechdrs[i].sh_type == SHT_REL && info->sechdrs[i].sh_link != info->symindex)
			return -ENOEXEC;
	const struct elf32_shdr *str = &info->sechdrs[info->strindex];
	if (str->sh_size == 0 || ((char *)h)[str->sh_offset + str->sh_size - 1] != '\0')
		return -ENOEXEC;
	return 0;
}

const char *get_modinfo(const char *modinfo, uint32_t size, const char *tag)
{
	size_t tlen = strlen(tag);
	for (uint32_t off = 0; off < size; off += strnlen(modinfo + off, size - off) + 1) {
		const char *p = modinfo + off;
		if (strncmp(p, tag, tlen) == 0 && p[tlen] == '=')
			return p + tlen + 1;
	}
	return NULL;
}

static bool is_core_section(const struct load_info *info, unsigned i)
{
	return (info->sechdrs[i].sh_flags & SHF_ALLOC) && i != info->modinfo_idx;
}

static struct elf32_sym *symbols(const struct load_info *info, unsigned *n)
{
	const struct elf32_shdr *s = &info->sechdrs[info->symindex];
	*n = s->sh_size / sizeof(struct elf32_sym);
	return (struct elf32_sym *)((char *)info->hdr + s->sh_offset);
}

static const char *strtab(const struct load_info *info)
{
	return (char *)info->hdr + info->sechdrs[info->strindex].sh_offset;
}

/* Gives every kept section its address in one block, then copies them in.
 * tools/gdb/freax.gdb repeats this layout to find the sections for GDB. */
static int layout_sections(struct module *mod, struct load_info *info)
{
	uint32_t size = 0, align = 16;
	for (unsigned i = 1; i < info->hdr->e_shnum; i++) {
		struct elf32_shdr *s = &info->sechdrs[i];
		if (!is_core_section(info, i))
			continue;
		uint32_t a = s->sh_addralign ? s->sh_addralign : 1;
		size = ROUNDUP(size, a);
		s->sh_addr = size;              /* an offset until the block exists */
		size += s->sh_size;
		align = MAX(align, a);
		if (size > MODULE_MAX_SIZE)
			return -ENOEXEC;
	}
	mod->core_size = ROUNDUP(MAX(size, 1u), align);
	mod->core = kzalloc(mod->core_size);
	if (!mod->core)
		return -ENOMEM;
	for (unsigned i = 1; i < info->hdr->e_shnum; i++) {
		struct elf32_shdr *s = &info->sechdrs[i];
		if (!is_core_section(info, i))
			continue;
		s->sh_addr += (uint32_t)mod->core;
		if (s->sh_type != SHT_NOBITS)
			memcpy((void *)s->sh_addr, (char *)info->hdr + s->sh_offset, s->sh_size);
	}
	return 0;
}

/* Turns every symbol's value into its address; the undefined ones come
 * from the exports, each owner becoming a dependency. */
static int simplify_symbols(struct module *mod, struct load_info *info)
{
	unsigned n;
	struct elf32_sym *sym = symbols(info, &n);
	const char *names = strtab(info);
	uint32_t names_size = info->sechdrs[info->strindex].sh_size;
	int err = 0;
	for (unsigned i = 1; i < n; i++) {
		if (sym[i].st_name >= names_size)
			return -ENOEXEC;
		const char *name = names + sym[i].st_name;
		switch (sym[i].st_shndx) {
		case SHN_COMMON:
			pr_warn("%s: please compile with -fno-common\n", mod->name);
			return -ENOEXEC;
		case SHN_ABS:
			break;
		case SHN_UNDEF: {
			if (strcmp(name, "__this_module") == 0) {
				sym[i].st_value = (uint32_t)mod;
				break;
			}
			struct module *owner;
			const struct kernel_symbol *ks = find_symbol(name, &owner);
			bool gpl_ok = !(mod->taints & (1u << TAINT_PROPRIETARY_MODULE));
			if (ks && (!ks->gpl_only || gpl_ok)) {
				int r = ref_module(mod, owner);
				if (r)
					return r;
				sym[i].st_value = ks->value;
			} else if (ELF32_ST_BIND(sym[i].st_info) == STB_WEAK) {
				sym[i].st_value = 0;
			} else {
				pr_warn("%s: Unknown symbol %s (err %d)\n", mod->name, name, -ENOENT);
				err = -ENOENT;
			}
			break;
		}
		default:
			if (sym[i].st_shndx >= info->hdr->e_shnum)
				return -ENOEXEC;
			if (is_core_section(info, sym[i].st_shndx)) {
				const struct elf32_shdr *s = &info->sechdrs[sym[i].st_shndx];
				if (sym[i].st_value > s->sh_size)
					return -ENOEXEC;
				sym[i].st_value += s->sh_addr;
			}
		}
	}
	return err;
}

static int apply_relocate(struct module *mod, struct load_info *info, unsigned relsec)
{
	const struct elf32_shdr *rs = &info->sechdrs[relsec];
	const struct elf32_shdr *target = &info->sechdrs[rs->sh_info];
	const struct elf32_rel *rel = (const void *)((char *)info->hdr + rs->sh_offset);
	unsigned nsyms;
	const struct elf32_sym *sym = symbols(info, &nsyms);
	for (uint32_t i = 0; i < rs->sh_size / sizeof(*rel); i++) {
		unsigned si = ELF32_R_SYM(rel[i].r_info);
		if (target->sh_size < 4 || rel[i].r_offset > target->sh_size - 4 || si >= nsyms) {
			pr_err("%s: relocation %u of section %u out of range\n", mod->name, i, rs->sh_info);
			return -ENOEXEC;
		}
		uint32_t *loc = (uint32_t *)(target->sh_addr + rel[i].r_offset);
		uint32_t v = sym[si].st_value;
		switch (ELF32_R_TYPE(rel[i].r_info)) {
		case R_386_NONE:
			break;
		case R_386_32:
			*loc += v;
			break;
		case R_386_PC32:
		case R_386_PLT32:
			*loc += v - (uint32_t)loc;
			break;
		default:
			pr_err("%s: Unknown relocation: %u\n", mod->name, ELF32_R_TYPE(rel[i].r_info));
			return -ENOEXEC;
		}
	}
	return 0;
}

/* The section called name among the kept ones: its address and size. */
static void *section_objs(const struct load_info *info, const char *name, size_t objsize,
			  unsigned int *num)
{
	for (unsigned i = 1; i < info->hdr->e_shnum; i++) {
		const struct elf32_shdr *s = &info->sechdrs[i];
		if (is_core_section(info, i) && strcmp(info->secstrings + s->sh_name, name) == 0) {
			*num = s->sh_size / objsize;
			return (void *)s->sh_addr;
		}
	}
	*num = 0;
	return NULL;
}

static uint32_t defined_function(const struct load_info *info, const char *name)
{
	unsigned n;
	const struct elf32_sym *sym = symbols(info, &n);
	for (unsigned i = 1; i < n; i++)
		if (ELF32_ST_BIND(sym[i].st_info) != STB_LOCAL && sym[i].st_shndx != SHN_UNDEF &&
		    is_core_section(info, sym[i].st_shndx) && strcmp(strtab(info) + sym[i].st_name, name) == 0)
			return sym[i].st_value;
	return 0;
}

/* Keeps the functions and objects (with their names) for kallsyms. */
static bool is_core_symbol(const struct load_info *info, const struct elf32_sym *sym)
{
	return (ELF32_ST_TYPE(sym->st_info) == STT_FUNC || ELF32_ST_TYPE(sym->st_info) == STT_OBJECT) &&
	       sym->st_shndx < info->hdr->e_shnum && is_core_section(info, sym->st_shndx);
}

/* Linux 6.1's layout_symtab (without STRICT_MODULE_RWX, which rounds each
 * part to a page): after the end of the last section, 4-aligned, the core
 * symbols' Elf32_Sym entries (and entry 0's), their names with NULs, and one
 * type byte each. */
static uint32_t linux_core_size(const struct module *mod, const struct load_info *info)
{
	unsigned n;
	const struct elf32_sym *sym = symbols(info, &n);
	uint32_t end = 0, ndst = 1, strtab_size = 1;
	for (unsigned i = 1; i < info->hdr->e_shnum; i++)
		if (is_core_section(info, i))
			end = MAX(end, info->sechdrs[i].sh_addr + info->sechdrs[i].sh_size - (uint32_t)mod->core);
	for (unsigned i = 1; i < n; i++)
		if (is_core_symbol(info, &sym[i])) {
			ndst++;
			strtab_size += (uint32_t)strlen(strtab(info) + sym[i].st_name) + 1;
		}
	return ROUNDUP(end, 4u) + ndst * (uint32_t)sizeof(*sym) + strtab_size + ndst;
}

static int keep_symbols(struct module *mod, const struct load_info *info)
{
	unsigned n, kept = 0;
	const struct elf32_sym *sym = symbols(info, &n);
	const struct elf32_shdr *str = &info->sechdrs[info->strindex];
	for (unsigned i = 1; i < n; i++)
		if (is_core_symbol(info, &sym[i]))
			kept++;
	mod->symtab = kmalloc(MAX(kept, 1u) * sizeof(*sym));
	mod->strtab = kmalloc(str->sh_size);
	if (!mod->symtab || !mod->strtab)
		return -ENOMEM;
	memcpy(mod->strtab, strtab(info), str->sh_size);
	for (unsigned i = 1; i < n; i++)
		if (is_core_symbol(info, &sym[i]))
			mod->symtab[mod->num_symtab++] = sym[i];
	mod->size = linux_core_size(mod, info);
	return 0;
}

int layout_and_link(struct module *mod, struct load_info *info)
{
	int err = layout_sections(mod, info);
	if (!err)
		err = simplify_symbols(mod, info);
	for (unsigned i = 1; !err && i < info->hdr->e_shnum; i++)
		if (info->sechdrs[i].sh_type == SHT_REL && is_core_section(info, info->sechdrs[i].sh_info))
			err = apply_relocate(mod, info, i);
	if (!err)
		err = keep_symbols(mod, info);
	if (err)
		return err;
	mod->syms = section_objs(info, "__ksymtab", sizeof(struct kernel_symbol), &mod->num_syms);
	mod->kp = section_objs(info, "__param", sizeof(struct kernel_param), &mod->num_kp);
	mod->bug_table = section_objs(info, "__bug_table", sizeof(struct bug_entry), &mod->num_bugs);
	unsigned one;
	const struct moduledata **md = section_objs(info, "modevent", sizeof(void *), &one);
	mod->moddata = one ? *md : NULL;
	mod->init = (int (*)(void))defined_function(info, "init_module");
	mod->exit = (void (*)(void))defined_function(info, "cleanup_module");
	return 0;
}

void free_module_image(struct module *mod)
{
	lockdep_free_key_range(mod->core, mod->core_size);
	kfree(mod->core);
	kfree(mod->symtab);
	kfree(mod->strtab);
	kfree(mod->modinfo);
	mod->core = mod->symtab = NULL;
	mod->strtab = mod->modinfo = NULL;
}
