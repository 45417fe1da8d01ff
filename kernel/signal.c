/* signal.c: signals. Generation (kill, faults, SIGCHLD, the tty's ^C) marks a
 * signal pending and wakes an interruptible sleeper; delivery happens on the
 * way back to user mode: default actions, or a Linux i386 signal frame
 * (sigframe for plain handlers, rt_sigframe for SA_SIGINFO) on the user stack
 * with the registers and FPU state that sigreturn/rt_sigreturn restore (all
 * the deliverable signals at once, the frames stacked, as Linux). A
 * system call interrupted by a signal returns EINTR, or restarts when the
 * handler has SA_RESTART or when no handler runs at all. */
#include "kernel.h"
#include "x86/cpu.h"
#include "jobctl.h"
#include "proc.h"
#include "syscall.h"
#include "x86/timer.h"
#include "mm/mm_struct.h"
#include "vdso/vdso.h"
#include "errno.h"
#include "uapi/signal.h"
#include "coredump.h"
#include "uapi/syscall_nr.h"
#include "x86/x86.h"

#define SIGBIT(sig) (1ull << ((sig) - 1))
#define UNBLOCKABLE (SIGBIT(SIGKILL) | SIGBIT(SIGSTOP))

/* Plain handlers' frame (sigreturn finds it at esp - 8: the handler's return
 * popped pretcode and the restorer popped sig). */
struct sigframe {
	uint32_t pretcode;
	int sig;
	struct k_sigcontext sc;
	uint32_t extramask;
	char retcode[8];
};

static bool default_ignored(int sig)
{
	return sig == SIGCHLD || sig == SIGURG || sig == SIGWINCH || sig == SIGCONT;
}

static bool ignored(struct proc *p, int sig)
{
	void *h = p->sighand->action[sig].handler;
	return h == (void *)SIG_IGN || (h == (void *)SIG_DFL && default_ignored(sig));
}

bool signal_pending(struct proc *p)
{
	return (p->sig_pending & ~(p->sig_blocked & ~UNBLOCKABLE)) != 0 || (p->jobctl & JOBCTL_STOP_PENDING);
}

/* forced: a fault of p's own, which must be delivered whatever p's handler. */
static int generate_signal(struct proc *p, int sig, const struct k_siginfo *info, bool forced)
{
	if (sig < 1 || sig > _NSIG)
		return -EINVAL;
	uint32_t f = irq_save();
	jobctl_prepare_signal(p, sig);
	/* An ignored signal is dropped when sent, so it never interrupts a sleep.
	 * So is one that would kill init (even SIGKILL), as Linux protects it:
	 * its end would be the kernel's. */
	bool init_default = p->pid == 1 && p->sighand->action[sig].handler == (void *)SIG_DFL && !forced;
	/* A tracer sees even the ignored ones (at delivery). */
	bool drop = ignored(p, sig) && !(p->sig_blocked & SIGBIT(sig)) && sig != SIGKILL && !p->pt.tracer;
	if (init_default || drop) {
		irq_restore(f);
		return 0;
	}
	struct k_siginfo kinfo = { .si_signo = sig, .si_code = SI_KERNEL };
	if (!info)
		info = &kinfo;
	if (sig >= SIGRTMIN) {
		/* Over RLIMIT_SIGPENDING: only kill() and the kernel may still send
		 * it, without its siginfo. */
		if (sigqueue_add(p, info) && info != &kinfo && info->si_code != SI_USER) {
			irq_restore(f);
			return -EAGAIN;
		}
		p->sig_pending |= SIGBIT(sig);
	} else if (!(p->sig_pending & SIGBIT(sig))) {
		p->sig_pending |= SIGBIT(sig);
		p->siginfo[sig - 1] = *info;
	}
	p->exit_work |= EXIT_WORK_SIGNAL;
	if (signal_pending(p) && p->state == P_SLEEPING &&
	    (p->sleep_state == TASK_INTERRUPTIBLE || sig == SIGKILL))
		wake_process(p);
	irq_restore(f);
	return 0;
}

int send_signal(struct proc *p, int sig, const struct k_siginfo *info)
{
	return generate_signal(p, sig, info, false);
}

/* A fault in user mode: the signal cannot be blocked or ignored, as on Linux. */
void force_signal(int sig, int code, uint32_t addr)
{
	struct proc *p = current;
	struct k_sigaction *act = &p->sighand->action[sig];
	if (act->handler == (void *)SIG_IGN || (p->sig_blocked & SIGBIT(sig)))
		act->handler = (void *)SIG_DFL;
	p->sig_blocked &= ~SIGBIT(sig);
	struct k_siginfo info = { .si_signo = sig, .si_code = code };
	info.si_addr = (void *)addr;
	generate_signal(p, sig, &info, true);
}

void signals_reset_on_exec(struct proc *p)
{
	for (int s = 1; s <= _NSIG; s++) {
		struct k_sigaction *a = &p->sighand->action[s];
		bool ign = a->handler == (void *)SIG_IGN;
		*a = (struct k_sigaction){ .handler = ign ? (void *)SIG_IGN : (void *)SIG_DFL };
	}
}

static void save_sigcontext(struct k_sigcontext *sc, const struct trapframe *tf, uint32_t mask,
			    uint32_t fpstate)
{
	*sc = (struct k_sigcontext){
		.gs = tf->gs, .fs = tf->fs, .es = tf->es, .ds = tf->ds,
		.edi = tf->edi, .esi = tf->esi, .ebp = tf->ebp, .esp = tf->esp,
		.ebx = tf->ebx, .edx = tf->edx, .ecx = tf->ecx, .eax = tf->eax,
		.trapno = tf->trapno, .err = tf->err, .eip = tf->eip, .cs = tf->cs,
		.eflags = tf->eflags, .esp_at_signal = tf->esp, .ss = tf->ss,
		.fpstate = fpstate, .oldmask = mask, .cr2 = rcr2(),
	};
}

/* Restores user registers from a sigcontext; segment selectors must stay
 * ring-3 user selectors, and the flags only the ones user code may change. */
static int restore_sigcontext(struct trapframe *tf, const struct k_sigcontext *sc)
{
	uint32_t user_flags = EFLAGS_CF | EFLAGS_PF | EFLAGS_AF | EFLAGS_ZF | EFLAGS_SF | EFLAGS_TF |
			      EFLAGS_DF | EFLAGS_OF;
	tf->edi = sc->edi, tf->esi = sc->esi, tf->ebp = sc->ebp, tf->esp = sc->esp;
	tf->ebx = sc->ebx, tf->edx = sc->edx, tf->ecx = sc->ecx, tf->eax = sc->eax;
	tf->eip = sc->eip;
	tf->eflags = (tf->eflags & ~user_flags) | (sc->eflags & user_flags);
	tf->gs = sc->gs;                    /* trap() checks them before they are reloaded */
	tf->fs = sc->fs;
	current->exit_work |= EXIT_WORK_SELECTORS;
	if (sc->fpstate && cpu_has_fxsr) {
		uint8_t fx[512] __attribute__((aligned(16)));
		if (copyin((void *)sc->fpstate, fx, sizeof(fx)))
			return -EFAULT;
		*(uint32_t *)(fx + 24) &= 0xffbf;   /* MXCSR: no reserved bits, or fxrstor faults */
		__asm__ volatile("fxrstor %0" : : "m"(fx));
	}
	return 0;
}

static uint32_t push_fpstate(uint32_t sp)
{
	if (!cpu_has_fxsr)
		return 0;
	uint8_t fx[512] __attribute__((aligned(16)));
	__asm__ volatile("fxsave %0" : "=m"(fx));
	uint32_t at = (sp - sizeof(fx)) & ~15u;
	return copyout(fx, (void *)at, sizeof(fx)) ? 1 : at;
}

/* Where the handler returns: its SA_RESTORER, else, as Linux, the vDSO's
 * sigreturn (0, a fault, in a process that has unmapped its vDSO). */
static uint32_t restorer(const struct k_sigaction *act, bool rt)
{
	if (act->flags & SA_RESTORER)
		return (uint32_t)act->restorer;
	return vdso_entry(current->mm->mmap, rt ? VDSO_RT_SIGRETURN : VDSO_SIGRETURN);
}

/* Builds the handler's frame; false if the user stack is unusable. */
static bool setup_frame(int sig, struct k_sigaction *act, const struct k_siginfo *info,
			struct trapframe *tf)
{
	uint64_t oldmask = current->restore_sigmask ? current->saved_sigmask : current->sig_blocked;
	current->restore_sigmask = false;
	uint32_t fp = push_fpstate(tf->esp - 128);
	if (fp == 1)
		return false;
	uint32_t sp = fp ? fp : tf->esp - 128;
	if (act->flags & SA_SIGINFO) {
		struct k_rt_sigframe fr = { 0 };
		uint32_t at = ((sp - sizeof(fr)) & ~15u) - 4;
		fr.pretcode = restorer(act, true);
		fr.sig = sig;
		fr.pinfo = at + offsetof(struct k_rt_sigframe, info);
		fr.puc = at + offsetof(struct k_rt_sigframe, uc);
		fr.info = *info;
		save_sigcontext(&fr.uc.uc_mcontext, tf, (uint32_t)oldmask, fp);
		fr.uc.uc_sigmask[0] = (uint32_t)oldmask;
		fr.uc.uc_sigmask[1] = (uint32_t)(oldmask >> 32);
		if (copyout(&fr, (void *)at, sizeof(fr)))
			return false;
		tf->esp = at;
		tf->eax = sig;
		tf->edx = fr.pinfo;
		tf->ecx = fr.puc;
	} else {
		struct sigframe fr = { 0 };
		uint32_t at = ((sp - sizeof(fr)) & ~15u) - 4;
		fr.pretcode = restorer(act, false);
		fr.sig = sig;
		save_sigcontext(&fr.sc, tf, (uint32_t)oldmask, fp);
		fr.extramask = (uint32_t)(oldmask >> 32);
		if (copyout(&fr, (void *)at, sizeof(fr)))
			return false;
		tf->esp = at;
		tf->eax = sig;
	}
	tf->eip = (uint32_t)act->handler;
	tf->cs = UCODE_SEL;
	tf->ds = tf->es = tf->ss = UDATA_SEL;
	tf->eflags &= ~EFLAGS_DF;           /* DF clear, as the ABI promises a function */
	uint64_t mask = ((uint64_t)act->mask[1] << 32) | act->mask[0];
	if (!(act->flags & SA_NODEFER))
		mask |= SIGBIT(sig);
	current->sig_blocked |= mask & ~UNBLOCKABLE;
	if (act->flags & SA_RESETHAND)
		act->handler = (void *)SIG_DFL;
	return true;
}

static bool is_restart_code(uint32_t eax)
{
	return eax == (uint32_t)-ERESTARTSYS || eax == (uint32_t)-ERESTARTNOHAND;
}

static void restart_syscall(struct trapframe *tf)
{
	tf->eax = current->syscall_nr;
	tf->eip -= 2;                       /* back onto the int $0x80 */
}

static _Noreturn void die_by_signal(int sig, const struct trapframe *tf)
{
	do_group_exit((sig & 0x7f) | do_coredump(sig, tf));
}

/* Dequeues one instance of sig: a real-time signal stays pending while more
 * are queued; one that lost its siginfo reads as from kill(), as Linux. */
struct k_siginfo take_signal(struct proc *p, int sig)
{
	if (sig < SIGRTMIN) {
		p->sig_pending &= ~SIGBIT(sig);
		return p->siginfo[sig - 1];
	}
	struct k_siginfo info = { .si_signo = sig, .si_code = SI_USER };
	bool more;
	sigqueue_take(p, sig, &info, &more);
	if (!more)
		p->sig_pending &= ~SIGBIT(sig);
	return info;
}

void signals_deliver(struct trapframe *tf)
{
	struct proc *p = current;
	bool in_syscall = tf->trapno == T_SYSCALL && is_restart_code(tf->eax);
	for (;;) {
		jobctl_take_part();
		uint32_t f = irq_save();
		uint64_t ready = p->sig_pending & ~(p->sig_blocked & ~UNBLOCKABLE);
		if (!ready) {
			irq_restore(f);
			break;
		}
		int sig = __builtin_ctzll(ready) + 1;
		struct k_siginfo info = take_signal(p, sig);
		irq_restore(f);

		sig = ptrace_signal(sig, &info);
		if (!sig)
			continue;
		struct k_sigaction *act = &p->sighand->action[sig];
		if (ignored(p, sig))
			continue;
		if (act->handler == (void *)SIG_DFL && sig_kernel_stop(sig)) {
			do_signal_stop(sig);
			continue;
		}
		if (act->handler == (void *)SIG_DFL)
			die_by_signal(sig, tf);
		if (in_syscall) {
			if (tf->eax == (uint32_t)-ERESTARTSYS && (act->flags & SA_RESTART))
				restart_syscall(tf);
			else
				tf->eax = -EINTR;
			in_syscall = false;
		}
		if (!setup_frame(sig, act, &info, tf))
			die_by_signal(SIGSEGV, tf);
		/* As Linux, every signal still deliverable gets its frame now,
		 * each on top of the last: the last one's handler runs first. */
	}
	if (in_syscall)
		restart_syscall(tf);
	if (p->restore_sigmask) {
		p->sig_blocked = p->saved_sigmask;
		p->restore_sigmask = false;
	}
}

SYSCALL_DEFINE0(sigreturn)
{
	struct trapframe *tf = current->tf;
	struct sigframe fr;
	if (copyin((void *)(tf->esp - 8), &fr, sizeof(fr)) || restore_sigcontext(tf, &fr.sc))
		do_group_exit(SIGSEGV);
	current->sig_blocked = (((uint64_t)fr.extramask << 32) | fr.sc.oldmask) & ~UNBLOCKABLE;
	return tf->eax;
}

SYSCALL_DEFINE0(rt_sigreturn)
{
	struct trapframe *tf = current->tf;
	struct k_rt_sigframe fr;
	if (copyin((void *)(tf->esp - 4), &fr, sizeof(fr)) || restore_sigcontext(tf, &fr.uc.uc_mcontext))
		do_group_exit(SIGSEGV);
	current->sig_blocked = (((uint64_t)fr.uc.uc_sigmask[1] << 32) | fr.uc.uc_sigmask[0]) & ~UNBLOCKABLE;
	return tf->eax;
}

SYSCALL_DEFINE4(rt_sigaction, int, sig, const struct k_sigaction *, uact, struct k_sigaction *, uoact,
		size_t, setsize)
{
	struct k_sigaction act;
	if (setsize != K_SIGSET_BYTES || sig < 1 || sig > _NSIG)
		return -EINVAL;
	if (uact && copyin(uact, &act, sizeof(act)))
		return -EFAULT;
	if (uact && (sig == SIGKILL || sig == SIGSTOP))
		return -EINVAL;
	if (uoact && copyout(&current->sighand->action[sig], uoact, sizeof(act)))
		return -EFAULT;
	if (uact) {
		current->sighand->action[sig] = act;
		/* Setting SIG_IGN discards what is pending (POSIX). */
		if (ignored(current, sig)) {
			current->sig_pending &= ~SIGBIT(sig);
			sigqueue_flush(current, sig);
		}
	}
	return 0;
}

static int change_mask(int how, uint64_t set)
{
	uint64_t *m = &current->sig_blocked;
	switch (how) {
	case SIG_BLOCK:
		*m |= set;
		break;
	case SIG_UNBLOCK:
		*m &= ~set;
		break;
	case SIG_SETMASK:
		*m = set;
		break;
	default:
		return -EINVAL;
	}
	*m &= ~UNBLOCKABLE;
	return 0;
}

SYSCALL_DEFINE4(rt_sigprocmask, int, how, const uint64_t *, uset, uint64_t *, uoset, size_t, setsize)
{
	uint64_t set, old = current->sig_blocked;
	if (setsize != K_SIGSET_BYTES)
		return -EINVAL;
	if (uset && copyin(uset, &set, sizeof(set)))
		return -EFAULT;
	if (uset) {
		int r = change_mask(how, set);
		if (r)
			return r;
	}
	if (uoset && copyout(&old, uoset, sizeof(old)))
		return -EFAULT;
	return 0;
}

SYSCALL_DEFINE2(rt_sigpending, uint64_t *, uset, size_t, setsize)
{
	uint64_t pend = current->sig_pending & current->sig_blocked;
	if (setsize > K_SIGSET_BYTES)
		return -EINVAL;
	return copyout(&pend, uset, setsize) ? -EFAULT : 0;
}

static DECLARE_WAIT_QUEUE_HEAD(pause_wait);

SYSCALL_DEFINE0(pause)
{
	wait_event_interruptible(pause_wait, false);
	return -ERESTARTNOHAND;
}

/* A temporary signal mask for the length of one call (sigsuspend, ppoll,
 * pselect6): a NULL mask changes nothing. If the call ends in EINTR, the
 * handler runs with the temporary mask and its frame records the saved one,
 * so sigreturn restores it; otherwise it is restored at once. */
long sigmask_push(const uint64_t __user *umask, size_t setsize)
{
	uint64_t set;
	if (!umask)
		return 0;
	if (setsize != K_SIGSET_BYTES)
		return -EINVAL;
	if (copyin(umask, &set, sizeof(set)))
		return -EFAULT;
	current->saved_sigmask = current->sig_blocked;
	current->restore_sigmask = true;
	current->exit_work |= EXIT_WORK_SIGNAL;
	current->sig_blocked = set & ~UNBLOCKABLE;
	return 0;
}

long sigmask_pop(long result)
{
	if (current->restore_sigmask && result != -EINTR) {
		current->sig_blocked = current->saved_sigmask;
		current->restore_sigmask = false;
	}
	return result;
}

SYSCALL_DEFINE2(rt_sigsuspend, const uint64_t *, uset, size_t, setsize)
{
	if (!uset)
		return -EFAULT;
	long r = sigmask_push(uset, setsize);
	if (r)
		return r;
	wait_event_interruptible(pause_wait, false);
	return sigmask_pop(-EINTR);
}

/* Where a signal to leader's process goes: the calling thread if it is one
 * of them and does not block it (a process signalling itself, as the tty's
 * SIGTTIN, takes it before its call returns), else the first live thread that
 * does not block it, else the first live one (it stays pending there); NULL
 * when all are gone. The pending sets are per thread, so the choice is made now. */
static struct proc *group_signal_target(struct proc *leader, int sig)
{
	if (current->tgid == leader->tgid && !(current->sig_blocked & SIGBIT(sig)) && current->state != P_ZOMBIE)
		return current;
	struct proc *any = NULL;
	for (int i = -1; i < NPROC; i++) {
		struct proc *t = i < 0 ? leader : &proc_table[i];
		if (t->state == P_UNUSED || t->state == P_EMBRYO || t->state == P_ZOMBIE || t->tgid != leader->tgid)
			continue;
		if (!(t->sig_blocked & SIGBIT(sig)))
			return t;
		if (!any)
			any = t;
	}
	return any;
}

int group_send_sig_info(int sig, const struct k_siginfo *info, struct proc *leader)
{
	struct proc *t = group_signal_target(leader, sig);
	return t ? send_signal(t, sig, info) : 0;
}

static bool may_signal(struct proc *p)
{
	return current->euid == 0 || current->uid == p->uid || current->euid == p->uid;
}

int kill_one_info(int pid, int sig, const struct k_siginfo *info)
{
	struct proc *p = proc_find(pid);
	if (sig < 0 || sig > _NSIG)
		return -EINVAL;
	if (!p)
		return -ESRCH;
	if (!may_signal(p))
		return -EPERM;
	/* A zombie accepts the signal and ignores it, as on Linux. */
	return sig && p->state != P_ZOMBIE ? send_signal(p, sig, info) : 0;
}

static int kill_one(int pid, int sig)
{
	struct k_siginfo info = { .si_signo = sig, .si_code = SI_TKILL };
	info.si_pid = current->pid;
	info.si_uid = current->uid;
	return kill_one_info(pid, sig, &info);
}

SYSCALL_DEFINE3(tgkill, int, tgid, int, tid, int, sig)
{
	if (tgid <= 0 || tid <= 0)
		return -EINVAL;
	struct proc *t = proc_find(tid);
	return t && t->tgid == tgid ? kill_one(tid, sig) : -ESRCH;
}

SYSCALL_DEFINE2(tkill, int, tid, int, sig)
{
	return tid <= 0 ? -EINVAL : kill_one(tid, sig);
}

SYSCALL_DEFINE2(kill, int, pid, int, sig)
{
	if (sig < 0 || sig > _NSIG)
		return -EINVAL;
	struct k_siginfo info = { .si_signo = sig, .si_code = SI_USER };
	info.si_pid = current->tgid;
	info.si_uid = current->uid;
	int found = 0, allowed = 0;
	for (int i = 0; i < NPROC; i++) {
		struct proc *p = &proc_table[i];
		if (p->state == P_UNUSED || p->state == P_EMBRYO || p != p->group_leader)
			continue;
		bool match = pid > 0 ? p->pid == pid :
			     pid == 0 ? p->pgid == current->pgid :
			     pid == -1 ? (p->pid != 1 && p->tgid != current->tgid) : p->pgid == -pid;
		if (!match)
			continue;
		found++;
		if (!may_signal(p))
			continue;
		allowed++;
		if (sig)
			group_send_sig_info(sig, &info, p);
	}
	if (!found)
		return -ESRCH;
	return allowed ? 0 : -EPERM;
}

static void alarm_fire(struct timer_list *t)
{
	send_signal(container_of(t, struct proc, alarm_timer), SIGALRM, NULL);
}

/* The time left of the previous alarm, rounded to the nearest second but
 * never 0 while one is pending, as Linux. */
SYSCALL_DEFINE1(alarm, unsigned, seconds)
{
	uint64_t now = get_jiffies_64();
	struct timer_list *t = &current->alarm_timer;
	uint64_t left = del_timer(t) && t->expires > now ? t->expires - now : 0;
	if (seconds) {
		timer_setup(t, alarm_fire);
		mod_timer(t, now + (uint64_t)seconds * HZ);
	}
	return left ? MAX((left + HZ / 2) / HZ, 1) : 0;
}
