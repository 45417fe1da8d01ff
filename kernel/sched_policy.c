/* sched_policy.c: the scheduling-policy calls with one time-sharing
 * scheduler: sched_{get,set}affinity (struct proc's cpus_allowed, seen
 * through the online CPUs), getcpu, sched_{get,set}scheduler and sched_{get,set}param
 * for the normal policies SCHED_OTHER, SCHED_BATCH and SCHED_IDLE (priority
 * 0; all are scheduled alike here, the policy is recorded and inherited),
 * and sched_get_priority_{max,min}. The real-time policies are refused with
 * EINVAL as a kernel built without them does. Another process may be changed
 * by its owner or root (EPERM); pid 0 is the caller, a missing one ESRCH. */
#include "kernel.h"
#include "proc.h"
#include "syscall.h"
#include "uaccess.h"
#include "uapi/errno.h"
#include "uapi/sched.h"

#define CPUMASK_SIZE 4u                 /* one unsigned long on i386 */

static long find_task(int pid, struct proc **res)
{
	if (pid < 0)
		return -EINVAL;
	*res = pid == 0 ? current : proc_find(pid);
	return *res && (*res)->state != P_ZOMBIE ? 0 : -ESRCH;
}

/* Linux's check_same_owner, or CAP_SYS_NICE. */
static bool may_change(const struct proc *p)
{
	return current->euid == 0 || current->euid == p->euid || current->euid == p->uid;
}

/* Linux's rules: the length a whole number of words, at least one bit per CPU;
 * the answer is the allowed CPUs that are online, its length the kernel's mask's. */
SYSCALL_DEFINE3(sched_getaffinity, int, pid, unsigned int, len, void __user *, mask)
{
	if (len * 8 < nr_cpu_ids || (len & (CPUMASK_SIZE - 1)))
		return -EINVAL;
	struct proc *p;
	long err = find_task(pid, &p);
	if (err)
		return err;
	cpumask_t cpus = p->cpus_allowed & cpu_online_mask;
	return copyout(&cpus, mask, CPUMASK_SIZE) ? -EFAULT : (long)CPUMASK_SIZE;
}

/* A shorter mask than the kernel's is zero-extended, a longer one's extra
 * CPUs (which no machine here has) are ignored. The mask kept is the possible
 * CPUs asked for; it must name an online one (EINVAL). */
SYSCALL_DEFINE3(sched_setaffinity, int, pid, unsigned int, len, const void __user *, mask)
{
	cpumask_t cpus = 0;
	if (copyin(mask, &cpus, MIN(len, CPUMASK_SIZE)))
		return -EFAULT;
	struct proc *p;
	long err = find_task(pid, &p);
	if (err)
		return err;
	if (!may_change(p))
		return -EPERM;
	if (!(cpus & cpu_online_mask))
		return -EINVAL;
	/* A process running on a CPU the mask excludes leaves it at its next
	 * return to user mode (sched.c tells that CPU to reschedule): the
	 * caller before this call returns. */
	sched_set_cpus_allowed(p, cpus & cpu_possible_mask());
	return 0;
}

/* getcpu(2): the CPU the caller runs on (it may have moved by the time it
 * looks) and its NUMA node, 0 on this one-node machine; either pointer may
 * be NULL; the third argument (a cache, unused since Linux 2.6.24) is ignored. */
SYSCALL_DEFINE3(getcpu, unsigned int __user *, cpup, unsigned int __user *, nodep, void __user *, unused)
{
	(void)unused;
	unsigned int cpu = smp_processor_id(), node = 0;
	if (cpup && put_user(cpu, cpup))
		return -EFAULT;
	if (nodep && put_user(node, nodep))
		return -EFAULT;
	return 0;
}

static bool normal_policy(int policy)
{
	return policy == SCHED_OTHER || policy == SCHED_BATCH || policy == SCHED_IDLE;
}

static long set_policy(int pid, int policy, const struct k_sched_param __user *uparam)
{
	struct k_sched_param param;
	if (!uparam || pid < 0)
		return -EINVAL;
	if (copyin(uparam, &param, sizeof param))
		return -EFAULT;
	struct proc *p;
	long err = find_task(pid, &p);
	if (err)
		return err;
	if (policy < 0)
		policy = p->sched_policy;
	policy &= ~SCHED_RESET_ON_FORK;
	if (!normal_policy(policy) || param.sched_priority != 0)
		return -EINVAL;
	if (!may_change(p))
		return -EPERM;
	p->sched_policy = policy;
	return 0;
}

SYSCALL_DEFINE3(sched_setscheduler, int, pid, int, policy, const struct k_sched_param __user *, param)
{
	return policy < 0 ? -EINVAL : set_policy(pid, policy, param);
}

SYSCALL_DEFINE2(sched_setparam, int, pid, const struct k_sched_param __user *, param)
{
	return set_policy(pid, -1, param);
}

SYSCALL_DEFINE1(sched_getscheduler, int, pid)
{
	struct proc *p;
	long err = find_task(pid, &p);
	return err ? err : p->sched_policy;
}

SYSCALL_DEFINE2(sched_getparam, int, pid, struct k_sched_param __user *, uparam)
{
	struct k_sched_param param = { 0 };
	struct proc *p;
	if (!uparam || pid < 0)
		return -EINVAL;
	long err = find_task(pid, &p);
	if (err)
		return err;
	return copyout(&param, uparam, sizeof param) ? -EFAULT : 0;
}

/* Linux answers for every policy it knows, built in or not. */
static long priority_bound(int policy, int rt)
{
	if (policy == SCHED_FIFO || policy == SCHED_RR)
		return rt;
	return normal_policy(policy) ? 0 : -EINVAL;
}

SYSCALL_DEFINE1(sched_get_priority_max, int, policy) { return priority_bound(policy, 99); }
SYSCALL_DEFINE1(sched_get_priority_min, int, policy) { return priority_bound(policy, 1); }
