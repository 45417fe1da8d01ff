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

#define IOPRIO_BE_NORM 4

/* Linux's ioprio_best: the higher priority of two, a process with no class
 * (IOPRIO_CLASS_NONE) counting as best-effort at the normal level. */
static int ioprio_best(int a, int b)
{
	const int norm = (IOPRIO_CLASS_BE << IOPRIO_CLASS_SHIFT) | IOPRIO_BE_NORM;
	if (!(a >> IOPRIO_CLASS_SHIFT))
		a = norm;
	if (!(b >> IOPRIO_CLASS_SHIFT))
		b = norm;
	return MIN(a, b);
}

/* For a group or a user, the best of its processes', as Linux: one match's
 * own value, several combined with ioprio_best. */
SYSCALL_DEFINE2(ioprio_get, int, which, int, who)
{
	if (which < IOPRIO_WHO_PROCESS || which > IOPRIO_WHO_USER)
		return -EINVAL;
	int ret = -ESRCH;
	for (int i = 0; i < NPROC; i++)
		if (matches(&proc_table[i], which, who))
			ret = ret == -ESRCH ? proc_table[i].ioprio : ioprio_best(ret, proc_table[i].ioprio);
	return ret;
}
