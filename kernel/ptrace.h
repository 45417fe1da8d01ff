/* ptrace.h: what the rest of the kernel calls of ptrace (kernel/ptrace.c):
 * the tracee's state in struct proc, and the hooks where it stops: system
 * call entry and exit, signal delivery, fork/clone/exec/exit events. */
#ifndef PTRACE_H
#define PTRACE_H

#include <stdbool.h>
#include <stdint.h>
#include "uapi/signal.h"
#include "waitqueue.h"

/* The sleep of a tracee in a ptrace stop: only SIGKILL or its tracer wakes it. */
#define TASK_TRACED 8

/* struct proc's syscall_work: tested once per system call. */
#define SYSCALL_WORK_TRACE 0x1

struct proc;
struct trapframe;
struct wait_opts;

struct ptrace_info {
	struct proc *tracer;            /* NULL: not traced */
	uint32_t flags;                 /* PT_* */
	uint32_t options;               /* PTRACE_O_* */
	int code;                       /* the stop's wait status >> 8 */
	bool stopped;                   /* asleep in ptrace_stop until resumed */
	bool reported;                  /* the tracer's wait has seen this stop */
	bool exit_pending;              /* a zombie the tracer must see before its parent */
	int resume_sig;                 /* the signal the tracer resumed it with */
	uint32_t message;               /* PTRACE_GETEVENTMSG */
	struct k_siginfo siginfo;       /* the stop's, for GETSIGINFO/SETSIGINFO */
	bool has_siginfo;               /* not in a group stop */
	struct wait_queue_head wait;    /* the tracee sleeps here while stopped */
	uint32_t debugreg[8];           /* DR0-DR7 as POKEUSER left them */
};

/* fork.c: the event a clone reports to the tracer of the caller (0: none);
 * the child is then traced too. */
int ptrace_clone_event(uint32_t flags);
void ptrace_init_child(struct proc *child, int event, uint32_t flags);
void ptrace_event(int event, uint32_t message);
/* exec.c: after a successful exec. */
void ptrace_exec(void);
/* signal.c: a signal dequeued for a traced process; the signal to act on
 * instead (0: the tracer suppressed it). */
int ptrace_signal(int sig, struct k_siginfo *info);
/* syscall.c: the stops around a traced call; entry returns the number to run. */
uint32_t ptrace_syscall_entry(struct trapframe *tf);
void ptrace_syscall_exit(struct trapframe *tf);
/* jobctl: a traced thread's share of a group stop. */
void ptrace_group_stop(int sig);
/* trap.c: EXIT_WORK_PTRACE: a stop asked for by PTRACE_INTERRUPT or a new seized child. */
void ptrace_pending_stop(void);
/* proc.c: exit (tracer and tracee sides) and the tracer's half of wait4. */
void exit_ptrace(struct proc *p);
bool ptrace_exit_notify(struct proc *p);
int ptrace_wait_task(struct wait_opts *wo, struct proc *c, bool *found);
int ptrace_tracer_pid(const struct proc *p);
/* Whether p is traced by a thread of t's group (t may be NULL). */
bool ptrace_traced_by(const struct proc *p, const struct proc *t);
/* sched.c: the hardware breakpoints (DR0-DR3, DR7) of the process switched to. */
void ptrace_switch_debugregs(const struct proc *prev, const struct proc *next);
/* p's x87 state in the FSAVE layout PTRACE_GETFPREGS and NT_PRFPREG use,
 * from its saved fxsave image (zeros without FXSR). */
struct user_fpregs_struct;
void ptrace_fpregs(const struct proc *p, struct user_fpregs_struct *u);

#endif
