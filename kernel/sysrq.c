/* sysrq.c: Linux's magic SysRq keys, through /proc/sysrq-trigger: `echo c`
 * crashes on purpose (a NULL write with panic_on_oops set, as Linux's
 * sysrq_handle_crash did), `t` shows every task with its kernel stack, `m`
 * the memory summary, 0-9 the console log level; any other key prints the
 * help line. */
#define pr_fmt(fmt) "sysrq: " fmt
#include "kernel.h"
#include "initcall.h"
#include "mm/kmalloc.h"
#include "mm/pmm.h"
#include "proc.h"
#include "fs/procfs.h"
#include "uaccess.h"
#include "x86/dumpstack.h"
#include "uapi/errno.h"

struct sysrq_key_op {
	char key;                       /* '0' stands for all the digits */
	void (*handler)(int key);
	const char *help_msg;
	const char *action_msg;
};

static void sysrq_handle_loglevel(int key)
{
	console_loglevel = CONSOLE_LOGLEVEL_DEFAULT;
	pr_info("Loglevel set to %d\n", key - '0');
	console_loglevel = key - '0';
}

static void sysrq_handle_crash(int key)
{
	(void)key;
	panic_on_oops = 1;
	*(volatile char *)NULL = 1;
}

static void sysrq_handle_showmem(int key)
{
	(void)key;
	printk(KERN_INFO "Mem-Info:\n");
	printk(KERN_INFO "free:%u slab:%ukB\n", (unsigned)pmm_free_pages(), (unsigned)(kmalloc_in_use() / 1024));
	printk(KERN_INFO "%u pages RAM\n", (unsigned)pmm_total_pages());
	printk(KERN_INFO "%u pages free\n", (unsigned)pmm_free_pages());
}

static void sysrq_handle_showstate(int key)
{
	(void)key;
	for (int i = 0; i < NPROC; i++) {
		const struct proc *p = &proc_table[i];
		if (p->state == P_UNUSED)
			continue;
		printk(KERN_INFO "task:%-15.15s state:%c pid:%-5d ppid:%-6d\n", p->comm,
		       task_state_char(p), p->pid, p->parent ? p->parent->pid : 0);
		if (p->state != P_ZOMBIE)
			show_task_stack(p);
	}
}

static const struct sysrq_key_op sysrq_ops[] = {
	{ '0', sysrq_handle_loglevel, "loglevel(0-9)", "Changing Loglevel" },
	{ 'c', sysrq_handle_crash, "crash(c)", "Trigger a crash" },
	{ 'm', sysrq_handle_showmem, "show-memory-usage(m)", "Show Memory" },
	{ 't', sysrq_handle_showstate, "show-task-states(t)", "Show State" },
};

static const struct sysrq_key_op *sysrq_op(int key)
{
	for (size_t i = 0; i < ARRAY_SIZE(sysrq_ops); i++)
		if (sysrq_ops[i].key == key || (sysrq_ops[i].key == '0' && key >= '0' && key <= '9'))
			return &sysrq_ops[i];
	return NULL;
}

/* As Linux: the action's name is shown on the console whatever the log
 * level; what the action prints is subject to it. */
static void handle_sysrq(int key)
{
	int orig = console_loglevel;
	console_loglevel = CONSOLE_LOGLEVEL_DEFAULT;
	const struct sysrq_key_op *op = sysrq_op(key);
	if (op) {
		pr_info("%s\n", op->action_msg);
		console_loglevel = orig;
		op->handler(key);
		return;
	}
	pr_info("HELP : ");
	for (size_t i = 0; i < ARRAY_SIZE(sysrq_ops); i++)
		pr_cont("%s ", sysrq_ops[i].help_msg);
	pr_cont("\n");
	console_loglevel = orig;
}

static ssize_t write_sysrq_trigger(struct file *file, const char __user *buf, size_t count, loff_t *pos)
{
	(void)file;
	(void)pos;
	char c;
	if (count) {
		if (get_user(c, buf))
			return -EFAULT;
		handle_sysrq(c);
	}
	return (ssize_t)count;
}

static const struct proc_ops sysrq_trigger_proc_ops = {
	.proc_write = write_sysrq_trigger,
};

static int sysrq_init(void)
{
	return proc_create("sysrq-trigger", 0200, NULL, &sysrq_trigger_proc_ops) ? 0 : -ENOMEM;
}
fs_initcall(sysrq_init);
