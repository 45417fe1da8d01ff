/* syscall.c: the int 0x80 dispatcher. The table is assembled at boot from the
 * SYSCALL_DEFINE entries every subsystem contributes (section "syscalls");
 * numbers nobody defines answer -ENOSYS. Arguments come in ebx, ecx, edx,
 * esi, edi, ebp and the result goes back in eax, as on Linux i386. */
#include "kernel.h"
#include "proc.h"
#include "syscall.h"
#include "uapi/errno.h"
#include "x86/x86.h"

#define NSYSCALLS 512

extern const struct syscall_entry __start_syscalls[], __stop_syscalls[];
static const struct syscall_entry *table[NSYSCALLS];

void syscall_init(void)
{
	for (const struct syscall_entry *e = __start_syscalls; e < __stop_syscalls; e++) {
		if (e->nr < 0 || e->nr >= NSYSCALLS || table[e->nr])
			panic("system call %s: bad or duplicate number %d", e->name, e->nr);
		table[e->nr] = e;
	}
}

/* A number with no call leaves eax as it is: -ENOSYS, or what a tracer put there. */
static void invoke(uint32_t nr, struct trapframe *tf)
{
	uint32_t args[6] = { tf->ebx, tf->ecx, tf->edx, tf->esi, tf->edi, tf->ebp };
	if (nr < NSYSCALLS && table[nr])
		tf->eax = (uint32_t)table[nr]->fn(args);
}

void syscall_dispatch(struct trapframe *tf)
{
	uint32_t nr = tf->eax;
	struct proc *p = current;
	p->syscall_nr = nr;
	sti();
	if (!p->syscall_work) {
		tf->eax = (uint32_t)-ENOSYS;
		invoke(nr, tf);
		return;
	}
	/* Traced: the tracer sees the call before (and may change or skip it)
	 * and after it runs. */
	invoke(ptrace_syscall_entry(tf), tf);
	ptrace_syscall_exit(tf);
}
