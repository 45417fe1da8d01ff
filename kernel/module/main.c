/* main.c: the module list and the system calls that change it, with
 * Linux's semantics (man 2 init_module, delete_module): root only
 * (CAP_SYS_MODULE), one module per name (EEXIST, or EBUSY while it is
 * still initialising), a module in use cannot go (EWOULDBLOCK), a module
 * whose init fails is unlinked and freed and its error returned. */
#include "kernel.h"
#include "err.h"
#include "fs/fdtable.h"
#include "fs/file.h"
#include "mm/kmalloc.h"
#include "module/bsd_module.h"
#include "module/internal.h"
#include "proc.h"
#include "syscall.h"
#include "uapi/errno.h"
#include "uapi/fcntl.h"
#include "uapi/stat.h"

struct list_head modules = LIST_HEAD_INIT(modules);

extern const struct kernel_symbol __start___ksymtab[], __stop___ksymtab[];

static bool capable_sys_module(void)
{
	return current->euid == 0;
}

static struct module *find_module(const char *name)
{
	struct module *mod;
	list_for_each_entry(mod, &modules, list)
		if (strcmp(mod->name, name) == 0)
			return mod;
	return NULL;
}

const struct kernel_symbol *find_symbol(const char *name, struct module **owner)
{
	*owner = NULL;
	for (const struct kernel_symbol *ks = __start___ksymtab; ks < __stop___ksymtab; ks++)
		if (strcmp(ks->name, name) == 0)
			return ks;
	struct module *mod;
	list_for_each_entry(mod, &modules, list) {
		if (mod->state == MODULE_STATE_UNFORMED)
			continue;
		for (unsigned i = 0; i < mod->num_syms; i++)
			if (strcmp(mod->syms[i].name, name) == 0) {
				*owner = mod;
				return &mod->syms[i];
			}
	}
	return NULL;
}

bool try_module_get(struct module *mod)
{
	if (!mod)
		return true;
	if (mod->state == MODULE_STATE_GOING || mod->state == MODULE_STATE_UNFORMED)
		return false;
	mod->refcnt++;
	return true;
}

void __module_get(struct module *mod)
{
	if (mod)
		mod->refcnt++;
}

void module_put(struct module *mod)
{
	if (mod) {
		WARN_ON(mod->refcnt <= 0);
		mod->refcnt--;
	}
}

int module_refcount(const struct module *mod)
{
	return mod ? mod->refcnt : 0;
}

int ref_module(struct module *a, struct module *b)
{
	if (!b)
		return 0;
	struct module_use *use;
	list_for_each_entry(use, &b->source_list, source_list)
		if (use->source == a)
			return 0;
	if (b->state == MODULE_STATE_COMING)
		return -EBUSY;
	if (!try_module_get(b))
		return -ENOENT;
	use = kmalloc(sizeof(*use));
	if (!use) {
		module_put(b);
		return -ENOMEM;
	}
	use->source = a;
	use->target = b;
	list_add(&use->source_list, &b->source_list);
	list_add(&use->target_list, &a->target_list);
	return 0;
}

static void module_unload_free(struct module *mod)
{
	struct module_use *use, *tmp;
	list_for_each_entry_safe(use, tmp, &mod->target_list, target_list) {
		list_del(&use->source_list);
		list_del(&use->target_list);
		module_put(use->target);
		kfree(use);
	}
}

static void free_module(struct module *mod)
{
	module_param_sysfs_remove(mod);
	module_unload_free(mod);
	module_param_free(mod);
	list_del(&mod->list);
	free_module_image(mod);
	kfree(mod);
}

static bool license_is_gpl_compatible(const char *license)
{
	static const char *const gpl[] = { "GPL", "GPL v2", "GPL and additional rights",
					   "Dual BSD/GPL", "Dual MIT/GPL", "Dual MPL/GPL",
					   BSD_MODULE_LICENSE };
	for (unsigned i = 0; i < ARRAY_SIZE(gpl); i++)
		if (strcmp(license, gpl[i]) == 0)
			return true;
	return false;
}

/* .modinfo: the module's name, the vermagic check and the taints. */
static int check_modinfo(struct module *mod, struct load_info *info, int flags)
{
	const struct elf32_shdr *s = &info->sechdrs[info->modinfo_idx];
	if (!info->modinfo_idx || s->sh_type == SHT_NOBITS || s->sh_size == 0)
		return -ENOEXEC;
	mod->modinfo = kmalloc(s->sh_size + 1);
	if (!mod->modinfo)
		return -ENOMEM;
	memcpy(mod->modinfo, (char *)info->hdr + s->sh_offset, s->sh_size);
	mod->modinfo[s->sh_size] = '\0';
	mod->modinfo_size = s->sh_size + 1;
	const char *name = get_modinfo(mod->modinfo, mod->modinfo_size, "name");
	if (!name || !*name || strlen(name) >= MODULE_NAME_LEN)
		return -ENOEXEC;
	strlcpy(mod->name, name, sizeof(mod->name));
	const char *magic = get_modinfo(mod->modinfo, mod->modinfo_size, "vermagic");
	if (!(flags & MODULE_INIT_IGNORE_VERMAGIC)) {
		if (!magic) {
			pr_err("%s: no version magic, tainting kernel.\n", mod->name);
			return -ENOEXEC;
		}
		if (strcmp(magic, VERMAGIC_STRING) != 0) {
			pr_err("%s: version magic '%s' should be '%s'\n", mod->name, magic, VERMAGIC_STRING);
			return -ENOEXEC;
		}
	}
	const char *license = get_modinfo(mod->modinfo, mod->modinfo_size, "license");
	if (!license || !license_is_gpl_compatible(license)) {
		if (!test_taint(TAINT_PROPRIETARY_MODULE))
			pr_warn("%s: module license '%s' taints kernel.\n", mod->name,
				license ? license : "unspecified");
		mod->taints |= 1u << TAINT_PROPRIETARY_MODULE;
	}
	const char *intree = get_modinfo(mod->modinfo, mod->modinfo_size, "intree");
	if (!intree || strcmp(intree, "Y") != 0) {
		if (!test_taint(TAINT_OOT_MODULE))
			pr_warn("%s: loading out-of-tree module taints kernel.\n", mod->name);
		mod->taints |= 1u << TAINT_OOT_MODULE;
	}
	return 0;
}

/* Not inlined: GDB's module-symbol loader (tools/gdb/freax.gdb) breaks here,
 * when the module's image is in place and its init has not run yet. */
static __attribute__((noinline)) int do_init_module(struct module *mod)
{
	mod->state = MODULE_STATE_COMING;
	mod->loader = current;
	int ret = mod->moddata ? freebsd_module_load(mod) : mod->init ? mod->init() : 0;
	mod->loader = NULL;
	if (ret < 0) {
		mod->state = MODULE_STATE_GOING;
		free_module(mod);
		return ret;
	}
	if (ret > 0)
		pr_warn("%s: 'init' suspiciously returned %d, it should follow 0/-E convention\n",
			mod->name, ret);
	mod->state = MODULE_STATE_LIVE;
	return 0;
}

/* As Linux's verify_exported_symbols: a module may not export a name the
 * kernel or a loaded module already exports. mod itself is still unformed,
 * so find_symbol does not see its own table. */
static int verify_exported_symbols(struct module *mod)
{
	for (unsigned i = 0; i < mod->num_syms; i++) {
		struct module *owner;
		if (find_symbol(mod->syms[i].name, &owner)) {
			pr_err("%s: exports duplicate symbol %s (owned by %s)\n", mod->name,
			       mod->syms[i].name, owner ? owner->name : "kernel");
			return -ENOEXEC;
		}
	}
	return 0;
}

/* Takes over info->hdr (a kmalloc'ed copy of the file) and args. */
static int load_module(struct load_info *info, char *args, int flags)
{
	int err = elf_validity_check(info);
	struct module *mod = err ? NULL : kzalloc(sizeof(*mod));
	if (!err && !mod)
		err = -ENOMEM;
	if (mod) {
		list_init(&mod->source_list);
		list_init(&mod->target_list);
		list_init(&mod->list);
		mod->state = MODULE_STATE_UNFORMED;
		err = check_modinfo(mod, info, flags);
	}
	if (!err) {
		struct module *old = find_module(mod->name);
		if (old)
			err = old->state == MODULE_STATE_LIVE ? -EEXIST : -EBUSY;
	}
	if (!err) {
		list_add(&mod->list, &modules);
		err = layout_and_link(mod, info);
		if (!err)
			err = verify_exported_symbols(mod);
		if (!err)
			err = parse_args(mod, args);
		if (!err)
			err = module_param_sysfs_setup(mod);
		if (err)
			free_module(mod);
	} else if (mod) {
		free_module_image(mod);
		kfree(mod);
	}
	kfree(info->hdr);
	kfree(args);
	for (unsigned i = 0; !err && i < 32; i++)
		if (mod->taints & (1u << i))
			add_taint(i);
	return err ? err : do_init_module(mod);
}

static char *copy_args(const char __user *uargs)
{
	char *args = kmalloc(PGSIZE);
	if (!args)
		return ERR_PTR(-ENOMEM);
	long n = strncpy_from_user(args, uargs, PGSIZE);
	if (n < 0) {
		kfree(args);
		return ERR_PTR(n == -ENAMETOOLONG ? -E2BIG : n);
	}
	return args;
}

SYSCALL_DEFINE3(init_module, void __user *, umod, unsigned long, len, const char __user *, uargs)
{
	if (!capable_sys_module())
		return -EPERM;
	if (len < sizeof(struct elf32_ehdr))
		return -ENOEXEC;
	if (len > MODULE_MAX_SIZE)
		return -EFBIG;
	struct load_info info = { .hdr = kmalloc(len), .len = len };
	if (!info.hdr)
		return -ENOMEM;
	if (copy_from_user(info.hdr, umod, len)) {
		kfree(info.hdr);
		return -EFAULT;
	}
	char *args = copy_args(uargs);
	if (IS_ERR(args)) {
		kfree(info.hdr);
		return PTR_ERR(args);
	}
	return load_module(&info, args, 0);
}

SYSCALL_DEFINE3(finit_module, int, fd, const char __user *, uargs, int, flags)
{
	if (!capable_sys_module())
		return -EPERM;
	if (flags & ~(MODULE_INIT_IGNORE_MODVERSIONS | MODULE_INIT_IGNORE_VERMAGIC))
		return -EINVAL;
	struct file *f = fget(fd);
	if (!f)
		return -EBADF;
	long err = 0;
	struct load_info info = { 0 };
	if (!file_readable(f))
		err = -EBADF;
	else if (!f->f_inode || !S_ISREG(f->f_inode->i_mode))
		err = -EINVAL;
	else if (f->f_inode->i_size > MODULE_MAX_SIZE)
		err = -EFBIG;
	else if (f->f_inode->i_size < (loff_t)sizeof(struct elf32_ehdr))
		err = -ENOEXEC;
	if (!err) {
		info.len = (uint32_t)f->f_inode->i_size;
		info.hdr = kmalloc(info.len);
		if (!info.hdr)
			err = -ENOMEM;
	}
	for (uint32_t done = 0; !err && done < info.len;) {
		ssize_t n = kernel_read(f, (char *)info.hdr + done, info.len - done, done);
		if (n <= 0)
			err = n ? n : -ENOEXEC;
		done += n > 0 ? (uint32_t)n : 0;
	}
	fput(f);
	char *args = err ? NULL : copy_args(uargs);
	if (!err && IS_ERR(args))
		err = PTR_ERR(args);
	if (err) {
		kfree(info.hdr);
		return err;
	}
	return load_module(&info, args, flags);
}

SYSCALL_DEFINE2(delete_module, const char __user *, name_user, unsigned int, flags)
{
	char name[MODULE_NAME_LEN];
	if (!capable_sys_module())
		return -EPERM;
	if (strncpy_from_user(name, name_user, MODULE_NAME_LEN) < 0) {
		long n = strncpy_from_user(name, name_user, 1);
		if (n < 0 && n != -ENAMETOOLONG)
			return -EFAULT;
		return -ENOENT;
	}
	struct module *mod = find_module(name);
	if (!mod)
		return -ENOENT;
	if (!list_empty(&mod->source_list))
		return -EWOULDBLOCK;
	if (mod->state != MODULE_STATE_LIVE)
		return -EBUSY;
	bool forced = false;
	if (mod->init && !mod->exit && !mod->moddata) {
		if (!(flags & O_TRUNC))
			return -EBUSY;
		forced = true;
	}
	if (module_refcount(mod) != 0) {
		if (!(flags & O_TRUNC))
			return -EWOULDBLOCK;
		forced = true;
	}
	if (mod->moddata) {
		int err = freebsd_module_unload(mod);
		if (err && !forced)
			return err;
	}
	if (forced)
		add_taint(TAINT_FORCED_RMMOD);
	mod->state = MODULE_STATE_GOING;
	if (mod->exit && !mod->moddata)
		mod->exit();
	free_module(mod);
	return 0;
}

struct bug_entry *module_find_bug(uint32_t eip)
{
	struct module *mod = module_of_addr(eip);
	for (unsigned i = 0; mod && i < mod->num_bugs; i++)
		if (mod->bug_table[i].addr == eip)
			return &mod->bug_table[i];
	return NULL;
}

struct module *module_of_addr(uint32_t addr)
{
	struct module *mod;
	list_for_each_entry(mod, &modules, list)
		if (addr >= (uint32_t)mod->core && addr - (uint32_t)mod->core < mod->core_size)
			return mod;
	return NULL;
}

bool module_address_lookup(uint32_t addr, const char **name, uint32_t *offset, uint32_t *size,
			   const char **modname)
{
	struct module *mod = module_of_addr(addr);
	if (!mod)
		return false;
	const struct elf32_sym *best = NULL;
	for (unsigned i = 0; i < mod->num_symtab; i++) {
		const struct elf32_sym *s = &mod->symtab[i];
		if (ELF32_ST_TYPE(s->st_info) == STT_FUNC && s->st_value <= addr &&
		    (!best || s->st_value > best->st_value))
			best = s;
	}
	if (!best)
		return false;
	*name = mod->strtab + best->st_name;
	*offset = addr - best->st_value;
	*size = best->st_size ? best->st_size : *offset + 1;
	*modname = mod->name;
	return true;
}

void module_oops_cleanup(struct proc *p)
{
	struct module *mod, *tmp;
	list_for_each_entry_safe(mod, tmp, &modules, list) {
		if (mod->state != MODULE_STATE_COMING || mod->loader != p)
			continue;
		/* Its code may still be reachable from whatever init registered
		 * before the fault: the image stays, the name and the uses go. */
		pr_err("%s: init died in an oops; the module is unlinked\n", mod->name);
		module_param_sysfs_remove(mod);
		module_unload_free(mod);
		list_del(&mod->list);
	}
}
