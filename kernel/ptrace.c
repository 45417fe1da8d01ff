/* ptrace.c: process tracing, Linux's ptrace(2). A tracee is linked to its
 * tracer (struct ptrace_info in struct proc) and keeps its real parent; at
 * each ptrace stop (system call entry and exit, a signal about to be
 * delivered, an event: fork, vfork, clone, exec, exit, PTRACE_INTERRUPT) it
 * records why, tells the tracer (SIGCHLD, its wait4) and sleeps in
 * ptrace_stop() in TASK_TRACED until the tracer resumes it, maybe with a
 * signal, or SIGKILL ends it. While it sleeps the tracer reads and writes its
 * registers (the user trap frame), memory (mm/access_vm.c), FPU state and
 * siginfo. The tracer's wait4 sees the stops, and the exit first, through
 * ptrace_wait_task(). */
#include "kernel.h"
#include "errno.h"
#include "jobctl.h"
#include "mm/access_vm.h"
#include "proc.h"
#include "ptrace.h"
#include "syscall.h"
#include "uaccess.h"
#include "uapi/capability.h"
#include "uapi/ptrace.h"
#include "uapi/sched.h"
#include "uapi/signal.h"
#include "uapi/wait.h"
#include "x86/cpu.h"
#include "x86/gdt.h"
#include "x86/x86.h"

#define PT_PTRACED    0x1
#define PT_SEIZED     0x2
#define PT_SINGLESTEP 0x4       /* the tracer's SINGLESTEP set TF */
#define PT_TRAP_STOP  0x8       /* PTRACE_INTERRUPT or a new seized child: stop on the way out */
#define PT_LISTENING  0x10      /* PTRACE_LISTEN: still stopped, but not for requests */

#define SIGBIT(sig) (1ull << ((sig) - 1))

static void load_debugregs(const uint32_t *dr);

static bool same_group(const struct proc *a, const struct proc *b)
{
	return a->tgid == b->tgid;
}

static bool sigkill_pending(const struct proc *p)
{
	return p->sig_pending & SIGBIT(SIGKILL);
}

static bool valid_signal(uint32_t sig)
{
	return sig <= _NSIG;
}

static void ptrace_link(struct proc *child, struct proc *tracer, uint32_t flags, uint32_t options)
{
	child->pt = (struct ptrace_info){ .tracer = tracer, .flags = flags, .options = options };
	init_waitqueue_head(&child->pt.wait);
}

static void ptrace_unlink(struct proc *p)
{
	if (p->pt.flags & PT_SINGLESTEP)
		p->tf->eflags &= ~EFLAGS_TF;
	p->pt.tracer = NULL;
	p->pt.flags = p->pt.options = 0;
	p->syscall_work &= ~SYSCALL_WORK_TRACE;
}

/* SIGCHLD (CLD_TRAPPED, CLD_EXITED...) to the tracer, and its wait4 woken. */
static void notify_tracer(struct proc *p, int why, int status)
{
	struct proc *t = p->pt.tracer;
	struct k_siginfo info = { .si_signo = SIGCHLD, .si_code = why };
	info.si_pid = p->pid;
	info.si_uid = p->uid;
	info.si_status = status;
	if (why != CLD_TRAPPED || !(t->sighand->action[SIGCHLD].flags & SA_NOCLDSTOP))
		send_signal(t, SIGCHLD, &info);
	wake_up_all(&t->group_leader->child_wait);
}

/* The tracee stops until its tracer resumes it or SIGKILL comes; the signal
 * the tracer resumed it with. A group stop has no siginfo (GETSIGINFO says
 * EINVAL there, which is how a tracer tells it from a signal). */
static int ptrace_stop(int code, const struct k_siginfo *info)
{
	struct proc *p = current;
	uint32_t f = irq_save();
	if (!p->pt.tracer || sigkill_pending(p)) {
		irq_restore(f);
		return 0;
	}
	p->pt.code = code;
	p->pt.has_siginfo = info != NULL;
	if (info)
		p->pt.siginfo = *info;
	p->pt.resume_sig = 0;
	p->pt.reported = false;
	p->pt.stopped = true;
	notify_tracer(p, CLD_TRAPPED, code & 0x7f);
	irq_restore(f);
	__wait_event(p->pt.wait, !p->pt.stopped || sigkill_pending(p), TASK_TRACED, false, -1L, false);
	p->pt.stopped = false;
	p->pt.flags &= ~PT_LISTENING;
	return p->pt.resume_sig;
}

/* A stop that is the tracee's own notice (a system call, an event): its
 * siginfo is SIGTRAP with the stop's code, as Linux's ptrace_notify. */
static int ptrace_notify(int code)
{
	struct k_siginfo info = { .si_signo = SIGTRAP, .si_code = code };
	info.si_pid = current->tgid;
	info.si_uid = current->uid;
	return ptrace_stop(code, &info);
}

static bool event_enabled(const struct proc *p, int event)
{
	return p->pt.tracer && (p->pt.options & (1u << event));
}

void ptrace_event(int event, uint32_t message)
{
	if (!event_enabled(current, event))
		return;
	current->pt.message = message;
	ptrace_notify(SIGTRAP | (event << 8));
}

void ptrace_exec(void)
{
	struct proc *p = current;
	/* The breakpoints were the old program's (Linux's flush_ptrace_hw_breakpoint). */
	if (p->pt.debugreg[7]) {
		memset(p->pt.debugreg, 0, sizeof(p->pt.debugreg));
		load_debugregs(p->pt.debugreg);
	}
	if (event_enabled(p, PTRACE_EVENT_EXEC)) {
		ptrace_event(PTRACE_EVENT_EXEC, p->pid);
	} else if ((p->pt.flags & (PT_PTRACED | PT_SEIZED)) == PT_PTRACED) {
		struct k_siginfo info = { .si_signo = SIGTRAP, .si_code = SI_USER };
		info.si_pid = p->tgid;
		info.si_uid = p->uid;
		send_signal(p, SIGTRAP, &info);
	}
}

int ptrace_clone_event(uint32_t flags)
{
	if (flags & CLONE_UNTRACED)
		return 0;
	int event = (flags & CLONE_VFORK) ? PTRACE_EVENT_VFORK :
		    (flags & CSIGNAL) != SIGCHLD ? PTRACE_EVENT_CLONE : PTRACE_EVENT_FORK;
	return event_enabled(current, event) ? event : 0;
}

/* The child of a traced process that asked for it starts traced by the
 * same tracer, with a SIGSTOP (a PTRACE_EVENT_STOP if seized) to stop on. */
void ptrace_init_child(struct proc *child, int event, uint32_t flags)
{
	const struct proc *p = current;
	if (!p->pt.tracer || (!event && !(flags & CLONE_PTRACE)))
		return;
	ptrace_link(child, p->pt.tracer, p->pt.flags & (PT_PTRACED | PT_SEIZED), p->pt.options);
	if (p->pt.flags & PT_SEIZED) {
		child->pt.flags |= PT_TRAP_STOP;
		child->exit_work |= EXIT_WORK_PTRACE;
	} else {
		send_signal(child, SIGSTOP, NULL);
	}
}

/* A traced thread's part of a group stop is a ptrace stop: the tracer sees
 * the stop signal (with PTRACE_EVENT_STOP if it seized it) and resumes it. */
void ptrace_group_stop(int sig)
{
	ptrace_stop(sig | ((current->pt.flags & PT_SEIZED) ? PTRACE_EVENT_STOP << 8 : 0), NULL);
}

void ptrace_pending_stop(void)
{
	struct proc *p = current;
	p->exit_work &= ~EXIT_WORK_PTRACE;
	if (!(p->pt.flags & PT_TRAP_STOP))
		return;
	p->pt.flags &= ~PT_TRAP_STOP;
	ptrace_notify(SIGTRAP | (PTRACE_EVENT_STOP << 8));
}

int ptrace_signal(int sig, struct k_siginfo *info)
{
	struct proc *p = current;
	if (!p->pt.tracer || sig == SIGKILL)
		return sig;
	int newsig = ptrace_stop(sig, info);
	if (!newsig)
		return 0;
	if (newsig == sig) {
		*info = p->pt.siginfo;          /* as SETSIGINFO may have left it */
		info->si_signo = sig;
	} else {
		const struct proc *t = p->pt.tracer;
		*info = (struct k_siginfo){ .si_signo = newsig, .si_code = SI_USER };
		if (t) {
			info->si_pid = t->tgid;
			info->si_uid = t->uid;
		}
	}
	/* A signal the tracee blocks waits, pending, as if just sent. */
	if (p->sig_blocked & SIGBIT(newsig)) {
		send_signal(p, newsig, info);
		return 0;
	}
	return newsig;
}

/* A signal given when resuming from a system call stop is sent, as Linux. */
static void report_syscall(void)
{
	struct proc *p = current;
	int sig = ptrace_notify(SIGTRAP | ((p->pt.options & PTRACE_O_TRACESYSGOOD) ? 0x80 : 0));
	if (sig)
		send_signal(p, sig, NULL);
}

uint32_t ptrace_syscall_entry(struct trapframe *tf)
{
	/* What a call the tracer skips (orig_eax -1) or that does not exist returns. */
	tf->eax = (uint32_t)-ENOSYS;
	report_syscall();
	return sigkill_pending(current) ? (uint32_t)-1 : current->syscall_nr;
}

void ptrace_syscall_exit(struct trapframe *tf)
{
	(void)tf;
	report_syscall();
}

/* Registers, in struct user_regs_struct's order. */
enum { R_EBX, R_ECX, R_EDX, R_ESI, R_EDI, R_EBP, R_EAX, R_DS, R_ES, R_FS, R_GS, R_ORIG_EAX,
       R_EIP, R_CS, R_EFLAGS, R_ESP, R_SS, NREGS };

static uint32_t *reg_slot(struct trapframe *tf, int r)
{
	switch (r) {
	case R_EBX: return &tf->ebx;
	case R_ECX: return &tf->ecx;
	case R_EDX: return &tf->edx;
	case R_ESI: return &tf->esi;
	case R_EDI: return &tf->edi;
	case R_EBP: return &tf->ebp;
	case R_EAX: return &tf->eax;
	case R_DS: return &tf->ds;
	case R_ES: return &tf->es;
	case R_FS: return &tf->fs;
	case R_GS: return &tf->gs;
	case R_EIP: return &tf->eip;
	case R_CS: return &tf->cs;
	case R_EFLAGS: return &tf->eflags;
	case R_ESP: return &tf->esp;
	default: return &tf->ss;
	}
}

static bool is_segment(int r)
{
	return r == R_DS || r == R_ES || r == R_FS || r == R_GS || r == R_CS || r == R_SS;
}

static uint32_t getreg(const struct proc *p, int r)
{
	if (r == R_ORIG_EAX)
		return p->tf->trapno == T_SYSCALL ? p->syscall_nr : (uint32_t)-1;
	uint32_t v = *reg_slot(p->tf, r);
	if (r == R_EFLAGS && (p->pt.flags & PT_SINGLESTEP))
		v &= ~EFLAGS_TF;
	return is_segment(r) ? v & 0xffff : v;
}

#define USER_EFLAGS (EFLAGS_CF | EFLAGS_PF | EFLAGS_AF | EFLAGS_ZF | EFLAGS_SF | EFLAGS_TF | \
		     EFLAGS_DF | EFLAGS_OF)

/* Selectors must be ring 3 (trap.c checks they load before the way out);
 * the code segment stays the user one; only user flags change. */
static int putreg(struct proc *p, int r, uint32_t v)
{
	struct trapframe *tf = p->tf;
	if (is_segment(r)) {
		v &= 0xffff;
		if ((v && (v & 3) != 3) || (r == R_CS && v != UCODE_SEL))
			return -EIO;
		p->exit_work |= EXIT_WORK_SELECTORS;
	}
	if (r == R_ORIG_EAX) {
		p->syscall_nr = v;
	} else if (r == R_EFLAGS) {
		tf->eflags = (tf->eflags & ~USER_EFLAGS) | (v & USER_EFLAGS);
		p->pt.flags &= ~PT_SINGLESTEP;
	} else {
		*reg_slot(tf, r) = v;
	}
	return 0;
}

static int get_regs(const struct proc *p, void __user *data)
{
	uint32_t regs[NREGS];
	for (int r = 0; r < NREGS; r++)
		regs[r] = getreg(p, r);
	return copyout(regs, data, sizeof(regs)) ? -EFAULT : 0;
}

static int set_regs(struct proc *p, const void __user *data)
{
	uint32_t regs[NREGS];
	if (copyin(data, regs, sizeof(regs)))
		return -EFAULT;
	for (int r = 0; r < NREGS; r++) {
		int e = putreg(p, r, regs[r]);
		if (e)
			return e;
	}
	return 0;
}

static bool dr7_valid(uint32_t v);

/* struct user: the registers, then (at 252) the debug registers; the
 * rest reads as 0 and ignores writes. */
static int peek_user(const struct proc *p, uint32_t off, uint32_t __user *data)
{
	uint32_t v = 0;
	if ((off & 3) || off >= PTRACE_USER_SIZE)
		return -EIO;
	if (off < PTRACE_USER_REGS_END)
		v = getreg(p, off / 4);
	else if (off >= PTRACE_USER_DEBUGREG)
		v = p->pt.debugreg[(off - PTRACE_USER_DEBUGREG) / 4];
	return put_user(v, data) ? -EFAULT : 0;
}

static int poke_user(struct proc *p, uint32_t off, uint32_t v)
{
	if ((off & 3) || off >= PTRACE_USER_SIZE)
		return -EIO;
	if (off < PTRACE_USER_REGS_END)
		return putreg(p, off / 4, v);
	if (off < PTRACE_USER_DEBUGREG)
		return 0;
	int n = (off - PTRACE_USER_DEBUGREG) / 4;
	/* DR4 and DR5 do not exist; a breakpoint must lie in user space. */
	if (n == 4 || n == 5 || (n < 4 && v >= USER_TOP) || (n == 7 && !dr7_valid(v)))
		return -EIO;
	p->pt.debugreg[n] = v;
	return 0;
}

/* Each enabled breakpoint: not an I/O one (RW 10), an instruction one only
 * 1 byte long, as Linux's arch_build_bp_info. */
static bool dr7_valid(uint32_t v)
{
	for (int i = 0; i < 4; i++) {
		uint32_t rw = (v >> (16 + 4 * i)) & 3, len = (v >> (18 + 4 * i)) & 3;
		if (!(v & (3u << (2 * i))))
			continue;
		if (rw == 2 || (rw == 0 && len != 0))
			return false;
	}
	return true;
}

/* The hardware sees the breakpoints of the process that runs: DR7's
 * enables as local ones, and nothing for a process without any. */
static void load_debugregs(const uint32_t *dr)
{
	uint32_t dr7 = dr[7], hw = (dr7 & 0xffff0000u) | (dr7 & 0x55) | ((dr7 & 0xaa) >> 1);
	__asm__ volatile("mov %0, %%dr7" : : "r"(0u));
	if (!(dr7 & 0xff))
		return;
	__asm__ volatile("mov %0, %%dr0" : : "r"(dr[0]));
	__asm__ volatile("mov %0, %%dr1" : : "r"(dr[1]));
	__asm__ volatile("mov %0, %%dr2" : : "r"(dr[2]));
	__asm__ volatile("mov %0, %%dr3" : : "r"(dr[3]));
	__asm__ volatile("mov %0, %%dr7" : : "r"(hw));
}

void ptrace_switch_debugregs(const struct proc *prev, const struct proc *next)
{
	if ((next->pt.debugreg[7] & 0xff) || (prev->pt.debugreg[7] & 0xff))
		load_debugregs(next->pt.debugreg);
}

/* Linux's twd_fxsr_to_i387: the full tag word from the abridged one and
 * the registers' contents. */
static uint32_t full_tag_word(const uint8_t *fx)
{
	uint32_t tos = (*(const uint16_t *)(fx + 2) >> 11) & 7, twd = fx[4], ret = 0xffff0000u;
	for (int i = 0; i < 8; i++, twd >>= 1) {
		const uint16_t *st = (const uint16_t *)(fx + 32 + 16 * ((i - tos) & 7));
		uint32_t tag = 3;                                       /* empty */
		if (twd & 1) {
			uint16_t exp = st[4] & 0x7fff;
			if (exp == 0x7fff)
				tag = 2;                                /* special */
			else if (exp == 0)
				tag = (st[0] | st[1] | st[2] | st[3]) ? 2 : 1;  /* zero */
			else
				tag = (st[3] & 0x8000) ? 0 : 2;          /* valid */
		}
		ret |= tag << (2 * i);
	}
	return ret;
}

void ptrace_fpregs(const struct proc *p, struct user_fpregs_struct *u)
{
	const uint8_t *fx = p->fpu_state;
	memset(u, 0, sizeof(*u));
	if (cpu_has_fxsr) {
		u->cwd = *(const uint16_t *)fx | 0xffff0000u;
		u->swd = *(const uint16_t *)(fx + 2) | 0xffff0000u;
		u->twd = full_tag_word(fx);
		u->fip = *(const uint32_t *)(fx + 8);
		u->fcs = *(const uint16_t *)(fx + 12) | ((uint32_t)*(const uint16_t *)(fx + 6) << 16);
		u->foo = *(const uint32_t *)(fx + 16);
		u->fos = *(const uint16_t *)(fx + 20) | 0xffff0000u;
		for (int i = 0; i < 8; i++)
			memcpy((char *)u->st_space + 10 * i, fx + 32 + 16 * i, 10);
	}
}

static int get_fpregs(const struct proc *p, void __user *data)
{
	struct user_fpregs_struct u;
	ptrace_fpregs(p, &u);
	return copyout(&u, data, sizeof(u)) ? -EFAULT : 0;
}

static int set_fpregs(struct proc *p, const void __user *data)
{
	struct user_fpregs_struct u;
	uint8_t *fx = p->fpu_state;
	if (copyin(data, &u, sizeof(u)))
		return -EFAULT;
	if (!cpu_has_fxsr)
		return 0;
	/* Linux's twd_i387_to_fxsr: a register is in use unless its tag is empty (3). */
	uint32_t t = ~u.twd & 0xffff;
	t = (t | (t >> 1)) & 0x5555;
	t = (t | (t >> 1)) & 0x3333;
	t = (t | (t >> 2)) & 0x0f0f;
	t = (t | (t >> 4)) & 0x00ff;
	*(uint16_t *)fx = u.cwd;
	*(uint16_t *)(fx + 2) = u.swd;
	fx[4] = t;
	*(uint16_t *)(fx + 6) = u.fcs >> 16;
	*(uint32_t *)(fx + 8) = u.fip;
	*(uint16_t *)(fx + 12) = u.fcs;
	*(uint32_t *)(fx + 16) = u.foo;
	*(uint16_t *)(fx + 20) = u.fos;
	for (int i = 0; i < 8; i++)
		memcpy(fx + 32 + 16 * i, (char *)u.st_space + 10 * i, 10);
	return 0;
}

static int set_fpxregs(struct proc *p, const void __user *data)
{
	uint8_t fx[512] __attribute__((aligned(16)));
	if (copyin(data, fx, sizeof(fx)))
		return -EFAULT;
	*(uint32_t *)(fx + 24) &= 0xffbf;   /* MXCSR: no reserved bits, or fxrstor faults */
	if (cpu_has_fxsr)
		memcpy(p->fpu_state, fx, sizeof(fx));
	return 0;
}

static int peek_mem(struct proc *p, uint32_t addr, uint32_t __user *data)
{
	uint32_t v;
	if (access_process_vm(p, addr, &v, sizeof(v), FOLL_FORCE) != sizeof(v))
		return -EIO;
	return put_user(v, data) ? -EFAULT : 0;
}

static int poke_mem(struct proc *p, uint32_t addr, uint32_t v)
{
	return access_process_vm(p, addr, &v, sizeof(v), FOLL_FORCE | FOLL_WRITE) == sizeof(v) ? 0 : -EIO;
}

/* Linux's __ptrace_may_access without dumpability (no set-uid programs
 * here): all the target's ids are the caller's, or CAP_SYS_PTRACE. */
bool ptrace_may_access(const struct proc *t)
{
	const struct proc *c = current;
	if (same_group(c, t))
		return true;
	if (c->uid == t->euid && c->uid == t->suid && c->uid == t->uid &&
	    c->gid == t->egid && c->gid == t->sgid && c->gid == t->gid)
		return true;
	return capable(CAP_SYS_PTRACE);
}

static int ptrace_traceme(void)
{
	struct proc *p = current, *parent = p->group_leader->parent;
	if (p->pt.tracer || !parent)
		return -EPERM;
	ptrace_link(p, parent, PT_PTRACED, 0);
	return 0;
}

/* init is not traced here: its stop would stop the system. */
static int ptrace_attach(struct proc *child, long request, uint32_t addr, uint32_t data)
{
	bool seize = request == PTRACE_SEIZE;
	if (seize && (addr || (data & ~PTRACE_O_MASK)))
		return -EIO;
	if (child->pid == 1 || same_group(child, current) || !ptrace_may_access(child))
		return -EPERM;
	if (child->state == P_ZOMBIE || child->pt.tracer)
		return -EPERM;
	ptrace_link(child, current, PT_PTRACED | (seize ? PT_SEIZED : 0), seize ? data : 0);
	if (!seize)
		send_signal(child, SIGSTOP, NULL);
	return 0;
}

static void wake_tracee(struct proc *p, uint32_t sig)
{
	p->pt.resume_sig = sig;
	p->pt.stopped = false;
	wake_up_all(&p->pt.wait);
}

static int ptrace_resume(struct proc *p, long request, uint32_t sig)
{
	if (!valid_signal(sig))
		return -EIO;
	if (request == PTRACE_SYSCALL)
		p->syscall_work |= SYSCALL_WORK_TRACE;
	else
		p->syscall_work &= ~SYSCALL_WORK_TRACE;
	if (request == PTRACE_SINGLESTEP) {
		if (!(p->tf->eflags & EFLAGS_TF))
			p->pt.flags |= PT_SINGLESTEP;
		p->tf->eflags |= EFLAGS_TF;
	} else if (p->pt.flags & PT_SINGLESTEP) {
		p->tf->eflags &= ~EFLAGS_TF;
		p->pt.flags &= ~PT_SINGLESTEP;
	}
	wake_tracee(p, sig);
	return 0;
}

static int ptrace_detach(struct proc *p, uint32_t sig)
{
	if (!valid_signal(sig))
		return -EIO;
	ptrace_unlink(p);
	wake_tracee(p, sig);
	return 0;
}

static int ptrace_interrupt(struct proc *p)
{
	if (!(p->pt.flags & PT_SEIZED))
		return -EIO;
	if (p->pt.flags & PT_LISTENING) {
		/* The stop is the tracer's to see again. */
		p->pt.flags &= ~PT_LISTENING;
		p->pt.reported = false;
		wake_up_all(&current->group_leader->child_wait);
	} else if (!p->pt.stopped) {
		p->pt.flags |= PT_TRAP_STOP;
		p->exit_work |= EXIT_WORK_PTRACE;
	}
	return 0;
}

static int ptrace_listen(struct proc *p)
{
	if (!(p->pt.flags & PT_SEIZED) || (p->pt.code >> 8) != PTRACE_EVENT_STOP)
		return -EIO;
	p->pt.flags |= PT_LISTENING;
	return 0;
}

static int ptrace_request(struct proc *p, long request, uint32_t addr, uint32_t data)
{
	void __user *udata = (void __user *)data;
	switch (request) {
	case PTRACE_PEEKTEXT:
	case PTRACE_PEEKDATA:
		return peek_mem(p, addr, udata);
	case PTRACE_POKETEXT:
	case PTRACE_POKEDATA:
		return poke_mem(p, addr, data);
	case PTRACE_PEEKUSER:
		return peek_user(p, addr, udata);
	case PTRACE_POKEUSER:
		return poke_user(p, addr, data);
	case PTRACE_GETREGS:
		return get_regs(p, udata);
	case PTRACE_SETREGS:
		return set_regs(p, udata);
	case PTRACE_GETFPREGS:
		return get_fpregs(p, udata);
	case PTRACE_SETFPREGS:
		return set_fpregs(p, udata);
	case PTRACE_GETFPXREGS:
		return copyout(p->fpu_state, udata, sizeof(p->fpu_state)) ? -EFAULT : 0;
	case PTRACE_SETFPXREGS:
		return set_fpxregs(p, udata);
	case PTRACE_GETSIGINFO:
		if (!p->pt.has_siginfo)
			return -EINVAL;
		return copyout(&p->pt.siginfo, udata, sizeof(p->pt.siginfo)) ? -EFAULT : 0;
	case PTRACE_SETSIGINFO:
		if (!p->pt.has_siginfo)
			return -EINVAL;
		return copyin(udata, &p->pt.siginfo, sizeof(p->pt.siginfo)) ? -EFAULT : 0;
	case PTRACE_GETEVENTMSG:
		return put_user(p->pt.message, (uint32_t __user *)udata) ? -EFAULT : 0;
	case PTRACE_SETOPTIONS:
		if (data & ~PTRACE_O_MASK)
			return -EINVAL;
		p->pt.options = data;
		return 0;
	case PTRACE_CONT:
	case PTRACE_SYSCALL:
	case PTRACE_SINGLESTEP:
		return ptrace_resume(p, request, data);
	case PTRACE_DETACH:
		return ptrace_detach(p, data);
	case PTRACE_KILL:
		if (p->state != P_ZOMBIE)
			send_signal(p, SIGKILL, NULL);
		return 0;
	case PTRACE_INTERRUPT:
		return ptrace_interrupt(p);
	case PTRACE_LISTEN:
		return ptrace_listen(p);
	default:
		return -EIO;
	}
}

/* The caller must be p's tracer, and p in a ptrace stop unless the request
 * works on a running tracee (Linux's ptrace_check_attach). */
static int ptrace_check_attach(const struct proc *p, bool ignore_state)
{
	if (p->pt.tracer != current)
		return -ESRCH;
	if (!ignore_state && (!p->pt.stopped || (p->pt.flags & PT_LISTENING) || p->state == P_ZOMBIE))
		return -ESRCH;
	return 0;
}

SYSCALL_DEFINE4(ptrace, long, request, int, pid, uint32_t, addr, uint32_t, data)
{
	if (request == PTRACE_TRACEME)
		return ptrace_traceme();
	struct proc *child = pid > 0 ? proc_find(pid) : NULL;
	if (!child || child->state == P_EMBRYO)
		return -ESRCH;
	if (request == PTRACE_ATTACH || request == PTRACE_SEIZE)
		return ptrace_attach(child, request, addr, data);
	int r = ptrace_check_attach(child, request == PTRACE_KILL || request == PTRACE_INTERRUPT);
	return r ? r : ptrace_request(child, request, addr, data);
}

/* The tracer's half of wait4: a stop not yet reported, or the exit of a
 * tracee whose parent is someone else (reported here first; the parent's
 * turn comes after). The pid reported, or 0. */
int ptrace_wait_task(struct wait_opts *wo, struct proc *c, bool *found)
{
	if (!ptrace_traced_by(c, current))
		return 0;
	*found = true;
	int pid = c->pid;
	bool consume = !(wo->flags & WNOWAIT);
	if (c->state == P_ZOMBIE) {
		if (!c->pt.exit_pending || (c == c->group_leader && !thread_group_empty(c)) ||
		    !(wo->flags & WEXITED))
			return 0;
		wait_report_exit(wo, c);
		if (consume) {
			c->pt.exit_pending = false;
			ptrace_unlink(c);
			release_traced_zombie(c);
		}
		return pid;
	}
	if (!c->pt.stopped || c->pt.reported)
		return 0;
	c->pt.reported = consume;
	wo->status = (c->pt.code << 8) | 0x7f;
	wo->cause = CLD_TRAPPED;
	wo->info_status = c->pt.code;
	wo->uid = c->uid;
	return pid;
}

/* At p's exit, as a tracee: a thread, or a process whose parent is not its
 * tracer, stays a zombie until the tracer's wait4 sees it. */
bool ptrace_exit_notify(struct proc *p)
{
	struct proc *t = p->pt.tracer;
	if (!t || (p == p->group_leader && p->parent && same_group(t, p->parent)))
		return false;
	p->pt.exit_pending = true;
	int st = p->exit_status;
	notify_tracer(p, K_WIFSIGNALED(st) ? CLD_KILLED : CLD_EXITED,
		      K_WIFSIGNALED(st) ? (st & 0x7f) : (st >> 8) & 0xff);
	return true;
}

/* At p's exit, as a tracer: its tracees go free (or die, with EXITKILL),
 * and the zombies it had still to see go to their parents. */
void exit_ptrace(struct proc *p)
{
	for (int i = 0; i < NPROC; i++) {
		struct proc *q = &proc_table[i];
		if (q->state == P_UNUSED || q->pt.tracer != p)
			continue;
		if (q->state == P_ZOMBIE) {
			bool pending = q->pt.exit_pending;
			q->pt.exit_pending = false;
			ptrace_unlink(q);
			if (pending)
				release_traced_zombie(q);
			continue;
		}
		if (q->pt.options & PTRACE_O_EXITKILL)
			send_signal(q, SIGKILL, NULL);
		ptrace_detach(q, 0);
	}
}

bool ptrace_traced_by(const struct proc *p, const struct proc *t)
{
	return p->pt.tracer && t && same_group(p->pt.tracer, t);
}

int ptrace_tracer_pid(const struct proc *p)
{
	return p->pt.tracer ? p->pt.tracer->pid : 0;
}
