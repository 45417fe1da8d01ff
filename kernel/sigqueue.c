/* sigqueue.c: the queue of real-time signals. Each instance of a signal
 * from SIGRTMIN up is queued with its siginfo, oldest first, and delivered
 * once; standard signals stay one pending bit each (signal.c). As Linux,
 * the queued instances of a user's processes are held to the target's
 * RLIMIT_SIGPENDING: past it, a real-time signal sent with a negative
 * si_code (sigqueue, tgkill) is EAGAIN and one from kill() or the kernel
 * arrives without its siginfo. Also rt_sigqueueinfo and rt_tgsigqueueinfo. */
#include "kernel.h"
#include "mm/kmalloc.h"
#include "proc.h"
#include "syscall.h"
#include "uapi/errno.h"
#include "uapi/resource.h"
#include "uapi/signal.h"
#include "x86/x86.h"

struct sigqueue {
	struct list_head list;
	struct k_siginfo info;
};

static uint64_t queued_by_user(uint32_t uid)
{
	uint64_t n = 0;
	for (int i = 0; i < NPROC; i++)
		if (proc_table[i].state != P_UNUSED && proc_table[i].uid == uid)
			n += proc_table[i].sigqueue_len;
	return n;
}

int sigqueue_add(struct proc *p, const struct k_siginfo *info)
{
	if (queued_by_user(p->uid) + 1 > p->rlim[RLIMIT_SIGPENDING].rlim_cur)
		return -EAGAIN;
	struct sigqueue *q = kmalloc(sizeof(*q));
	if (!q)
		return -EAGAIN;
	q->info = *info;
	uint32_t f = irq_save();
	list_add_tail(&q->list, &p->sigqueue);
	p->sigqueue_len++;
	irq_restore(f);
	return 0;
}

bool sigqueue_take(struct proc *p, int sig, struct k_siginfo *info, bool *more)
{
	bool found = false;
	*more = false;
	uint32_t f = irq_save();
	struct sigqueue *q, *n;
	list_for_each_entry_safe(q, n, &p->sigqueue, list) {
		if (q->info.si_signo != sig)
			continue;
		if (found) {
			*more = true;
			break;
		}
		*info = q->info;
		list_del(&q->list);
		p->sigqueue_len--;
		kfree(q);
		found = true;
	}
	irq_restore(f);
	return found;
}

void sigqueue_flush(struct proc *p, int sig)
{
	uint32_t f = irq_save();
	struct sigqueue *q, *n;
	list_for_each_entry_safe(q, n, &p->sigqueue, list) {
		if (sig && q->info.si_signo != sig)
			continue;
		list_del(&q->list);
		p->sigqueue_len--;
		kfree(q);
	}
	irq_restore(f);
}

/* Linux's do_rt_sigqueueinfo: a user may not forge what kill() or the kernel
 * would send (si_code >= 0) or tkill's SI_TKILL to another process. */
static long queue_info(int pid, int sig, const struct k_siginfo __user *uinfo)
{
	struct k_siginfo info;
	if (copyin(uinfo, &info, sizeof(info)))
		return -EFAULT;
	if ((info.si_code >= 0 || info.si_code == SI_TKILL) && pid != current->pid)
		return -EPERM;
	info.si_signo = sig;
	return kill_one_info(pid, sig, &info);
}

SYSCALL_DEFINE3(rt_sigqueueinfo, int, pid, int, sig, const struct k_siginfo *, uinfo)
{
	return queue_info(pid, sig, uinfo);
}

/* Threads are processes here: a thread id is a pid. */
SYSCALL_DEFINE4(rt_tgsigqueueinfo, int, tgid, int, tid, int, sig, const struct k_siginfo *, uinfo)
{
	if (tgid <= 0 || tid <= 0)
		return -EINVAL;
	return tgid == tid ? queue_info(tid, sig, uinfo) : -ESRCH;
}
