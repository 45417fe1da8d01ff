/* dumpstack.c: register dumps, backtraces and oopses, in Linux's format.
 * The backtrace follows the frame-pointer chain (saved ebp, return address).
 * A return into alltraps means the frame above is a trap frame: the walk
 * names the interrupted function, then guesses (marked "?") the return
 * addresses the interrupted code had pushed without a frame of its own yet,
 * as in asm copy routines, and goes on from the interrupted ebp, down to the
 * user-mode frame of the system call. */
#include "kernel.h"
#include "kallsyms.h"
#include "module/module.h"
#include "proc.h"
#include "x86/dumpstack.h"
#include "x86/gdt.h"
#include "x86/x86.h"
#include "uapi/signal.h"

#define MAX_FRAMES 32
#define SCAN_WORDS 24

extern char boot_stack[], boot_stack_top[];
/* Where trap() returns in alltraps: the frame above such a return is a trap frame. */
extern char trap_return[] __asm__("alltraps.return");

struct stack_info {
	uint32_t lo, hi;
};

static struct stack_info stack_of(const struct proc *p, uint32_t addr)
{
	uint32_t k = (uint32_t)p->kstack;
	if (k && addr >= k && addr < k + KSTACK_SIZE)
		return (struct stack_info){ k, k + KSTACK_SIZE };
	if (addr >= (uint32_t)boot_stack && addr < (uint32_t)boot_stack_top)
		return (struct stack_info){ (uint32_t)boot_stack, (uint32_t)boot_stack_top };
	return (struct stack_info){ 0, 0 };
}

static bool on_stack(struct stack_info st, uint32_t addr, uint32_t len)
{
	return addr >= st.lo && addr < st.hi && len <= st.hi - addr;
}

static void print_frame(uint32_t addr, bool reliable, bool return_address)
{
	char sym[160];
	sprint_symbol(sym, sizeof(sym), addr, return_address);
	printk(KERN_DEFAULT " %s%s\n", reliable ? "" : "? ", sym);
}

/* A call instruction ends just before addr: e8 rel32, or ff /2. */
static bool after_call(uint32_t addr)
{
	if (!is_kernel_text(addr - 1) || addr - 7 < (uint32_t)_stext)
		return false;
	const uint8_t *p = (const uint8_t *)addr;
	if (p[-5] == 0xe8)
		return true;
	for (int k = 2; k <= 7; k++)
		if (p[-k] == 0xff && ((p[-k + 1] >> 3) & 7) == 2)
			return true;
	return false;
}

static const char *frame_kind(const struct trapframe *tf)
{
	if (tf->trapno == T_SYSCALL)
		return "system call";
	if (tf->trapno >= T_IRQ0 && tf->trapno < T_IRQ0 + 16)
		return "IRQ";
	return trap_name(tf->trapno);
}

static void walk_frames(uint32_t ebp, struct stack_info st, int depth);

/* What a kernel-mode trap frame hides, then the frames from its ebp on. */
static void trace_after_trap(const struct trapframe *tf, struct stack_info st, int depth)
{
	uint32_t sp = (uint32_t)&tf->esp;   /* no esp/ss pushed from ring 0 */
	uint32_t end = on_stack(st, tf->ebp, 8) && tf->ebp > sp ? tf->ebp : sp + SCAN_WORDS * 4;
	for (uint32_t a = sp; a < end && a < sp + SCAN_WORDS * 4 && on_stack(st, a, 4); a += 4) {
		uint32_t w = *(const uint32_t *)a;
		if (after_call(w) && w != (uint32_t)trap_return)     /* a stale trap's */
			print_frame(w, false, true);
	}
	walk_frames(tf->ebp, st, depth);
}

static void trace_trap_frame(const struct trapframe *tf, struct stack_info st, int depth)
{
	if (tf_from_user(tf)) {
		printk(KERN_DEFAULT " <user mode, %s> EIP: 0x%08x ESP: 0x%08x\n",
		       frame_kind(tf), tf->eip, tf->esp);
		return;
	}
	printk(KERN_DEFAULT " <%s>\n", frame_kind(tf));
	print_frame(tf->eip, true, false);
	trace_after_trap(tf, st, depth + 1);
}

static void walk_frames(uint32_t ebp, struct stack_info st, int depth)
{
	for (; depth < MAX_FRAMES; depth++) {
		if ((ebp & 3) || !on_stack(st, ebp, 8))
			return;
		const uint32_t *fp = (const uint32_t *)ebp;
		if (fp[1] == (uint32_t)trap_return) {
			const struct trapframe *tf = (const struct trapframe *)fp[2];
			if (on_stack(st, (uint32_t)tf, offsetof(struct trapframe, esp)))
				trace_trap_frame(tf, st, depth);
			return;
		}
		if (!is_kernel_text(fp[1] - 1))
			return;
		print_frame(fp[1], true, true);
		if (fp[0] <= ebp)
			return;
		ebp = fp[0];
	}
}

int stack_trace_save(unsigned long *store, int size, int skip)
{
	uint32_t ebp = (uint32_t)__builtin_frame_address(0);
	struct stack_info st = stack_of(current, ebp);
	int n = 0;
	while (n < size && !(ebp & 3) && on_stack(st, ebp, 8)) {
		const uint32_t *fp = (const uint32_t *)ebp;
		uint32_t ret = fp[1], up = fp[0];
		if (ret == (uint32_t)trap_return) {
			const struct trapframe *tf = (const struct trapframe *)fp[2];
			if (!on_stack(st, (uint32_t)tf, offsetof(struct trapframe, esp)) || tf_from_user(tf))
				break;
			ret = tf->eip + 1;      /* printed as a return address: inside the interrupted function */
			up = tf->ebp;
		} else if (!is_kernel_text(ret - 1)) {
			break;
		}
		if (skip > 0)
			skip--;
		else
			store[n++] = ret;
		if (up <= ebp)
			break;
		ebp = up;
	}
	return n;
}

void stack_trace_print(const unsigned long *entries, int nr, int spaces)
{
	char sym[160];
	for (int i = 0; i < nr; i++) {
		sprint_symbol(sym, sizeof(sym), entries[i], true);
		printk(KERN_DEFAULT "%*s%s\n", spaces, "", sym);
	}
}

static void show_header(void)
{
	printk(KERN_DEFAULT "CPU: %u PID: %d Comm: %s %s\n", smp_processor_id(), current->pid,
	       current->pid ? current->comm : "swapper", print_tainted());
}

void dump_stack(void)
{
	uint32_t ebp = (uint32_t)__builtin_frame_address(0);
	show_header();
	printk(KERN_DEFAULT "Call Trace:\n");
	walk_frames(ebp, stack_of(current, ebp), 0);
}

/* The instruction bytes around eip, the faulting one in <>, as Linux prints
 * them for scripts/decodecode; only inside the kernel's text. */
static void show_code(uint32_t eip)
{
	char line[3 * 48 + 16], *s = line;
	const char *end = line + sizeof(line);
	s += snprintf(s, end - s, "Code:");
	for (uint32_t a = eip - 16; a < eip + 16; a++) {
		if (!is_kernel_text(a))
			continue;
		uint8_t b = *(const uint8_t *)a;
		s += snprintf(s, end - s, a == eip ? " <%02x>" : " %02x", b);
	}
	printk(KERN_DEFAULT "%s\n", line);
}

void show_regs(const struct trapframe *tf)
{
	char sym[160];
	uint32_t sp = (uint32_t)&tf->esp, ss;
	__asm__ volatile("mov %%ss, %0" : "=r"(ss));
	show_header();
	sprint_symbol(sym, sizeof(sym), tf->eip, false);
	printk(KERN_DEFAULT "EIP: %s\n", sym);
	if (is_kernel_text(tf->eip))
		show_code(tf->eip);
	printk(KERN_DEFAULT "EAX: %08x EBX: %08x ECX: %08x EDX: %08x\n", tf->eax, tf->ebx, tf->ecx, tf->edx);
	printk(KERN_DEFAULT "ESI: %08x EDI: %08x EBP: %08x ESP: %08x\n", tf->esi, tf->edi, tf->ebp, sp);
	printk(KERN_DEFAULT "DS: %04x ES: %04x FS: %04x GS: %04x SS: %04x EFLAGS: %08x\n",
	       tf->ds & 0xffff, tf->es & 0xffff, tf->fs & 0xffff, tf->gs & 0xffff, ss & 0xffff, tf->eflags);
	printk(KERN_DEFAULT "CR0: %08x CR2: %08x CR3: %08x CR4: %08x\n", rcr0(), rcr2(), rcr3(), rcr4());
	printk(KERN_DEFAULT "Call Trace:\n");
	trace_after_trap(tf, stack_of(current, sp), 0);
}

void show_task_stack(const struct proc *p)
{
	printk(KERN_DEFAULT "Call Trace:\n");
	if (p == current) {
		uint32_t ebp = (uint32_t)__builtin_frame_address(0);
		walk_frames(ebp, stack_of(p, ebp), 0);
	} else if (p->context && p->kstack) {
		print_frame(p->context->eip, true, true);
		walk_frames(p->context->ebp, stack_of(p, (uint32_t)p->context), 1);
	}
}

static int die_counter;

static void oops_begin(void)
{
	cli();
	if (oops_in_progress)               /* the report itself faulted */
		panic("Fatal exception while reporting an oops");
	oops_in_progress++;
	console_verbose();
}

/* As Linux: the process dies and the kernel goes on, tainted, unless the
 * oops hit an interrupt handler, code that had interrupts off, the idle
 * task or init, or the command line asked for a panic (panic_on_oops=1). */
static _Noreturn void oops_end(const struct trapframe *tf, int sig)
{
	printk(KERN_DEFAULT "---[ end trace 0000000000000000 ]---\n");
	add_taint(TAINT_DIE);
	if (irq_frame)
		panic("Fatal exception in interrupt");
	if (!(tf->eflags & EFLAGS_IF))
		panic("Fatal exception with interrupts off");
	if (oops_should_panic())
		panic("Fatal exception");
	if (current->pid == 0)
		panic("Attempted to kill the idle task!");
	if (current->pid == 1)
		panic("Attempted to kill init! exitcode=0x%08x", sig);
	oops_in_progress--;
	console_restore();
	module_oops_cleanup(current);
	sti();
	do_exit(sig);
}

static void __die(const char *str, const struct trapframe *tf)
{
	printk(KERN_DEFAULT "%s: %04x [#%d]\n", str, tf->err & 0xffff, ++die_counter);
	show_regs(tf);
}

void die(const char *str, struct trapframe *tf, int sig)
{
	oops_begin();
	__die(str, tf);
	oops_end(tf, sig);
}

void page_fault_oops(struct trapframe *tf, uint32_t addr)
{
	uint32_t err = tf->err;
	oops_begin();
	if (addr < PGSIZE)
		printk(KERN_ALERT "BUG: kernel NULL pointer dereference, address: %08x\n", addr);
	else
		printk(KERN_ALERT "BUG: unable to handle page fault for address: %08x\n", addr);
	printk(KERN_ALERT "#PF: %s %s in %s mode\n", err & 4 ? "user" : "supervisor",
	       err & 16 ? "instruction fetch" : err & 2 ? "write access" : "read access",
	       tf_from_user(tf) ? "user" : "kernel");
	printk(KERN_ALERT "#PF: error_code(0x%04x) - %s\n", err,
	       !(err & 1) ? "not-present page" : err & 8 ? "reserved bit violation" : "permissions violation");
	__die("Oops", tf);
	oops_end(tf, SIGKILL);
}

void kernel_exception(struct trapframe *tf)
{
	if (tf->trapno == T_ILLOP && report_bug(tf))
		return;
	die(trap_name(tf->trapno), tf, SIGSEGV);
}
