/* thread_group.c: what a thread group shares beyond its memory and files: execve from any of its
 * threads (Linux's de_thread: the others die and the caller becomes the leader, taking the
 * group's id) and the group's CPU time (times, getrusage: the live threads' plus what the exited
 * ones left with the leader). */
#include "kernel.h"
#include "proc.h"
#include "waitqueue.h"
#include "x86/x86.h"

/* Whether every thread of p's group but p has exited (zombies count as gone). */
bool thread_group_others_gone(const struct proc *p)
{
	for (int i = 0; i < NPROC; i++) {
		const struct proc *q = &proc_table[i];
		if (q != p && q->tgid == p->tgid && q->state != P_UNUSED && q->state != P_ZOMBIE)
			return false;
	}
	return true;
}

/* The leader is a zombie waiting for the group: p takes its place (its pid, parent, exit signal
 * and children) and the old leader goes without a report, as Linux's de_thread. */
static void take_leadership(struct proc *p)
{
	struct proc *leader = p->group_leader;
	uint32_t f = irq_save();
	int tid = p->pid;
	p->pid = leader->pid;
	leader->pid = tid;
	p->group_leader = p;
	p->parent = leader->parent;
	p->exit_signal = leader->exit_signal;
	p->start_jiffies = leader->start_jiffies;
	p->utime += leader->utime + leader->group_dead_utime;
	p->stime += leader->stime + leader->group_dead_stime;
	p->cutime = leader->cutime;
	p->cstime = leader->cstime;
	for (int i = 0; i < NPROC; i++)
		if (proc_table[i].state != P_UNUSED && proc_table[i].parent == leader)
			proc_table[i].parent = p;
	irq_restore(f);
	proc_free(leader);
}

void de_thread(struct proc *p)
{
	zap_other_threads(p);
	/* SIGKILL woke them; each dies on its way back to user mode, so give them the CPU. Killed
	 * meanwhile ourselves (another thread's exec or exit_group), we die on ours instead. */
	while (!thread_group_others_gone(p)) {
		if (p->sig_pending & (1ull << (SIGKILL - 1)))
			return;
		schedule_timeout(1);
	}
	if (p->group_leader != p)
		take_leadership(p);
}

/* An exiting thread other than the leader leaves its CPU time to the group. */
void thread_group_account_exit(struct proc *p)
{
	if (p != p->group_leader) {
		p->group_leader->group_dead_utime += p->utime;
		p->group_leader->group_dead_stime += p->stime;
	}
}

void thread_group_cputime(const struct proc *p, uint32_t *ut, uint32_t *st)
{
	const struct proc *leader = p->group_leader;
	*ut = leader->group_dead_utime;
	*st = leader->group_dead_stime;
	for (int i = 0; i < NPROC; i++) {
		const struct proc *q = &proc_table[i];
		if (q->state != P_UNUSED && q->tgid == p->tgid) {
			*ut += q->utime;
			*st += q->stime;
		}
	}
}
