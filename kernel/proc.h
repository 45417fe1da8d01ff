/* proc.h: processes. One kernel stack per process; the address space may be
 * shared (CLONE_VM, vfork: mm/mm_struct.h); the fd table, the working directory, credentials, signal state and
 * TLS descriptors are all per process. */
#ifndef PROC_H
#define PROC_H

#include <stdbool.h>
#include <stdint.h>
#include "fs/file.h"
#include "x86/gdt.h"
#include "list.h"
#include "timer_list.h"
#include "x86/trap.h"
#include "uapi/resource.h"
#include "uapi/signal.h"
#include "mm/vm.h"
#include "smp.h"
#include "x86/percpu.h"
#include "waitqueue.h"
#include "cred.h"
#include "ptrace.h"
#include "locking/lockdep_types.h"

#define NPROC 256
#define KSTACK_SIZE 8192
#define PID_MAX 32768

enum proc_state { P_UNUSED, P_EMBRYO, P_RUNNABLE, P_SLEEPING, P_ZOMBIE };

struct context {                        /* what swtch saves: callee-saved registers */
	uint32_t edi, esi, ebx, ebp, eip;
};

/* exit_work bits. */
#define EXIT_WORK_SIGNAL    0x1  /* a signal was made pending or a mask must be restored */
#define EXIT_WORK_SELECTORS 0x2  /* the segment selectors may no longer be loadable (TLS, sigreturn, exec) */
#define EXIT_WORK_PTRACE    0x4  /* a ptrace stop is asked for (ptrace.c) */

struct fdtable;
struct vm_area;
struct tty;
struct mm_struct;

/* The working directory and umask, shared by the processes cloned with CLONE_FS. */
struct fs_struct {
	int users;
	struct inode *cwd;
	uint32_t umask;
};

/* Signal handlers, shared by the processes cloned with CLONE_SIGHAND. */
struct sighand_struct {
	int count;
	struct k_sigaction action[_NSIG + 1];   /* indexed by signal number */
};

/* What a vfork parent sleeps on until its child leaves the shared address
 * space (Linux's vfork_done completion); it lives on the parent's stack. */
struct vfork_done {
	bool done;
	struct wait_queue_head wait;
};

/* The job-control state of a thread group (Linux's signal_struct fields of
 * the same names), kept in its leader: see jobctl.c. */
struct signal_struct {
	unsigned int flags;             /* SIGNAL_STOP_* */
	int group_stop_count;           /* threads still to stop in the group stop under way */
	int group_exit_code;            /* the stop signal, until wait has reported this stop */
};

struct proc {
	int pid;                        /* the thread id */
	int tgid;                       /* the thread group's id: its leader's pid, what getpid says */
	struct proc *group_leader;
	bool group_exiting;             /* exit_group or a fatal signal ends the group: */
	int group_exit_status;          /* every thread exits with this status */
	enum proc_state state;
	int sleep_state;                /* TASK_INTERRUPTIBLE or TASK_UNINTERRUPTIBLE when sleeping */
	char comm[16];
	char exe[128];                  /* path of the running program, for /proc/self/exe */
	struct inode *exe_inode;        /* its file, denied write access while it runs */
	uint32_t arg_start, arg_end;    /* its argv strings on the user stack, for /proc/PID/cmdline */
	uint32_t env_end;               /* its environment strings, from arg_end: /proc/PID/environ */
	uint32_t auxv_start;            /* its auxiliary vector on the stack, for a core dump */
	int pdeath_signal;              /* prctl PR_SET_PDEATHSIG: sent when the parent dies */
	bool dumpable;                  /* prctl PR_SET_DUMPABLE: a core dump may be written */
	bool child_subreaper;           /* prctl PR_SET_CHILD_SUBREAPER */
	unsigned personality;           /* personality(2), recorded */
	int ioprio;                     /* ioprio_set(2), recorded */
	struct proc *parent;
	int exit_status;                /* wait4 encoding, valid in P_ZOMBIE */
	int exit_signal;                /* sent to the parent at exit (clone's CSIGNAL); 0: none */
	struct vfork_done *vfork_done;  /* the vfork parent waiting for this child, or NULL */

	struct mm_struct *mm;
	pde_t *pgdir;                   /* mm->pgdir: what the switch and the fault path use */

	char *kstack;
	int preempt_count;              /* locking/preempt.h: held spinlocks, interrupt nesting */
	struct lockdep_task lockdep;    /* the locks it holds (empty without CONFIG_LOCKDEP) */
	struct trapframe *tf;           /* the user registers of the current trap */
	struct context *context;
	bool need_resched;
	int lock_depth;                 /* the big kernel lock's nesting, -1: not held (locking/kernel_lock.c) */
	volatile bool on_cpu;           /* running on a CPU, or still being switched out (sched.c) */
	unsigned int cpu;               /* the CPU it runs or last ran on */
	int nice;                       /* -20 .. 19 */
	uint64_t vruntime;              /* ns of CPU time, weighted by nice (see sched.c) */
	uint64_t exec_start;            /* monotonic_ns() when last charged, while running */
	uint64_t slice_exec;            /* ns run since last picked */
	struct list_head run_link;      /* on the run queue while runnable and not running */
	struct timer_list sleep_timer;  /* schedule_timeout's deadline */
	struct timer_list alarm_timer;  /* alarm(2) */
	uint32_t syscall_nr;            /* of the system call in progress, for restarts (orig_eax) */
	uint32_t syscall_work;          /* SYSCALL_WORK_*: the slow way through a call (ptrace.h) */
	struct ptrace_info pt;          /* its tracer and ptrace stops (ptrace.c) */
	int uaccess_kernel;             /* see uaccess_kernel_begin() */

	struct fdtable *files;
	struct fs_struct *fs;
	uint32_t uid, euid, suid, gid, egid, sgid;
	uint32_t fsuid, fsgid;          /* what file permission checks use (setfsuid) */
	struct group_info groups;
	int sched_policy;               /* SCHED_OTHER, SCHED_BATCH or SCHED_IDLE (sched_policy.c) */
	cpumask_t cpus_allowed;         /* sched_setaffinity's mask: the CPUs it may run on (smp.h) */
	struct k_rlimit64 rlim[RLIM_NLIMITS];
	int pgid, sid;
	struct tty *ctty;
	bool did_exec;                  /* has run execve since fork (setpgid's EACCES) */

	/* What the way back to ring 3 must look at (EXIT_WORK_*); 0 on the
	 * common path, which then tests nothing else. */
	uint32_t exit_work;
	uint64_t sig_pending, sig_blocked;
	struct sighand_struct *sighand;
	struct k_siginfo siginfo[_NSIG];        /* what each pending standard signal carries */
	struct list_head sigqueue;      /* queued real-time signals, oldest first (sigqueue.c) */
	int sigqueue_len;
	uint64_t saved_sigmask;         /* for rt_sigsuspend */
	unsigned int jobctl;            /* JOBCTL_* (jobctl.h): this thread's part in a group stop */
	struct signal_struct signal;    /* the group's, valid in the leader: task_signal() */
	bool restore_sigmask;

	struct wait_queue_head child_wait;      /* wait4 sleeps here */
	/* set_tid_address / CLONE_CHILD_CLEARTID: cleared by mm_release when
	 * the address space is shared (threads), as Linux. */
	uint32_t clear_child_tid;
	uint32_t set_child_tid;         /* CLONE_CHILD_SETTID: written by the child's first return */
	uint32_t robust_list;           /* set_robust_list's head; walked at exit and exec */
	struct segdesc tls[GDT_ENTRY_TLS_ENTRIES];
	uint8_t fpu_state[512] __attribute__((aligned(16)));

	uint64_t start_jiffies;
	uint32_t utime, stime;          /* ticks spent in user and kernel mode */
	uint32_t cutime, cstime;        /* the same of the children it reaped (and theirs) */
	uint32_t group_dead_utime, group_dead_stime;   /* a leader's: of its group's exited threads */
};

/* The process running on this CPU (x86/percpu.h). */
#define current get_current()
extern struct proc proc_table[NPROC];

struct proc *proc_find(int pid);
/* A new process whose first switch runs entry(), then returns to user mode. */
struct proc *proc_alloc_with(void (*entry)(void));
bool thread_group_empty(const struct proc *leader);
/* fork.c: the last put frees them. */
void sighand_put(struct sighand_struct *sh);
void fs_put(struct fs_struct *fs);
void proc_free(struct proc *p);
_Noreturn void do_exit(int status);     /* status in wait4 encoding */
/* A zombie its tracer has seen (or left): its parent's to wait for now. */
void release_traced_zombie(struct proc *p);
bool ptrace_may_access(const struct proc *t);
_Noreturn void do_group_exit(int status);       /* ends every thread of the group */
/* Marks p's group as exiting with status (again: a new status) and sends
 * the other threads SIGKILL; they never run in user mode again (a core dump
 * stops them so, as Linux's coredump_wait). */
void group_exit_begin(struct proc *p, int status);
/* exec: the other threads of the group are killed. */
void zap_other_threads(struct proc *p);
/* thread_group.c */
void de_thread(struct proc *p);
bool thread_group_others_gone(const struct proc *p);
void thread_group_account_exit(struct proc *p);
void thread_group_cputime(const struct proc *p, uint32_t *ut, uint32_t *st);
/* p leaves its address space (exec, exit): Linux's mm_release. */
void mm_release(struct proc *p);
void proc_init(void);
void start_init(const char *path, char *const argv[], char *const envp[]);
void rlimits_init(struct proc *p);
/* priority.c: whether live process p is who (0: the caller's) of PRIO_PROCESS, PRIO_PGRP or PRIO_USER. */
bool prio_matches(const struct proc *p, int which, int who);
/* pidfd.c: wakes the pidfds' pollers (a process has exited). */
void pidfd_notify_exit(void);
/* cpu_limit.c: RLIMIT_CPU's signals, from the tick that charged p. */
void check_rlimit_cpu(struct proc *p);
/* R, S, D or Z, as in /proc/PID/stat (fs/proc_pid.c). */
char task_state_char(const struct proc *p);

/* exec.c: the running program's file, held by each process that runs it. */
void exe_file_dup(struct proc *child, const struct proc *parent);
void exe_file_release(struct proc *p);

/* sched.c */
void schedule(void);
bool wake_process(struct proc *p);    /* true if p was asleep */
/* The same, for a waker about to sleep (Linux's WF_SYNC): p does not
 * preempt it, so the waker gets to block first. */
bool wake_process_sync(struct proc *p);
void wake_up_new_process(struct proc *p);       /* an embryo becomes runnable */
void sched_set_nice(struct proc *p, int nice);
void sched_tick(void);
void scheduler_start(void) __attribute__((noreturn));
/* The idle loop of every CPU. */
void cpu_idle(void) __attribute__((noreturn));
void sched_init_cpu(unsigned int cpu);
void sched_set_cpus_allowed(struct proc *p, cpumask_t mask);
_Noreturn void sched_exit_unreaped(void);
void sched_finish_switch(void);

/* sys.c: CLONE_SETTLS, as set_thread_area, into the TLS slots given. */
int tls_install(struct segdesc *tls, uint32_t udesc);

/* signal.c */
int send_signal(struct proc *p, int sig, const struct k_siginfo *info);
void force_signal(int sig, int code, uint32_t addr);
bool signal_pending(struct proc *p);
void signals_deliver(struct trapframe *tf);
void signals_reset_on_exec(struct proc *p);
long sigmask_push(const uint64_t *umask, size_t setsize);
long sigmask_pop(long result);
int kill_one_info(int pid, int sig, const struct k_siginfo *info);
struct k_siginfo take_signal(struct proc *p, int sig);   /* with interrupts off */
/* To the thread of leader's group that should take it. */
int group_send_sig_info(int sig, const struct k_siginfo *info, struct proc *leader);

/* robust_list.c: marks the futexes the current process still owns. */
void exit_robust_list(void);

/* sigqueue.c */
int sigqueue_add(struct proc *p, const struct k_siginfo *info);
bool sigqueue_take(struct proc *p, int sig, struct k_siginfo *info, bool *more);
void sigqueue_flush(struct proc *p, int sig);      /* sig 0: all of them */

/* Whether the current process holds capability cap (uapi/capability.h). */
static inline bool capable(int cap)
{
	(void)cap;
	return current->euid == 0;
}

/* The lowest user address that the current process does not have (for uaccess checks). */
static inline bool is_user_range(uint32_t addr, uint32_t len)
{
	return addr < USER_TOP && len <= USER_TOP - addr;
}

#endif
