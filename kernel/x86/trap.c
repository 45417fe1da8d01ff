/* trap.c: where every interrupt, exception and system call lands. IRQs go to
 * their drivers and system calls to the dispatcher. A page fault goes first to
 * the memory system (mm/fault.c); other faults in ring 3 become signals for
 * the process; the local APIC's timer and IPIs go to the scheduler and the
 * TLB code; a fault in the kernel is either recovered (a uaccess copy, through the exception
 * table), a WARN that goes on, or an oops (x86/dumpstack.c). On the way back to ring 3 the
 * process may be preempted and receives its pending signals. */
#include "kernel.h"
#include "kstat.h"
#include "errno.h"
#include "fs/file.h"
#include "locking/preempt.h"
#include "mm/fault.h"
#include "x86/gdt.h"
#include "x86/ldt.h"
#include "proc.h"
#include "syscall.h"
#include "x86/trap.h"
#include "x86/dumpstack.h"
#include "uaccess.h"
#include "uapi/signal.h"
#include "x86/x86.h"
#include "x86/apic.h"
#include "x86/smpboot.h"
#include "x86/tlb.h"
#include "x86/timer.h"
#include "locking/kernel_lock.h"

static const char *const exception_names[] = {
	"divide error", "debug", "NMI", "breakpoint", "overflow", "bound range",
	"invalid opcode", "device not available", "double fault", "coprocessor overrun",
	"invalid TSS", "segment not present", "stack fault", "general protection",
	"page fault", "reserved", "x87 FPU error", "alignment check", "machine check",
	"SIMD exception",
};

void irq_dispatch(int irq);

const char *trap_name(uint32_t n)
{
	return n < ARRAY_SIZE(exception_names) ? exception_names[n] : "trap";
}

/* A fault in user mode, or in a uaccess copy, is first the memory system's
 * to resolve (demand-zero, copy-on-write, stack growth); what it refuses is
 * SIGSEGV for the process or the copy's EFAULT. */
static void page_fault(struct trapframe *tf)
{
	uint32_t addr = rcr2();
	bool user = tf_from_user(tf);
	uint32_t fixup = user ? 0 : extable_fixup(tf->eip);
	int code = (tf->err & 1) ? SEGV_ACCERR : SEGV_MAPERR;
	if ((user || fixup) && addr < USER_TOP) {
		code = handle_mm_fault(current, addr, tf->err & 2);
		if (code == 0)
			return;
	}
	if (user) {
		if (code == FAULT_SIGBUS)
			force_signal(SIGBUS, BUS_ADRERR, addr);
		else if (code != FAULT_OOM)
			force_signal(SIGSEGV, code, addr);
		return;
	}
	if (fixup && addr < KERNBASE) {
		tf->eip = fixup;
		return;
	}
	page_fault_oops(tf, addr);
}

/* A debug exception in user mode: a single step (ptrace's SINGLESTEP sets
 * TF) or a hardware breakpoint. DR6 says which; the CPU never clears it. */
static void debug_trap(struct trapframe *tf)
{
	uint32_t dr6;
	__asm__ volatile("mov %%dr6, %0" : "=r"(dr6));
	__asm__ volatile("mov %0, %%dr6" : : "r"(0u));
	current->pt.debugreg[6] = dr6;
	int code = (dr6 & DR6_BS) ? TRAP_TRACE : (dr6 & DR6_TRAP_BITS) ? TRAP_HWBKPT : TRAP_BRKPT;
	/* An instruction breakpoint faults before the instruction: RF lets it run once. */
	if (dr6 & DR6_TRAP_BITS)
		tf->eflags |= EFLAGS_RF;
	force_signal(SIGTRAP, code, tf->eip);
}

/* The signal and si_code that a user-mode exception becomes. */
static void user_exception(struct trapframe *tf)
{
	switch (tf->trapno) {
	case T_DIVIDE:
		force_signal(SIGFPE, FPE_INTDIV, tf->eip);
		break;
	case T_FPERR:
	case T_SIMDERR:
		force_signal(SIGFPE, 0, tf->eip);
		break;
	case T_ILLOP:
		force_signal(SIGILL, ILL_ILLOPN, tf->eip);
		break;
	case T_DEBUG:
		debug_trap(tf);
		break;
	case T_BRKPT:
		force_signal(SIGTRAP, SI_KERNEL, 0);
		break;
	case T_SEGNP:
	case T_STACK:
		/* A not-present segment loaded (an LDT entry), a stack-segment limit: SIGBUS, as Linux. */
		force_signal(SIGBUS, SI_KERNEL, 0);
		break;
	default:
		force_signal(SIGSEGV, SI_KERNEL, 0);
	}
}

/* The descriptor a ring-3 selector names for this process: one of its TLS
 * slots or an entry of its LDT; NULL for any other. */
static const struct segdesc *user_segdesc(uint32_t sel)
{
	unsigned idx = sel >> 3;
	if ((sel & 3) != 3)
		return NULL;
	if (sel & SEL_LDT)
		return ldt_entry(current->mm, idx);
	if (idx < GDT_ENTRY_TLS_MIN || idx >= GDT_ENTRY_TLS_MIN + GDT_ENTRY_TLS_ENTRIES)
		return NULL;
	return &current->tls[idx - GDT_ENTRY_TLS_MIN];
}

/* A selector the CPU can reload on the way back to ring 3: null (not for a
 * stack), the flat user segment, or a present TLS slot or LDT entry of this
 * process that is readable (writable for a stack). A user may leave anything
 * in a segment register (or in a sigreturn frame), or clear the slot it
 * points to; reloading a bad one in trapret would fault in the kernel. 0 if
 * it cannot. */
static uint32_t loadable_user_selector(uint32_t sel, bool stack)
{
	sel &= 0xffff;
	if ((sel == 0 && !stack) || sel == UDATA_SEL)
		return sel;
	const struct segdesc *d = user_segdesc(sel);
	uint8_t access = d ? d->access : 0;
	bool present = (access & DESC_PRESENT) && (access & DESC_S);
	bool code = access & DESC_CODE_EXECUTABLE, rw = access & DESC_DATA_WRITABLE;
	if (stack)
		return present && !code && rw ? sel : 0;
	return present && (!code || rw) ? sel : 0;
}

/* The flat user code segment, or a present code segment of the LDT (Wine's
 * 16-bit code): what iret may go back to. */
static bool loadable_code_selector(uint32_t sel)
{
	sel &= 0xffff;
	if (sel == UCODE_SEL)
		return true;
	const struct segdesc *d = user_segdesc(sel);
	const uint8_t need = DESC_PRESENT | DESC_S | DESC_CODE_EXECUTABLE;
	return d && (d->access & need) == need;
}

/* The slow way back to ring 3: preemption, signals, selectors to check. A
 * system call restarts only through signals_deliver, so a restart code
 * means a signal is pending and this is reached. */
static void exit_to_user_work(struct trapframe *tf)
{
	struct proc *p = current;
	/* No vm86 support: nothing may go back to virtual-8086 mode. */
	if (tf->eflags & EFLAGS_VM)
		do_exit(SIGSEGV);
	if (p->need_resched)
		schedule();
	if (p->exit_work & EXIT_WORK_PTRACE)
		ptrace_pending_stop();
	/* No null stack segment in ring 3: the process gets SIGSEGV, and its
	 * handler, if any, runs on the flat segment. */
	if (p->exit_work & EXIT_WORK_SELECTORS)
		load_mm_ldt(p->mm);
	if ((p->exit_work & EXIT_WORK_SELECTORS) && !loadable_user_selector(tf->ss, true)) {
		tf->ss = UDATA_SEL;
		force_signal(SIGSEGV, SI_KERNEL, 0);
	}
	/* The same for a code segment another thread took out of the LDT. */
	if ((p->exit_work & EXIT_WORK_SELECTORS) && !loadable_code_selector(tf->cs)) {
		tf->cs = UCODE_SEL;
		force_signal(SIGSEGV, SI_KERNEL, 0);
	}
	if (p->exit_work & EXIT_WORK_SIGNAL) {
		/* Only with a signal to handle, as Linux: a restart code is
		 * then what the interrupted call left. Without one it is a plain
		 * return value (getuid after setuid(-512)), and restarting would
		 * loop for ever. */
		if (signal_pending(p) || p->restore_sigmask)
			signals_deliver(tf);
		/* Blocked signals stay pending, and so does the bit, so that
		 * unblocking them needs no other hook. */
		if (!p->sig_pending && !p->restore_sigmask)
			p->exit_work &= ~EXIT_WORK_SIGNAL;
		p->exit_work |= EXIT_WORK_SELECTORS;    /* a handler's frame changes them */
	}
	if (p->exit_work & EXIT_WORK_SELECTORS) {
		tf->gs = loadable_user_selector(tf->gs, false);
		tf->fs = loadable_user_selector(tf->fs, false);
		tf->es = loadable_user_selector(tf->es, false);
		tf->ds = loadable_user_selector(tf->ds, false);
		p->exit_work &= ~EXIT_WORK_SELECTORS;
	}
}

/* An interrupt: the 8259's IRQs, the APIC timer and the reschedule IPI
 * (whose sender set need_resched: the way out or the idle loop acts on it). */
static void interrupt(struct trapframe *tf)
{
	const struct trapframe *outer = irq_frame;
	irq_frame = tf;
	irq_enter();
	if (tf->trapno < T_IRQ0 + 16) {
		irq_dispatch(tf->trapno - T_IRQ0);
	} else {
		lapic_eoi();
		if (tf->trapno == T_LAPIC_TIMER && smp_processor_id() == 0)
			timer_tick();
		else if (tf->trapno == T_LAPIC_TIMER)
			sched_tick();
	}
	irq_exit();
	irq_frame = outer;
}

/* The tick or a reschedule IPI of an idle CPU needs no big kernel lock:
 * waiting for it would only burn the host time its holder needs (a guest
 * CPU is a host thread). CPU 0's tick runs the due timers if it can take
 * the lock at once, else it only advances the clock and the timers wait a
 * tick. True if it was handled so. */
static bool idle_interrupt(struct trapframe *tf)
{
	struct cpu *c = this_cpu();
	/* An idle process that holds the lock is not idling: the boot thread,
	 * CPU 0's idle process, runs the initcalls and KTESTs so. */
	if ((tf->trapno != T_LAPIC_TIMER && tf->trapno != T_IPI_RESCHED) || c->current_task != c->idle ||
	    c->idle->lock_depth >= 0)
		return false;
	if (tf->trapno == T_LAPIC_TIMER && c->id == 0 && raw_trylock(&kernel_flag)) {
		raw_unlock(&kernel_flag);
		return false;
	}
	lapic_eoi();
	if (tf->trapno == T_LAPIC_TIMER) {
		if (c->id == 0)
			timer_advance();
		kstat_tick(CPUTIME_IDLE);
	}
	return true;
}

/* Everything but the TLB shootdown and the stop NMI runs under the big
 * kernel lock (locking/kernel_lock.c), from entry to the return to user
 * mode; the spurious vector needs nothing, not even an EOI. */
void trap(struct trapframe *tf)
{
	if (tf->trapno >= T_LAPIC_TIMER || tf->trapno == T_NMI) {
		if (tf->trapno == T_IPI_TLB) {
			tlb_ipi();
			return;
		}
		if (tf->trapno == T_SPURIOUS || idle_interrupt(tf))
			return;
		if (tf->trapno == T_NMI && smp_stop_requested())
			for (;;)
				__asm__ volatile("cli; hlt");
	}
	struct proc *p = current;
	lock_kernel_trap(p, tf->eflags & EFLAGS_IF);
	if (tf->trapno == T_SYSCALL) {
		syscall_dispatch(tf);
	} else if ((tf->trapno >= T_IRQ0 && tf->trapno < T_IRQ0 + 16) ||
		   tf->trapno == T_LAPIC_TIMER || tf->trapno == T_IPI_RESCHED) {
		interrupt(tf);
	} else if (tf->trapno == T_PGFLT) {
		page_fault(tf);
	} else if (tf_from_user(tf)) {
		user_exception(tf);
	} else if (tf->trapno == T_DEBUG && current->pt.debugreg[7]) {
		/* A watchpoint on user memory that a copy in the kernel touched:
		 * the process learns of it on its way out, as Linux. */
		debug_trap(tf);
		tf->eflags &= ~EFLAGS_RF;
	} else {
		kernel_exception(tf);
	}
	if (tf_from_user(tf))
		exit_to_user_mode(tf);
	unlock_kernel_trap(p);
}

void exit_to_user_mode(struct trapframe *tf)
{
	struct proc *p = current;
	/* The common way out tests one word (and the scheduler's flag). */
	if (!(p->exit_work | p->need_resched | (tf->eflags & EFLAGS_VM)))
		return;
	exit_to_user_work(tf);
}
