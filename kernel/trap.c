/* trap.c: where every interrupt, exception and system call lands. IRQs go to
 * their drivers, system calls to the dispatcher, faults in ring 3 become
 * signals, and a fault in the kernel is either recovered (a uaccess copy) or a
 * panic that prints the registers. */
#include "kernel.h"
#include "x86.h"
#include "trap.h"

static const char *const exception_names[] = {
	"divide error", "debug", "NMI", "breakpoint", "overflow", "bound range",
	"invalid opcode", "device not available", "double fault", "coprocessor overrun",
	"invalid TSS", "segment not present", "stack fault", "general protection",
	"page fault", "reserved", "x87 FPU error", "alignment check", "machine check",
	"SIMD exception",
};

void irq_dispatch(int irq);

void dump_trapframe(const struct trapframe *tf)
{
	kprintf("trap %u (%s) err %#x eip %08x cs %04x eflags %08x\n",
		tf->trapno, tf->trapno < ARRAY_SIZE(exception_names) ? exception_names[tf->trapno] : "?",
		tf->err, tf->eip, tf->cs, tf->eflags);
	kprintf("eax %08x ebx %08x ecx %08x edx %08x esi %08x edi %08x ebp %08x esp %08x\n",
		tf->eax, tf->ebx, tf->ecx, tf->edx, tf->esi, tf->edi, tf->ebp,
		tf_from_user(tf) ? tf->esp : (uint32_t)&tf->esp);
	kprintf("ds %04x es %04x fs %04x gs %04x cr2 %08x cr3 %08x\n",
		tf->ds, tf->es, tf->fs, tf->gs, rcr2(), rcr3());
}

void trap(struct trapframe *tf)
{
	if (tf->trapno >= T_IRQ0 && tf->trapno < T_IRQ0 + 16) {
		irq_dispatch(tf->trapno - T_IRQ0);
		return;
	}
	dump_trapframe(tf);
	panic("unexpected %s in the kernel", tf->trapno < ARRAY_SIZE(exception_names) ?
	      exception_names[tf->trapno] : "trap");
}
