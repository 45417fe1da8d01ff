/* jobctl.h: job control (jobctl.c): group stops and SIGCONT, what wait
 * reports of them, orphaned process groups, and the terminal's background
 * checks (Linux's __tty_check_change). */
#ifndef JOBCTL_H
#define JOBCTL_H

#include <stdbool.h>
#include <stdint.h>
#include "proc.h"

/* signal_struct.flags. */
#define SIGNAL_STOP_STOPPED   0x1       /* the group stop is complete */
#define SIGNAL_STOP_CONTINUED 0x2       /* SIGCONT since the last stop; WCONTINUED has not seen it */

/* proc.jobctl: the signal of the group stop under way and flags. */
#define JOBCTL_STOP_SIGMASK   0xffff
#define JOBCTL_STOP_PENDING   (1u << 17)        /* must take part in the group stop under way */
#define JOBCTL_STOP_CONSUME   (1u << 18)        /* and is counted in group_stop_count */
#define JOBCTL_STOPPED        (1u << 19)        /* is parked in the stop (TASK_STOPPED) */

#define SIG_KERNEL_STOP_MASK \
	((1ull << (SIGSTOP - 1)) | (1ull << (SIGTSTP - 1)) | (1ull << (SIGTTIN - 1)) | (1ull << (SIGTTOU - 1)))

static inline bool sig_kernel_stop(int sig)
{
	return sig >= 1 && sig <= 32 && (SIG_KERNEL_STOP_MASK & (1ull << (sig - 1)));
}

static inline struct signal_struct *task_signal(struct proc *p)
{
	return &p->group_leader->signal;
}

/* What generating sig does at once to p's group whatever p's handler
 * (Linux's prepare_signal): a stop signal discards a pending SIGCONT,
 * SIGCONT discards pending stop signals and resumes a stopped group, SIGKILL
 * takes p out of its stop (any other signal waits for SIGCONT, as Linux's
 * wants_signal). Interrupts off. */
void jobctl_prepare_signal(struct proc *p, int sig);
/* A dequeued stop signal with the default action: starts or joins the group
 * stop and sleeps until SIGCONT or SIGKILL; false if it is discarded (the
 * orphaned-group rule for SIGTSTP, SIGTTIN and SIGTTOU). */
bool do_signal_stop(int sig);
/* The current thread's share of a group stop another thread started, if any. */
void jobctl_take_part(void);
/* A new thread of a group that is stopping stops too. */
void jobctl_fork(struct proc *child);
/* An exiting thread no longer counts in a group stop. */
void jobctl_exit(struct proc *p);

/* What wait4 and waitid ask and are told (Linux's wait_opts). */
struct wait_opts {
	int type;                       /* P_ALL, P_PID, P_PGID */
	int id;
	int flags;                      /* W* */
	int status;                     /* the wait4 status reported */
	int cause, info_status;         /* waitid's si_code and si_status */
	uint32_t uid;
};
/* proc.c: wo filled in with zombie c's end. */
void wait_report_exit(struct wait_opts *wo, const struct proc *c);
/* 0: c has nothing of these kinds to report; else c's pid, wo filled in. */
int wait_task_stopped(struct wait_opts *wo, struct proc *c);
int wait_task_continued(struct wait_opts *wo, struct proc *c);

/* Whether process group pgrp has no member whose parent is in another group
 * of the same session (POSIX's orphaned group), ignoring the process ignore. */
bool will_become_orphaned_pgrp(int pgrp, const struct proc *ignore);
/* At exit (parent NULL: of tsk itself) or when tsk is handed to init on
 * parent's exit: SIGHUP then SIGCONT to tsk's group if that orphans it
 * while it has a stopped member. */
void kill_orphaned_pgrp(struct proc *tsk, struct proc *parent);
/* sig to every process of group pgrp. */
void kill_pgrp(int pgrp, int sig);

#endif
