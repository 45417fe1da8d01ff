/* resource.c: resource limits (getrlimit/ugetrlimit/setrlimit/prlimit64) and
 * usage. Enforced where Linux does: RLIMIT_NOFILE by the fd table, NPROC by
 * fork, FSIZE by write and truncate (fs/fsize.c), CPU by the tick
 * (cpu_limit.c), AS and DATA by mmap and brk (mm/vm_limits.c), CORE by the
 * core dump (coredump.c).
 * Every process starts with Linux's defaults and inherits its parent's. */
#include "kernel.h"
#include "fs/fdtable.h"
#include "proc.h"
#include "syscall.h"
#include "x86/timer.h"
#include "uapi/errno.h"
#include "uapi/resource.h"

void rlimits_init(struct proc *p)
{
	for (int i = 0; i < RLIM_NLIMITS; i++)
		p->rlim[i] = (struct k_rlimit64){ K_RLIM64_INFINITY, K_RLIM64_INFINITY };
	p->rlim[RLIMIT_NOFILE] = (struct k_rlimit64){ NOFILE, NOFILE };
	p->rlim[RLIMIT_STACK] = (struct k_rlimit64){ 8u << 20, K_RLIM64_INFINITY };
	p->rlim[RLIMIT_CORE] = (struct k_rlimit64){ 0, K_RLIM64_INFINITY };
	/* Linux derives these from memory; bounded, they keep one user from
	 * filling the process table or the kernel heap with queued signals. */
	p->rlim[RLIMIT_NPROC] = (struct k_rlimit64){ NPROC, NPROC };
	p->rlim[RLIMIT_SIGPENDING] = (struct k_rlimit64){ 1024, 1024 };
	p->rlim[RLIMIT_NICE] = (struct k_rlimit64){ 0, 0 };
}

/* Raising a hard limit takes root: the caller's, whoever p is. */
static int set_limit(struct proc *p, int res, const struct k_rlimit64 *new)
{
	if (new->rlim_cur > new->rlim_max)
		return -EINVAL;
	if (new->rlim_max > p->rlim[res].rlim_max && current->euid != 0)
		return -EPERM;
	if (res == RLIMIT_NOFILE && new->rlim_max > NOFILE)
		return -EPERM;
	p->rlim[res] = *new;
	return 0;
}

static uint32_t clamp32(uint64_t v)
{
	return v >= K_RLIM_INFINITY ? K_RLIM_INFINITY : (uint32_t)v;
}

/* res's limits, each at most top, to the user. */
static int put_rlimit32(unsigned res, struct k_rlimit *ulim, uint32_t top)
{
	if (res >= RLIM_NLIMITS)
		return -EINVAL;
	struct k_rlimit l = { MIN(clamp32(current->rlim[res].rlim_cur), top),
			      MIN(clamp32(current->rlim[res].rlim_max), top) };
	return copyout(&l, ulim, sizeof(l)) ? -EFAULT : 0;
}

SYSCALL_DEFINE2(ugetrlimit, unsigned, res, struct k_rlimit *, ulim)
{
	return put_rlimit32(res, ulim, K_RLIM_INFINITY);
}

/* i386's old getrlimit (76), from when RLIM_INFINITY was 0x7fffffff: larger
 * values read as that, as Linux's old_getrlimit. */
SYSCALL_DEFINE2(getrlimit, unsigned, res, struct k_rlimit *, ulim)
{
	return put_rlimit32(res, ulim, 0x7fffffffu);
}

SYSCALL_DEFINE2(setrlimit, unsigned, res, const struct k_rlimit *, ulim)
{
	struct k_rlimit l;
	if (res >= RLIM_NLIMITS)
		return -EINVAL;
	if (copyin(ulim, &l, sizeof(l)))
		return -EFAULT;
	struct k_rlimit64 l64 = {
		l.rlim_cur == K_RLIM_INFINITY ? K_RLIM64_INFINITY : l.rlim_cur,
		l.rlim_max == K_RLIM_INFINITY ? K_RLIM64_INFINITY : l.rlim_max,
	};
	return set_limit(current, res, &l64);
}

SYSCALL_DEFINE4(prlimit64, int, pid, unsigned, res, const struct k_rlimit64 *, unew, struct k_rlimit64 *, uold)
{
	struct proc *p = pid ? proc_find(pid) : current;
	struct k_rlimit64 n;
	if (!p)
		return -ESRCH;
	if (res >= RLIM_NLIMITS)
		return -EINVAL;
	/* Linux's check_prlimit_permission: another process's limits are
	 * root's business, or the caller's if all the target's ids are its. */
	if (p != current && current->euid != 0 &&
	    (p->uid != current->uid || p->euid != current->uid || p->suid != current->uid ||
	     p->gid != current->gid || p->egid != current->gid || p->sgid != current->gid))
		return -EPERM;
	if (unew && copyin(unew, &n, sizeof(n)))
		return -EFAULT;
	struct k_rlimit64 old = p->rlim[res];
	if (unew) {
		int r = set_limit(p, res, &n);
		if (r)
			return r;
	}
	if (uold && copyout(&old, uold, sizeof(old)))
		return -EFAULT;
	return 0;
}

SYSCALL_DEFINE2(getrusage, int, who, struct k_rusage *, uru)
{
	struct k_rusage ru = { 0 };
	uint32_t ut = current->utime, st = current->stime;     /* RUSAGE_THREAD */
	if (who == RUSAGE_SELF)
		thread_group_cputime(current, &ut, &st);
	else if (who == RUSAGE_CHILDREN) {
		ut = current->group_leader->cutime;
		st = current->group_leader->cstime;
	} else if (who != RUSAGE_THREAD)
		return -EINVAL;
	ru.ru_utime.tv_sec = ut / HZ;
	ru.ru_utime.tv_usec = ut % HZ * (1000000 / HZ);
	ru.ru_stime.tv_sec = st / HZ;
	ru.ru_stime.tv_usec = st % HZ * (1000000 / HZ);
	return copyout(&ru, uru, sizeof(ru)) ? -EFAULT : 0;
}
