/* module.h: loadable modules, as Linux's struct module: the list of loaded
 * modules, their states, their use counts (try_module_get/module_put) and
 * the dependencies between them, and the lookups that backtraces and
 * /proc/kallsyms make into their symbols. Loading and unloading are the
 * system calls init_module, finit_module and delete_module (main.c). */
#ifndef MODULE_MODULE_H
#define MODULE_MODULE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "bug.h"
#include "elf.h"
#include "initcall.h"
#include "list.h"
#include "module/export.h"
#include "module/moduleparam.h"

/* What a driver writes, as in Linux. Built as a module (-DMODULE,
 * tools/kbuild.mk), module_init names the loader's entry and the tags go
 * to .modinfo; built into the kernel, module_init is a device initcall
 * and the tags vanish. */
#define __MODULE_ID3(a, b) __mod_##a##b
#define __MODULE_ID2(a, b) __MODULE_ID3(a, b)

#define MODULE_LICENSE(l)      MODULE_INFO(license, l)
#define MODULE_AUTHOR(a)       MODULE_INFO(author, a)
#define MODULE_DESCRIPTION(d)  MODULE_INFO(description, d)
#define MODULE_VERSION(v)      MODULE_INFO(version, v)
#define MODULE_ALIAS(a)        MODULE_INFO(alias, a)

#ifdef MODULE
#define MODULE_INFO(tag, info) __MODULE_INFO(tag, __MODULE_ID2(tag, __COUNTER__), info)
extern struct module __this_module;
#define THIS_MODULE (&__this_module)
#define module_init(fn)                                                         \
	static inline int (*__inittest(void))(void) { return fn; }              \
	int init_module(void) __attribute__((alias(#fn)))
#define module_exit(fn)                                                         \
	static inline void (*__exittest(void))(void) { return fn; }             \
	void cleanup_module(void) __attribute__((alias(#fn)))
#else
#define MODULE_INFO(tag, info)
#define THIS_MODULE ((struct module *)0)
#define module_init(fn) device_initcall(fn)
#define module_exit(fn)                                                         \
	static inline void (*__exittest(void))(void) { return fn; }
#endif

#define MODULE_NAME_LEN 56
/* The string a module's .modinfo must carry (tools/kbuild.mk writes it);
 * LOCKDEP changes the locks' layout, so a module built the other way is
 * refused rather than loaded. */
#ifdef CONFIG_LOCKDEP
#define VERMAGIC_LOCKDEP " lockdep"
#else
#define VERMAGIC_LOCKDEP ""
#endif
#define VERMAGIC_STRING "freax-1 i686 SMP-no mod_unload" VERMAGIC_LOCKDEP

enum module_state {
	MODULE_STATE_LIVE,      /* init returned 0 */
	MODULE_STATE_COMING,    /* init is running */
	MODULE_STATE_GOING,     /* exit is running or init failed */
	MODULE_STATE_UNFORMED,  /* still being linked */
};

struct kobject;
struct proc;

struct module {
	enum module_state state;
	struct list_head list;
	char name[MODULE_NAME_LEN];
	void *core;                     /* every SHF_ALLOC section, in one block */
	uint32_t core_size;
	/* What /proc/modules says, as Linux 6.1 counts its core: the block plus
	 * the symbols kept for kallsyms (loader.c, keep_symbols). */
	uint32_t size;
	int (*init)(void);
	void (*exit)(void);
	int refcnt;                     /* try_module_get - module_put */
	struct list_head source_list;   /* module_use.source_list: modules using this one */
	struct list_head target_list;   /* module_use.target_list: modules this one uses */
	const struct kernel_symbol *syms;
	unsigned int num_syms;
	const struct kernel_param *kp;
	unsigned int num_kp;
	/* Its functions, for backtraces and /proc/kallsyms. */
	struct elf32_sym *symtab;
	unsigned int num_symtab;
	char *strtab;
	char *modinfo;                  /* a copy of .modinfo: NUL-separated tag=value */
	uint32_t modinfo_size;
	unsigned int taints;            /* 1 << TAINT_* */
	struct proc *loader;            /* the process running init, while COMING */
	struct kobject *mkobj, *params_kobj;  /* /sys/module/NAME and .../parameters */
	struct param_attribute *param_attrs;
	struct bug_entry *bug_table;    /* its BUG()/WARN() sites */
	unsigned int num_bugs;
	/* The FreeBSD face (DECLARE_MODULE): its event handler, if any. */
	const struct moduledata *moddata;
};

/* The BUG()/WARN() site of a module at eip, or NULL (bug.c asks). */
struct bug_entry *module_find_bug(uint32_t eip);
/* The module that holds addr in its image, or NULL. */
struct module *module_of_addr(uint32_t addr);
/* A module function's name, offset and size for addr: false if no module holds it. */
bool module_address_lookup(uint32_t addr, const char **name, uint32_t *offset, uint32_t *size,
			   const char **modname);
/* One more use (false if the module is going away); module_put drops it.
 * NULL is the kernel itself: always true. */
bool try_module_get(struct module *mod);
void __module_get(struct module *mod);
void module_put(struct module *mod);
/* The use count; 0 for the kernel (NULL). */
int module_refcount(const struct module *mod);

/* Searches the kernel's exports and the live modules': the symbol's value,
 * and its owner (NULL for the kernel), or NULL. */
const struct kernel_symbol *find_symbol(const char *name, struct module **owner);

/* The list of modules, for /proc/modules, /proc/kallsyms and sysfs. */
extern struct list_head modules;

/* The machine goes down: MOD_SHUTDOWN to every FreeBSD-style module. */
void freebsd_module_shutdown(void);

/* A process died in an oops while it ran a module's init: that module
 * leaves the list, so its name can be loaded again. */
void module_oops_cleanup(struct proc *p);

#endif
