/* procfs.c: /proc/modules ("name size refcount deps state address
 * taints", Linux's format, which lsmod reads) and /proc/kallsyms (the
 * kernel's functions, then every module's, "addr t name\t[module]");
 * addresses read as zeros for all but root, as kptr_restrict=1. */
#include "kernel.h"
#include "fs/procfs.h"
#include "fs/seq_file.h"
#include "initcall.h"
#include "kallsyms.h"
#include "mm/kmalloc.h"
#include "module/internal.h"
#include "proc.h"
#include "uapi/errno.h"

static const char *state_name(enum module_state s)
{
	return s == MODULE_STATE_GOING ? "Unloading" : s == MODULE_STATE_COMING ? "Loading" : "Live";
}

static void *m_start(struct seq_file *m, loff_t *pos)
{
	(void)m;
	loff_t i = 0;
	struct module *mod;
	list_for_each_entry(mod, &modules, list)
		if (mod->state != MODULE_STATE_UNFORMED && i++ == *pos)
			return mod;
	return NULL;
}

static void *m_next(struct seq_file *m, void *v, loff_t *pos)
{
	(void)v;
	++*pos;
	return m_start(m, pos);
}

/* The kallsyms iterator's start is its next, one position on. */
static void *s_start(struct seq_file *m, loff_t *pos);
static void *s_next(struct seq_file *m, void *v, loff_t *pos)
{
	(void)v;
	++*pos;
	return s_start(m, pos);
}

static void m_stop(struct seq_file *m, void *v)
{
	(void)m, (void)v;
}

static int m_show(struct seq_file *m, void *v)
{
	struct module *mod = v;
	seq_printf(m, "%s %u %d ", mod->name, mod->size, module_refcount(mod));
	struct module_use *use;
	bool any = false;
	list_for_each_entry(use, &mod->source_list, source_list) {
		seq_printf(m, "%s,", use->source->name);
		any = true;
	}
	seq_printf(m, "%s %s 0x%08x", any ? "" : "-", state_name(mod->state),
		   current->euid == 0 ? (uint32_t)mod->core : 0);
	if (mod->taints) {
		seq_puts(m, " (");
		if (mod->taints & (1u << TAINT_PROPRIETARY_MODULE))
			seq_putc(m, 'P');
		if (mod->taints & (1u << TAINT_OOT_MODULE))
			seq_putc(m, 'O');
		seq_putc(m, ')');
	}
	seq_putc(m, '\n');
	return 0;
}

static const struct seq_operations modules_op = { m_start, m_stop, m_next, m_show };

/* Positions: the kernel's functions first, then each module's symbols. */
struct ksym_iter {
	uint32_t addr;
	const char *name, *modname;
	char type;
};

static uint32_t kernel_nsyms(void)
{
	uint32_t lo = 0, hi = 1u << 20, a;
	const char *n;
	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;
		if (kallsyms_symbol(mid, &a, &n))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static void *s_start(struct seq_file *m, loff_t *pos)
{
	struct ksym_iter *it = m->private;
	if (kallsyms_symbol((uint32_t)*pos, &it->addr, &it->name)) {
		it->modname = NULL;
		it->type = 'T';
		return it;
	}
	loff_t i = *pos - kernel_nsyms();
	struct module *mod;
	list_for_each_entry(mod, &modules, list) {
		if (mod->state == MODULE_STATE_UNFORMED)
			continue;
		if (i < mod->num_symtab) {
			const struct elf32_sym *s = &mod->symtab[i];
			bool global = ELF32_ST_BIND(s->st_info) != STB_LOCAL;
			char t = ELF32_ST_TYPE(s->st_info) == STT_FUNC ? 't' : 'd';
			it->addr = s->st_value;
			it->name = mod->strtab + s->st_name;
			it->modname = mod->name;
			it->type = global ? (char)(t - 'a' + 'A') : t;
			return it;
		}
		i -= mod->num_symtab;
	}
	return NULL;
}

static int s_show(struct seq_file *m, void *v)
{
	struct ksym_iter *it = v;
	uint32_t addr = current->euid == 0 ? it->addr : 0;
	if (it->modname)
		seq_printf(m, "%08x %c %s\t[%s]\n", addr, it->type, it->name, it->modname);
	else
		seq_printf(m, "%08x %c %s\n", addr, it->type, it->name);
	return 0;
}

static const struct seq_operations kallsyms_op = { s_start, m_stop, s_next, s_show };

static int kallsyms_open(struct inode *inode, struct file *file)
{
	(void)inode;
	struct ksym_iter *it = kzalloc(sizeof(*it));
	if (!it)
		return -ENOMEM;
	int r = seq_open(file, &kallsyms_op);
	if (r) {
		kfree(it);
		return r;
	}
	((struct seq_file *)file->private_data)->private = it;
	return 0;
}

static int kallsyms_release(struct inode *inode, struct file *file)
{
	kfree(((struct seq_file *)file->private_data)->private);
	return seq_release(inode, file);
}

static const struct proc_ops kallsyms_proc_ops = {
	.proc_open = kallsyms_open,
	.proc_read = seq_read,
	.proc_lseek = seq_lseek,
	.proc_release = kallsyms_release,
};

static int module_procfs_init(void)
{
	bool ok = proc_create_seq("modules", 0444, NULL, &modules_op) &&
		  proc_create("kallsyms", 0444, NULL, &kallsyms_proc_ops);
	return ok ? 0 : -ENOMEM;
}
fs_initcall(module_procfs_init);
