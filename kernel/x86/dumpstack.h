/* dumpstack.h: reports of what went wrong in the kernel, as Linux prints
 * them: registers, a backtrace with function+0xoff/0xsize file:line per
 * frame (across trap frames, down to the user-mode frame), and the oops that
 * kills the current process instead of the whole machine. */
#ifndef DUMPSTACK_H
#define DUMPSTACK_H

#include <stdint.h>
#include "x86/trap.h"

struct proc;

/* The return addresses of the current call chain, innermost first, the
 * first `skip` left out (across a kernel-mode trap frame, to user mode);
 * how many it stored. Printed later by stack_trace_print. */
int stack_trace_save(unsigned long *store, int size, int skip);
void stack_trace_print(const unsigned long *entries, int nr, int spaces);
void show_regs(const struct trapframe *tf);
/* The kernel stack of a process: where it switched away, or here for current (sysrq t). */
void show_task_stack(const struct proc *p);
/* A fault the kernel cannot handle: oops (or panic, see oops_end). sig is
 * what the process dies of, as on Linux: SIGKILL for a page fault, SIGSEGV
 * for the other exceptions and BUG(). */
_Noreturn void die(const char *str, struct trapframe *tf, int sig);
_Noreturn void page_fault_oops(struct trapframe *tf, uint32_t addr);
/* An exception in kernel mode other than a page fault: a WARN (which
 * returns), a BUG or anything else (which do not). */
void kernel_exception(struct trapframe *tf);

#endif
