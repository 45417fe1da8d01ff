/* jobctl.c: job control, as Linux. A stop signal with the default action
 * stops the whole thread group (a group stop: the thread that takes it marks
 * every other thread JOBCTL_STOP_PENDING, each stops on its way back to user
 * mode, and the last one to stop completes the stop and tells the parent);
 * SIGCONT resumes it whatever the handler or mask, and wait4/waitid report
 * both (WUNTRACED, WCONTINUED), once each. A process group is orphaned when
 * no member has a parent in another group of the same session: the job
 * control stops do nothing there, and a group that becomes orphaned with a
 * stopped member gets SIGHUP and SIGCONT so it is not left stopped for ever.
 * The group state lives in the leader's signal_struct (task_signal), the
 * per-thread part in proc.jobctl; a stopped thread sleeps in TASK_STOPPED. */
#include "kernel.h"
#include "jobctl.h"
#include "proc.h"
#include "ptrace.h"
#include "x86/timer.h"
#include "uapi/signal.h"
#include "uapi/wait.h"
#include "x86/x86.h"

#define SIGBIT(sig) (1ull << ((sig) - 1))

static bool is_live(const struct proc *t)
{
	return t->state != P_UNUSED && t->state != P_EMBRYO && t->state != P_ZOMBIE;
}

/* Every live thread of p's group. */
#define for_each_live_thread(p, t)                                              \
	for (struct proc *t = proc_table; t < proc_table + NPROC; t++)          \
		if (is_live(t) && t->tgid == (p)->tgid)

/* A thread that has something to do on its way back to user mode. */
static void signal_wake_up(struct proc *t)
{
	t->exit_work |= EXIT_WORK_SIGNAL;
	if (t->state == P_SLEEPING && t->sleep_state == TASK_INTERRUPTIBLE)
		wake_process(t);
}

/* Linux's do_notify_parent_cldstop: SIGCHLD unless the parent asked for
 * none (SA_NOCLDSTOP), and its wait4 woken in any case. */
static void notify_parent_cldstop(struct proc *p, int why)
{
	struct proc *leader = p->group_leader, *parent = leader->parent;
	if (!parent)
		return;
	struct k_siginfo info = { .si_signo = SIGCHLD, .si_code = why };
	info.si_pid = leader->pid;
	info.si_uid = leader->uid;
	info.si_status = why == CLD_CONTINUED ? SIGCONT : task_signal(p)->group_exit_code & 0x7f;
	info.si_utime = jiffies_to_clock_t(leader->utime);
	info.si_stime = jiffies_to_clock_t(leader->stime);
	if (!(parent->sighand->action[SIGCHLD].flags & SA_NOCLDSTOP))
		send_signal(parent, SIGCHLD, &info);
	wake_up_all(&parent->child_wait);
}

void jobctl_prepare_signal(struct proc *p, int sig)
{
	struct signal_struct *s = task_signal(p);
	if (sig_kernel_stop(sig)) {
		for_each_live_thread(p, t)
			t->sig_pending &= ~SIGBIT(SIGCONT);
	} else if (sig == SIGCONT) {
		for_each_live_thread(p, t) {
			t->sig_pending &= ~SIG_KERNEL_STOP_MASK;
			t->jobctl &= ~(JOBCTL_STOP_PENDING | JOBCTL_STOP_CONSUME);
			if (t->jobctl & JOBCTL_STOPPED) {
				t->jobctl &= ~JOBCTL_STOPPED;
				wake_process(t);
			}
		}
		bool was_stopped = s->flags & SIGNAL_STOP_STOPPED;
		if (was_stopped || s->group_stop_count) {
			s->flags = SIGNAL_STOP_CONTINUED;
			s->group_stop_count = 0;
			s->group_exit_code = 0;
		}
		if (was_stopped)
			notify_parent_cldstop(p, CLD_CONTINUED);
	} else if (sig == SIGKILL) {
		p->jobctl &= ~JOBCTL_STOPPED;
	}
}

/* t's share of the group stop; true if t completes it. */
static bool participate_group_stop(struct proc *t)
{
	struct signal_struct *s = task_signal(t);
	bool consume = t->jobctl & JOBCTL_STOP_CONSUME;
	t->jobctl &= ~(JOBCTL_STOP_PENDING | JOBCTL_STOP_CONSUME);
	if (!consume)
		return false;
	if (s->group_stop_count > 0)
		s->group_stop_count--;
	if (s->group_stop_count == 0 && !(s->flags & SIGNAL_STOP_STOPPED)) {
		s->flags = SIGNAL_STOP_STOPPED;
		return true;
	}
	return false;
}

/* Interrupts off on entry (flags f to restore): the current thread stops
 * and sleeps until SIGCONT or SIGKILL. A traced thread's stop is a ptrace
 * stop instead, which its tracer reports and ends; the parent hears of the
 * group's stop unless it is that tracer (Linux's ptrace_stop). */
static void stop_current(uint32_t f)
{
	struct proc *p = current;
	int sig = p->jobctl & JOBCTL_STOP_SIGMASK;
	if (participate_group_stop(p) && !ptrace_traced_by(p, p->group_leader->parent))
		notify_parent_cldstop(p, CLD_STOPPED);
	if (p->pt.tracer) {
		irq_restore(f);
		ptrace_group_stop(sig);
		return;
	}
	p->jobctl |= JOBCTL_STOPPED;
	while (p->jobctl & JOBCTL_STOPPED) {
		p->state = P_SLEEPING;
		p->sleep_state = TASK_STOPPED;
		irq_restore(f);
		schedule();
		f = irq_save();
	}
	p->jobctl &= ~JOBCTL_STOPPED;
	p->state = P_RUNNABLE;
	irq_restore(f);
}

bool do_signal_stop(int sig)
{
	struct proc *p = current;
	if (sig != SIGSTOP && will_become_orphaned_pgrp(p->pgid, NULL))
		return false;
	uint32_t f = irq_save();
	if (!(p->jobctl & JOBCTL_STOP_PENDING)) {
		struct signal_struct *s = task_signal(p);
		if (p->group_exiting) {
			irq_restore(f);
			return false;
		}
		if (!(s->flags & SIGNAL_STOP_STOPPED))
			s->group_exit_code = sig;
		s->group_stop_count = 0;
		for_each_live_thread(p, t) {
			if (t != p && (t->jobctl & JOBCTL_STOPPED))
				continue;
			t->jobctl = (t->jobctl & ~JOBCTL_STOP_SIGMASK) | sig | JOBCTL_STOP_PENDING | JOBCTL_STOP_CONSUME;
			s->group_stop_count++;
			if (t != p)
				signal_wake_up(t);
		}
	}
	stop_current(f);
	return true;
}

void jobctl_take_part(void)
{
	uint32_t f = irq_save();
	if (current->jobctl & JOBCTL_STOP_PENDING)
		stop_current(f);
	else
		irq_restore(f);
}

void jobctl_fork(struct proc *child)
{
	if (!(current->jobctl & JOBCTL_STOP_PENDING))
		return;
	child->jobctl |= (current->jobctl & JOBCTL_STOP_SIGMASK) | JOBCTL_STOP_PENDING | JOBCTL_STOP_CONSUME;
	child->exit_work |= EXIT_WORK_SIGNAL;
	task_signal(child)->group_stop_count++;
}

void jobctl_exit(struct proc *p)
{
	if ((p->jobctl & JOBCTL_STOP_PENDING) && participate_group_stop(p))
		notify_parent_cldstop(p, CLD_STOPPED);
	p->jobctl = 0;
}

int wait_task_stopped(struct wait_opts *wo, struct proc *c)
{
	struct signal_struct *s = task_signal(c);
	if (!(wo->flags & WUNTRACED))
		return 0;
	uint32_t f = irq_save();
	int code = (s->flags & SIGNAL_STOP_STOPPED) ? s->group_exit_code : 0;
	if (code && !(wo->flags & WNOWAIT))
		s->group_exit_code = 0;
	irq_restore(f);
	if (!code)
		return 0;
	wo->status = K_W_STOPCODE(code);
	wo->cause = CLD_STOPPED;
	wo->info_status = code;
	wo->uid = c->uid;
	return c->pid;
}

int wait_task_continued(struct wait_opts *wo, struct proc *c)
{
	struct signal_struct *s = task_signal(c);
	if (!(wo->flags & WCONTINUED))
		return 0;
	uint32_t f = irq_save();
	bool continued = s->flags & SIGNAL_STOP_CONTINUED;
	if (continued && !(wo->flags & WNOWAIT))
		s->flags &= ~SIGNAL_STOP_CONTINUED;
	irq_restore(f);
	if (!continued)
		return 0;
	wo->status = K_W_CONTINUED;
	wo->cause = CLD_CONTINUED;
	wo->info_status = SIGCONT;
	wo->uid = c->uid;
	return c->pid;
}

/* The thread-group leaders of process group pgrp, zombies included. */
#define for_each_pgrp_member(pgrp, p)                                           \
	for (struct proc *p = proc_table; p < proc_table + NPROC; p++)          \
		if (p->state != P_UNUSED && p->state != P_EMBRYO && p == p->group_leader && p->pgid == (pgrp))

bool will_become_orphaned_pgrp(int pgrp, const struct proc *ignore)
{
	for_each_pgrp_member(pgrp, p) {
		if (p == ignore || (p->state == P_ZOMBIE && thread_group_empty(p)) || !p->parent ||
		    p->parent->pid == 1)
			continue;
		if (p->parent->pgid != pgrp && p->parent->sid == p->sid)
			return false;
	}
	return true;
}

static bool has_stopped_jobs(int pgrp)
{
	for_each_pgrp_member(pgrp, p)
		if (p->signal.flags & SIGNAL_STOP_STOPPED)
			return true;
	return false;
}

void kill_pgrp(int pgrp, int sig)
{
	struct k_siginfo info = { .si_signo = sig, .si_code = SI_KERNEL };
	for_each_pgrp_member(pgrp, p)
		if (p->state != P_ZOMBIE)
			group_send_sig_info(sig, &info, p);
}

void kill_orphaned_pgrp(struct proc *tsk, struct proc *parent)
{
	const struct proc *ignore = NULL;
	if (!parent) {
		parent = tsk->parent;
		ignore = tsk;
	}
	if (!parent)
		return;
	int pgrp = tsk->pgid;
	if (parent->pgid != pgrp && parent->sid == tsk->sid && will_become_orphaned_pgrp(pgrp, ignore) &&
	    has_stopped_jobs(pgrp)) {
		kill_pgrp(pgrp, SIGHUP);
		kill_pgrp(pgrp, SIGCONT);
	}
}
