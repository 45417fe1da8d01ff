/* ioprio.c: ioprio_set and ioprio_get, as Linux's block/ioprio.c: a class
 * (IOPRIO_CLASS_NONE, RT, BE, IDLE) and a level 0-7 per process, found by
 * pid, process group or user; recorded and inherited (there is no disk
 * scheduler to honour it). The real-time class takes CAP_SYS_ADMIN, another
 * user's process root. */
#include "kernel.h"
#include "proc.h"
#include "syscall.h"
#include "uapi/capability.h"
#include "uapi/errno.h"
#include "uapi/resource.h"
#include "uapi/sched.h"

#define IOPRIO_CLASS_SHIFT 13
#define IOPRIO_CLASS_NONE 0
#define IOPRIO_CLASS_RT 1
#define IOPRIO_CLASS_BE 2
#define IOPRIO_CLASS_IDLE 3
#define IOPRIO_NR_LEVELS 8
#define IOPRIO_WHO_PROCESS 1
#define IOPRIO_WHO_PGRP 2
#define IOPRIO_WHO_USER 3

/* Linux's ioprio_check_cap. */
static int ioprio_check(int ioprio)
{
	int class = ioprio >> IOPRIO_CLASS_SHIFT, data = ioprio & ((1 << IOPRIO_CLASS_SHIFT) - 1);
	switch (class) {
	case IOPRIO_CLASS_RT:
		if (!capable(CAP_SYS_ADMIN))
			return -EPERM;
		__attribute__((fallthrough));  /* the level's range is BE's */
	case IOPRIO_CLASS_BE:
		return data >= IOPRIO_NR_LEVELS ? -EINVAL : 0;
	case IOPRIO_CLASS_IDLE:
		return 0;
	case IOPRIO_CLASS_NONE:
		return data ? -EINVAL : 0;
	default:
		return -EINVAL;
	}
}

/* IOPRIO_WHO_* are PRIO_* plus one. */
static bool matches(const struct proc *p, int which, int who)
{
	return prio_matches(p, which - IOPRIO_WHO_PROCESS + PRIO_PROCESS, who);
}

SYSCALL_DEFINE3(ioprio_set, int, which, int, who, int, ioprio)
{
	if (which < IOPRIO_WHO_PROCESS || which > IOPRIO_WHO_USER)
		return -EINVAL;
	int err = ioprio_check(ioprio);
	if (err)
		return err;
	err = -ESRCH;
	for (int i = 0; i < NPROC; i++) {
		struct proc *p = &proc_table[i];
		if (!matches(p, which, who))
			continue;
		if (current->euid != 0 && current->euid != p->uid && current->uid != p->uid)
			return -EPERM;
		p->ioprio = ioprio;
		err = 0;
	}
	return err;
}

/* The priority p's I/O would get (Linux's __get_task_ioprio): without a
 * class of its own, the one its scheduling gives (idle for SCHED_IDLE,
 * real-time for FIFO and RR, best-effort otherwise) at the level of its nice
 * value, (nice + 20) / 5. */
static int effective_ioprio(const struct proc *p)
{
	if (p->ioprio >> IOPRIO_CLASS_SHIFT)
		return p->ioprio;
	int class = p->sched_policy == SCHED_IDLE ? IOPRIO_CLASS_IDLE :
		    p->sched_policy == SCHED_FIFO || p->sched_policy == SCHED_RR ? IOPRIO_CLASS_RT :
		    IOPRIO_CLASS_BE;
	return (class << IOPRIO_CLASS_SHIFT) | ((p->nice + 20) / 5);
}

/* A process's own value (class NONE stays NONE); for a group or a user the
 * best, the lowest, of its processes' effective priorities, as Linux 6.1. */
SYSCALL_DEFINE2(ioprio_get, int, which, int, who)
{
	if (which < IOPRIO_WHO_PROCESS || which > IOPRIO_WHO_USER)
		return -EINVAL;
	int best = -ESRCH;
	for (int i = 0; i < NPROC; i++) {
		const struct proc *p = &proc_table[i];
		if (!matches(p, which, who))
			continue;
		int prio = which == IOPRIO_WHO_PROCESS ? p->ioprio : effective_ioprio(p);
		if (best == -ESRCH || prio < best)
			best = prio;
	}
	return best;
}
