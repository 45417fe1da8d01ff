/* proc.c: the process table and the life cycle: fork/clone, exit, wait4,
 * orphans handed to init, zombies reaped; identity calls (getpid, getppid,
 * set_tid_address, process groups and sessions). */
#include "kernel.h"
#include "x86/cpu.h"
#include "fs/fdtable.h"
#include "mm/kmalloc.h"
#include "mm/vma.h"
#include "proc.h"
#include "syscall.h"
#include "x86/timer.h"
#include "tty/tty.h"
#include "uapi/capability.h"
#include "uapi/errno.h"
#include "uapi/fcntl.h"
#include "uapi/sched.h"
#include "uapi/signal.h"
#include "uapi/wait.h"
#include "fs/vfs.h"
#include "x86/x86.h"

struct proc proc_table[NPROC];
static struct proc *init_proc;
static int next_pid = 1;
static uint8_t fpu_initial[512] __attribute__((aligned(16)));

void forkret(void);
extern void trapret(void);

struct proc *proc_find(int pid)
{
	for (int i = 0; i < NPROC; i++)
		if (proc_table[i].state != P_UNUSED && proc_table[i].pid == pid)
			return &proc_table[i];
	return NULL;
}

static int alloc_pid(void)
{
	for (;;) {
		int pid = next_pid;
		next_pid = next_pid >= PID_MAX ? 2 : next_pid + 1;
		if (!proc_find(pid))
			return pid;
	}
}

/* A process with a kernel stack whose first switch runs entry() and then
 * returns to user mode through trapret with the frame at the top of the stack. */
static struct proc *proc_alloc_with(void (*entry)(void))
{
	uint32_t f = irq_save();
	struct proc *p = NULL;
	for (int i = 0; i < NPROC; i++) {
		if (proc_table[i].state == P_UNUSED) {
			p = &proc_table[i];
			memset(p, 0, sizeof(*p));
			p->state = P_EMBRYO;
			p->pid = alloc_pid();
			break;
		}
	}
	irq_restore(f);
	if (!p)
		return NULL;
	p->kstack = kmalloc(KSTACK_SIZE);
	if (!p->kstack) {
		p->state = P_UNUSED;
		return NULL;
	}
	char *sp = p->kstack + KSTACK_SIZE - sizeof(struct trapframe);
	p->tf = (struct trapframe *)sp;
	memset(p->tf, 0, sizeof(*p->tf));
	sp -= sizeof(uint32_t);
	*(uint32_t *)sp = (uint32_t)trapret;
	sp -= sizeof(struct context);
	p->context = (struct context *)sp;
	memset(p->context, 0, sizeof(*p->context));
	p->context->eip = (uint32_t)entry;
	init_waitqueue_head(&p->child_wait);
	list_init(&p->sigqueue);
	timer_setup(&p->alarm_timer, NULL);
	memcpy(p->fpu_state, fpu_initial, sizeof(fpu_initial));
	p->start_jiffies = jiffies;
	return p;
}

void proc_free(struct proc *p)
{
	kfree(p->kstack);
	p->kstack = NULL;
	p->state = P_UNUSED;
}

/* The first code a forked process runs; it "returns" into trapret. As in
 * Linux's schedule_tail, CLONE_CHILD_SETTID is written here, in the child's
 * own address space through the uaccess layer: a bad address is ignored. */
void forkret(void)
{
	sched_finish_switch();
	sti();
	if (current->set_child_tid)
		put_user(current->pid, (int __user *)current->set_child_tid);
}

void proc_init(void)
{
	__asm__ volatile("fninit");
	if (cpu_has_fxsr)
		__asm__ volatile("fxsave %0" : "=m"(fpu_initial));
}

/* RLIMIT_NPROC counts the processes of the real uid, zombies included (until
 * reaped, as Linux); root and CAP_SYS_RESOURCE/CAP_SYS_ADMIN are exempt. */
static bool nproc_exceeded(const struct proc *parent)
{
	uint64_t limit = parent->rlim[RLIMIT_NPROC].rlim_cur;
	if (parent->uid == 0 || capable(CAP_SYS_RESOURCE) || capable(CAP_SYS_ADMIN))
		return false;
	uint64_t n = 0;
	for (int i = 0; i < NPROC; i++)
		if (proc_table[i].state != P_UNUSED && proc_table[i].uid == parent->uid)
			n++;
	return n >= limit;
}

static int do_clone(uint32_t flags, uint32_t newsp, uint32_t parent_tidptr, uint32_t child_tidptr)
{
	if (flags & (CLONE_VM | CLONE_THREAD | CLONE_SIGHAND | CLONE_FILES | CLONE_FS))
		return -EINVAL;         /* processes only: no threads in this kernel */
	struct proc *parent = current;
	if (nproc_exceeded(parent))
		return -EAGAIN;
	struct proc *p = proc_alloc_with(forkret);
	if (!p)
		return -EAGAIN;
	bool ok;
	p->mmap = vma_dup(parent->mmap, &ok);
	p->pgdir = ok ? vm_copy(parent->pgdir) : NULL;
	p->files = p->pgdir ? fdtable_dup(parent->files) : NULL;
	if (!p->files) {
		if (p->pgdir)
			pgdir_free(p->pgdir);
		vma_free_all(&p->mmap);
		proc_free(p);
		return -ENOMEM;
	}
	*p->tf = *parent->tf;
	p->tf->eax = 0;
	if (newsp)
		p->tf->esp = newsp;
	memcpy(p->comm, parent->comm, sizeof(p->comm));
	memcpy(p->exe, parent->exe, sizeof(p->exe));
	exe_file_dup(p, parent);
	p->parent = parent;
	p->brk_start = parent->brk_start;
	p->brk = parent->brk;
	p->mmap_base = parent->mmap_base;
	p->stack_limit = parent->stack_limit;
	p->arg_start = parent->arg_start;
	p->arg_end = parent->arg_end;
	p->cwd = iget(parent->cwd);
	p->uid = parent->uid, p->euid = parent->euid, p->suid = parent->suid;
	p->gid = parent->gid, p->egid = parent->egid, p->sgid = parent->sgid;
	p->umask = parent->umask;
	memcpy(p->rlim, parent->rlim, sizeof(p->rlim));
	p->pgid = parent->pgid;
	p->sid = parent->sid;
	p->ctty = parent->ctty;
	p->sig_blocked = parent->sig_blocked;
	memcpy(p->sigactions, parent->sigactions, sizeof(p->sigactions));
	memcpy(p->tls, parent->tls, sizeof(p->tls));
	if (cpu_has_fxsr)
		__asm__ volatile("fxsave %0" : "=m"(p->fpu_state));
	if (flags & CLONE_CHILD_CLEARTID)
		p->clear_child_tid = child_tidptr;
	if (flags & CLONE_CHILD_SETTID)
		p->set_child_tid = child_tidptr;
	int pid = p->pid;
	/* After the copy, so only the parent sees it; a bad address does not
	 * fail the clone (Linux ignores put_user's result too). */
	if (flags & CLONE_PARENT_SETTID)
		put_user(pid, (int __user *)parent_tidptr);
	p->nice = parent->nice;
	wake_up_new_process(p);
	return pid;
}

SYSCALL_DEFINE0(fork)
{
	return do_clone(0, 0, 0, 0);
}

SYSCALL_DEFINE0(vfork)
{
	return do_clone(0, 0, 0, 0);
}

/* i386 argument order: flags, newsp, parent_tidptr, tls, child_tidptr. */
SYSCALL_DEFINE5(clone, uint32_t, flags, uint32_t, newsp, uint32_t, ptid, uint32_t, tls, uint32_t, ctid)
{
	(void)tls;
	return do_clone(flags, newsp, ptid, ctid);
}

static void reparent_children(struct proc *p)
{
	bool zombie = false;
	for (int i = 0; i < NPROC; i++) {
		struct proc *c = &proc_table[i];
		if (c->state != P_UNUSED && c->parent == p) {
			c->parent = init_proc;
			zombie |= c->state == P_ZOMBIE;
		}
	}
	if (zombie && init_proc)
		wake_up_all(&init_proc->child_wait);
}

void do_exit(int status)
{
	struct proc *p = current;
	if (p == init_proc)
		panic("init exited with status %#x", status);
	/* A session leader's exit frees its terminal for the next session. */
	if (p->pid == p->sid)
		disassociate_ctty();
	exit_robust_list();
	fdtable_free(p->files);
	p->files = NULL;
	sigqueue_flush(p, 0);
	exe_file_release(p);
	iput(p->cwd);
	p->cwd = NULL;
	vm_switch(kpgdir);
	pgdir_free(p->pgdir);
	p->pgdir = NULL;
	vma_free_all(&p->mmap);

	uint32_t f = irq_save();
	del_timer(&p->alarm_timer);
	reparent_children(p);
	p->exit_status = status;
	p->state = P_ZOMBIE;
	struct proc *parent = p->parent;
	struct k_siginfo info = { .si_signo = SIGCHLD };
	info.si_code = K_WIFSIGNALED(status) ? CLD_KILLED : CLD_EXITED;
	info.si_pid = p->pid;
	info.si_uid = p->uid;
	info.si_status = K_WIFSIGNALED(status) ? (status & 0x7f) : (status >> 8) & 0xff;
	send_signal(parent, SIGCHLD, &info);
	/* A parent that ignores SIGCHLD or set SA_NOCLDWAIT never waits for
	 * its children (POSIX): no zombie is left, and its wait4 sees one child
	 * fewer (ECHILD after the last). */
	const struct k_sigaction *sa = &parent->sigactions[SIGCHLD];
	bool autoreap = sa->handler == (void *)SIG_IGN || (sa->flags & SA_NOCLDWAIT);
	if (autoreap)
		p->parent = NULL;
	wake_up_all(&parent->child_wait);
	irq_restore(f);
	if (autoreap)
		sched_exit_unreaped();
	schedule();
	panic("zombie %d ran again", p->pid);
}

SYSCALL_DEFINE1(exit, int, code)
{
	do_exit((code & 0xff) << 8);
}
SYSCALL_ALIAS(exit_group, exit)

static bool wait_matches(const struct proc *c, int pid)
{
	if (pid > 0)
		return c->pid == pid;
	if (pid == -1)
		return true;
	return c->pgid == (pid == 0 ? current->pgid : -pid);
}

/* 0: nothing to report yet; >0: the pid reaped; <0: an error. */
static int reap_one(int pid, int *status)
{
	bool any = false;
	for (int i = 0; i < NPROC; i++) {
		struct proc *c = &proc_table[i];
		if (c->state == P_UNUSED || c->parent != current || !wait_matches(c, pid))
			continue;
		any = true;
		if (c->state == P_ZOMBIE) {
			int cpid = c->pid;
			*status = c->exit_status;
			proc_free(c);
			return cpid;
		}
	}
	return any ? 0 : -ECHILD;
}

SYSCALL_DEFINE4(wait4, int, pid, int *, ustatus, int, options, void *, rusage)
{
	int status = 0, r;
	if (options & ~(WNOHANG | WUNTRACED | WCONTINUED))
		return -EINVAL;
	if (rusage) {
		static const char zeros[72];
		if (copyout(zeros, rusage, sizeof(zeros)))
			return -EFAULT;
	}
	if (options & WNOHANG) {
		r = reap_one(pid, &status);
	} else {
		int err = wait_event_interruptible(current->child_wait, (r = reap_one(pid, &status)) != 0);
		if (err)
			return err;
	}
	if (r > 0 && ustatus && copyout(&status, ustatus, sizeof(status)))
		return -EFAULT;
	return r;
}

SYSCALL_DEFINE3(waitpid, int, pid, int *, ustatus, int, options)
{
	uint32_t a[4] = { (uint32_t)pid, (uint32_t)ustatus, (uint32_t)options, 0 };
	return sys_wait4(a);
}

SYSCALL_DEFINE0(getpid)
{
	return current->pid;
}
SYSCALL_ALIAS(gettid, getpid)

SYSCALL_DEFINE0(getppid)
{
	return current->parent ? current->parent->pid : 0;
}

SYSCALL_DEFINE1(set_tid_address, uint32_t, tidptr)
{
	current->clear_child_tid = tidptr;
	return current->pid;
}

SYSCALL_DEFINE2(setpgid, int, pid, int, pgid)
{
	struct proc *p = pid ? proc_find(pid) : current;
	if (pgid < 0)
		return -EINVAL;
	if (!p || (p != current && p->parent != current))
		return -ESRCH;
	p->pgid = pgid ? pgid : p->pid;
	return 0;
}

SYSCALL_DEFINE1(getpgid, int, pid)
{
	struct proc *p = pid ? proc_find(pid) : current;
	return p ? p->pgid : -ESRCH;
}

SYSCALL_DEFINE0(getpgrp)
{
	return current->pgid;
}

SYSCALL_DEFINE0(setsid)
{
	for (int i = 0; i < NPROC; i++)
		if (proc_table[i].state != P_UNUSED && proc_table[i].pgid == current->pid)
			return -EPERM;
	current->sid = current->pgid = current->pid;
	current->ctty = NULL;
	return current->pid;
}

SYSCALL_DEFINE1(getsid, int, pid)
{
	struct proc *p = pid ? proc_find(pid) : current;
	return p ? p->sid : -ESRCH;
}

/* The boot thread makes PID 1, which starts in the kernel: it runs
 * init_entry() on its own stack, execs the init program, and returns to user
 * mode through trapret like any process after a system call. */
static const char *init_path;
static char *const *init_argv, *const *init_envp;

int do_execve(const char *path, char *const argv[], char *const envp[]);

/* Like Linux, PID 1 starts with /dev/console on fds 0, 1 and 2. */
static void open_console(void)
{
	struct file *f;
	if (vfs_open("/dev/console", O_RDWR, 0, &f) < 0) {
		pr_err("init: no /dev/console\n");
		return;
	}
	for (int i = 0; i < 3; i++) {
		int fd = get_unused_fd_flags(0);
		if (fd >= 0)
			fd_install(fd, get_file(f));
	}
	fput(f);
}

static void init_entry(void)
{
	sti();
	open_console();
	bool saved = uaccess_kernel_begin();
	int r = do_execve(init_path, init_argv, init_envp);
	uaccess_kernel_end(saved);
	if (r < 0)
		panic("cannot run %s: error %d", init_path, r);
}

void start_init(const char *path, char *const argv[], char *const envp[])
{
	struct proc *p = proc_alloc_with(init_entry);
	assert(p && p->pid == 1);
	init_proc = p;
	init_path = path;
	init_argv = argv;
	init_envp = envp;
	p->pgdir = pgdir_create();
	p->files = fdtable_alloc();
	assert(p->pgdir && p->files);
	p->cwd = iget(vfs_root());
	p->pgid = p->sid = 1;
	p->umask = 022;
	rlimits_init(p);
	strlcpy(p->comm, "init", sizeof(p->comm));
	wake_up_new_process(p);
}
