/* bug.c: the bug table: each BUG()/WARN() site's ud2 address with its file,
 * line and flags (bug.h), looked up when the invalid-opcode trap hits one. */
#include "kernel.h"
#include "bug.h"
#include "kallsyms.h"
#include "module/module.h"
#include "proc.h"
#include "x86/dumpstack.h"

extern struct bug_entry __start___bug_table[], __stop___bug_table[];

static struct bug_entry *find_bug(uint32_t eip)
{
	for (struct bug_entry *b = __start___bug_table; b < __stop___bug_table; b++)
		if (b->addr == eip)
			return b;
	return module_find_bug(eip);
}

static void warn(const struct bug_entry *b, const struct trapframe *tf)
{
	char sym[160];
	sprint_symbol_name(sym, sizeof(sym), tf->eip, false);
	printk(KERN_WARNING "WARNING: CPU: 0 PID: %d at %s:%u %s\n", current->pid, b->file, b->line, sym);
	show_regs(tf);
	printk(KERN_WARNING "---[ end trace 0000000000000000 ]---\n");
	add_taint(TAINT_WARN);
}

/* True if tf stopped at a WARN, reported (once, for WARN_ON_ONCE) and to
 * be resumed after its ud2; a BUG is reported and left to die(). */
bool report_bug(struct trapframe *tf)
{
	struct bug_entry *b = find_bug(tf->eip);
	if (!b)
		return false;
	bool warning = b->flags & BUGFLAG_WARNING;
	bool silent = (b->flags & BUGFLAG_ONCE) && (b->flags & BUGFLAG_DONE);
	b->flags |= BUGFLAG_DONE;
	if (!(b->flags & BUGFLAG_NO_CUT_HERE) && !silent)
		printk(KERN_DEFAULT "------------[ cut here ]------------\n");
	if (!warning) {
		printk(KERN_CRIT "kernel BUG at %s:%u!\n", b->file, b->line);
		return false;
	}
	if (!silent)
		warn(b, tf);
	tf->eip += 2;                       /* past the ud2 */
	return true;
}
