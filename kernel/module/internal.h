/* internal.h: what the loader's files share: the image being loaded and the
 * steps that link it. */
#ifndef MODULE_INTERNAL_H
#define MODULE_INTERNAL_H

#include "module/module.h"

/* The largest image and the largest layout of its sections that the loader
 * takes: a bigger one is no module of this kernel (ENOEXEC). */
#define MODULE_MAX_SIZE   (16u << 20)
#define MODULE_MAX_ALIGN  4096u

#define MODULE_INIT_IGNORE_MODVERSIONS 1
#define MODULE_INIT_IGNORE_VERMAGIC    2

struct load_info {
	struct elf32_ehdr *hdr;         /* a kernel copy of the file */
	uint32_t len;
	struct elf32_shdr *sechdrs;
	const char *secstrings;
	unsigned int symindex, strindex;
	unsigned int modinfo_idx;
	const char *name;               /* modinfo's name= */
};

/* "source uses target": on target's source_list and source's target_list. */
struct module_use {
	struct list_head source_list, target_list;
	struct module *source, *target;
};

/* loader.c */
int elf_validity_check(struct load_info *info);
/* The value of tag in .modinfo (tag=value), or NULL. */
const char *get_modinfo(const char *modinfo, uint32_t size, const char *tag);
int layout_and_link(struct module *mod, struct load_info *info);
void free_module_image(struct module *mod);

/* params.c */
int parse_args(struct module *mod, char *args);
void module_param_free(struct module *mod);
int module_param_sysfs_setup(struct module *mod);
void module_param_sysfs_remove(struct module *mod);

/* main.c: a dependency of mod on the module that exports a symbol. */
int ref_module(struct module *mod, struct module *owner);

/* freebsd.c: DECLARE_MODULE's event handler as init, unload check and exit. */
int freebsd_module_load(struct module *mod);
int freebsd_module_unload(struct module *mod);

#endif
