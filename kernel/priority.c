/* priority.c: nice values: getpriority, setpriority and nice, with Linux's
 * rules. Raising one's nice is always allowed; lowering it takes root or an
 * RLIMIT_NICE that allows it (the limit is 20 - nice, so 0 allows nothing);
 * changing another user's processes takes root (EPERM). The scheduler turns
 * nice into a CPU share (sched.c). */
#include "kernel.h"
#include "proc.h"
#include "syscall.h"
#include "uapi/errno.h"
#include "uapi/resource.h"

#define MIN_NICE (-20)
#define MAX_NICE 19

static int clamp_nice(long nice)
{
	return nice < MIN_NICE ? MIN_NICE : nice > MAX_NICE ? MAX_NICE : (int)nice;
}

static bool can_nice(const struct proc *p, int nice)
{
	return current->euid == 0 || (uint64_t)(20 - nice) <= p->rlim[RLIMIT_NICE].rlim_cur;
}

bool prio_matches(const struct proc *p, int which, int who)
{
	if (p->state == P_UNUSED || p->state == P_EMBRYO || p->state == P_ZOMBIE)
		return false;
	switch (which) {
	case PRIO_PROCESS:
		return p->pid == (who ? who : current->pid);
	case PRIO_PGRP:
		return p->pgid == (who ? who : current->pgid);
	default:
		return p->uid == (who ? (uint32_t)who : current->uid);
	}
}

static int set_one_prio(struct proc *p, int nice)
{
	if (current->euid != 0 && p->uid != current->euid && p->euid != current->euid)
		return -EPERM;
	if (nice < p->nice && !can_nice(p, nice))
		return -EACCES;
	sched_set_nice(p, nice);
	return 0;
}

SYSCALL_DEFINE3(setpriority, int, which, int, who, int, niceval)
{
	if (which < PRIO_PROCESS || which > PRIO_USER)
		return -EINVAL;
	int nice = clamp_nice(niceval);
	int err = -ESRCH;
	for (int i = 0; i < NPROC; i++) {
		struct proc *p = &proc_table[i];
		if (!prio_matches(p, which, who))
			continue;
		int r = set_one_prio(p, nice);
		if (err == -ESRCH || r)
			err = r;
	}
	return err;
}

/* The highest priority among the matches, as 20 - nice (1 .. 40): the raw
 * system call never returns a negative success. */
SYSCALL_DEFINE2(getpriority, int, which, int, who)
{
	if (which < PRIO_PROCESS || which > PRIO_USER)
		return -EINVAL;
	long best = -ESRCH;
	for (int i = 0; i < NPROC; i++) {
		struct proc *p = &proc_table[i];
		if (prio_matches(p, which, who) && 20 - p->nice > best)
			best = 20 - p->nice;
	}
	return best;
}

SYSCALL_DEFINE1(nice, int, increment)
{
	/* Bounded first so that the sum cannot overflow. */
	if (increment < -40)
		increment = -40;
	if (increment > 40)
		increment = 40;
	int nice = clamp_nice((long)current->nice + increment);
	if (nice < current->nice && !can_nice(current, nice))
		return -EPERM;
	sched_set_nice(current, nice);
	return 0;
}
