/* trap.h: the trap frame that every interrupt, exception and system call builds
 * on the kernel stack, and the IRQ registration interface. */
#ifndef TRAP_H
#define TRAP_H

#include <stdint.h>
#include <stdbool.h>
#include "x86/x86.h"                    /* EFLAGS_VM */
#include "x86/percpu.h"

struct trapframe {
	uint32_t gs, fs, es, ds;
	uint32_t edi, esi, ebp, oesp, ebx, edx, ecx, eax;
	uint32_t trapno, err;
	uint32_t eip, cs, eflags;
	uint32_t esp, ss;               /* only when the trap came from ring 3 */
};

#define T_DIVIDE  0
#define T_DEBUG   1
#define T_BRKPT   3
#define T_ILLOP   6
#define T_DEVICE  7
#define T_SEGNP   11
#define T_STACK   12
#define T_GPFLT   13
#define T_PGFLT   14
#define T_FPERR   16
#define T_SIMDERR 19
#define T_IRQ0    32
#define T_SYSCALL 0x80

#define IRQ_TIMER 0
#define IRQ_KBD   1
#define IRQ_COM2  3
#define IRQ_COM1  4

/* Linux's user_mode(): ring 3, or virtual-8086 mode, whose CS is a real-mode
 * segment (QEMU's TCG lets a ring-3 iret set VM, which a real CPU ignores). */
static inline bool tf_from_user(const struct trapframe *tf)
{
	return (tf->cs & 3) == 3 || (tf->eflags & EFLAGS_VM);
}

void idt_init(void);
void idt_load(void);           /* on each CPU */
void pic_init(void);
void irq_register(int irq, void (*handler)(void));
void irq_mask(int irq);
void trap(struct trapframe *tf);
/* The way back to ring 3 (preemption, signals, ptrace stops); a new process takes it too. */
void exit_to_user_mode(struct trapframe *tf);
const char *trap_name(uint32_t trapno);
/* The frame the current interrupt on this CPU arrived on, or NULL. */
#define irq_frame (this_cpu()->irq_frame)

#endif
