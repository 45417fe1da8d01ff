/* sigtimedwait.c: rt_sigtimedwait and rt_sigtimedwait_time64, taking a pending signal of a set
 * without a handler (sigwait, sigwaitinfo, sigtimedwait). As Linux, the waiter unblocks the set
 * while it sleeps, so a signal sent to its process picks it as the thread to take it
 * (signal.c's group_signal_target). Pending sets are per thread here, so one already pending in
 * another thread of the group that blocks it is taken from there, as Linux's shared queue would
 * give it. */
#include "kernel.h"
#include "errno.h"
#include "proc.h"
#include "syscall.h"
#include "time.h"
#include "uaccess.h"
#include "waitqueue.h"
#include "uapi/signal.h"
#include "x86/x86.h"

#define SIGBIT(sig) (1ull << ((sig) - 1))

static DECLARE_WAIT_QUEUE_HEAD(sigwait_queue);	/* never woken: signals end the sleep */

/* The lowest signal of set pending in p, or blocked and pending in another thread of its group;
 * 0 if none. */
static int dequeue(struct proc *p, uint64_t set, struct k_siginfo *info)
{
	int sig = 0;
	uint32_t f = irq_save();

	for (int i = -1; i < NPROC && !sig; i++) {
		struct proc *t = i < 0 ? p : &proc_table[i];
		uint64_t ready;

		if (t->state == P_UNUSED || t->state == P_EMBRYO || t->state == P_ZOMBIE || t->tgid != p->tgid)
			continue;
		ready = t->sig_pending & set & (t == p ? ~0ull : t->sig_blocked);
		if (ready) {
			sig = __builtin_ctzll(ready) + 1;
			*info = take_signal(t, sig);
		}
	}
	irq_restore(f);
	return sig;
}

static long do_sigtimedwait(const uint64_t __user *uset, struct k_siginfo __user *uinfo,
			    const void __user *uts, size_t setsize, bool wide)
{
	struct proc *p = current;
	struct k_siginfo info;
	uint64_t set, blocked;
	int64_t ns = -1;
	long ticks = -1;
	int sig;

	if (setsize != K_SIGSET_BYTES)
		return -EINVAL;
	if (copyin(uset, &set, sizeof(set)))
		return -EFAULT;
	set &= ~(SIGBIT(SIGKILL) | SIGBIT(SIGSTOP));
	if (uts) {
		int r = copyin_timespec(uts, wide, &ns);
		if (r)
			return r;
		int64_t j = ns_to_jiffies(ns);
		ticks = j > INT32_MAX ? INT32_MAX : (long)j;
	}
	sig = dequeue(p, set, &info);
	if (!sig && ns != 0) {
		blocked = p->sig_blocked;
		p->sig_blocked &= ~set;
		long r = wait_event_interruptible_timeout(sigwait_queue, false, ticks);
		p->sig_blocked = blocked;
		sig = dequeue(p, set, &info);
		if (!sig)
			return r < 0 ? -EINTR : -EAGAIN;
	}
	if (!sig)
		return -EAGAIN;
	if (uinfo && copyout(&info, uinfo, sizeof(info)))
		return -EFAULT;
	return sig;
}

SYSCALL_DEFINE4(rt_sigtimedwait, const uint64_t *, uset, struct k_siginfo *, uinfo,
		const struct k_timespec32 *, uts, size_t, setsize)
{
	return do_sigtimedwait(uset, uinfo, uts, setsize, false);
}

SYSCALL_DEFINE4(rt_sigtimedwait_time64, const uint64_t *, uset, struct k_siginfo *, uinfo,
		const struct k_timespec64 *, uts, size_t, setsize)
{
	return do_sigtimedwait(uset, uinfo, uts, setsize, true);
}
