/* proc.c: the process table and the life cycle: exit and exit_group, wait4,
 * orphans handed to init, zombies reaped (fork.c creates processes and
 * threads); identity calls (getpid, getppid,
 * set_tid_address, process groups and sessions). */
#include "kernel.h"
#include "locking/lockdep.h"
#include "locking/kernel_lock.h"
#include "locking/raw_lock.h"
#include "x86/cpu.h"
#include "fs/fdtable.h"
#include "futex.h"
#include "jobctl.h"
#include "mm/kmalloc.h"
#include "mm/mm_struct.h"
#include "proc.h"
#include "ipc/ipc.h"
#include "syscall.h"
#include "x86/timer.h"
#include "tty/tty.h"
#include "uapi/capability.h"
#include "uapi/errno.h"
#include "uapi/fcntl.h"
#include "uapi/ptrace.h"
#include "uapi/futex.h"
#include "uapi/sched.h"
#include "uapi/signal.h"
#include "uapi/wait.h"
#include "fs/vfs.h"
#include "x86/x86.h"

struct proc proc_table[NPROC];
static struct proc *init_proc;
static int next_pid = 1;
static uint8_t fpu_initial[512] __attribute__((aligned(16)));

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
struct proc *proc_alloc_with(void (*entry)(void))
{
	uint32_t f = irq_save();
	struct proc *p = NULL;
	for (int i = 0; i < NPROC; i++) {
		if (proc_table[i].state == P_UNUSED) {
			p = &proc_table[i];
			memset(p, 0, sizeof(*p));
			p->state = P_EMBRYO;
			p->pid = alloc_pid();
			p->cpus_allowed = ~0u;
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
	/* A zombie reaped from another CPU may still be switching out on its
	 * kernel stack (sched.c's on_cpu). */
	while (p->on_cpu)
		smp_spin_poll();
	sighand_put(p->sighand);
	p->sighand = NULL;
	kfree(p->kstack);
	p->kstack = NULL;
	p->state = P_UNUSED;
}

void proc_init(void)
{
	__asm__ volatile("fninit");
	if (cpu_has_fxsr)
		__asm__ volatile("fxsave %0" : "=m"(fpu_initial));
}

/* Whether every thread of leader's group but the leader has exited. */
bool thread_group_empty(const struct proc *leader)
{
	for (int i = 0; i < NPROC; i++) {
		const struct proc *q = &proc_table[i];
		if (q != leader && q->state != P_UNUSED && q->state != P_ZOMBIE && q->tgid == leader->tgid)
			return false;
	}
	return true;
}

/* Linux's find_new_reaper: the nearest living ancestor that made itself a
 * child subreaper (PR_SET_CHILD_SUBREAPER), else init. */
static struct proc *find_new_reaper(struct proc *p)
{
	for (struct proc *a = p->parent; a && a != init_proc; a = a->parent)
		if (a->child_subreaper && a->state != P_ZOMBIE && !a->group_exiting)
			return a;
	return init_proc;
}

/* Handing a child to its new reaper may orphan its process group. The child
 * reports to the reaper with SIGCHLD whatever its exit signal was, as Linux,
 * so the reaper's plain wait (no __WCLONE) reaps it. */
static void reparent_children(struct proc *p)
{
	bool zombie = false;
	struct proc *reaper = find_new_reaper(p);
	for (int i = 0; i < NPROC; i++) {
		struct proc *c = &proc_table[i];
		if (c->state != P_UNUSED && c->parent == p) {
			c->parent = reaper;
			zombie |= c->state == P_ZOMBIE;
			if (c->pdeath_signal && c->state != P_ZOMBIE)
				send_signal(c, c->pdeath_signal, NULL);
			if (c == c->group_leader) {
				c->exit_signal = SIGCHLD;
				kill_orphaned_pgrp(c, p);
			}
		}
	}
	if (zombie && reaper)
		wake_up_all(&reaper->child_wait);
}

static bool notify_parent(struct proc *p);
static bool exit_notify(struct proc *p);

void do_exit(int status)
{
	struct proc *p = current;
	if (p == init_proc)
		panic("init exited with status %#x", status);
	debug_check_no_locks_held();
	ptrace_event(PTRACE_EVENT_EXIT, status);
	/* A session leader's exit frees its terminal for the next session. */
	if (p->tgid == p->sid && thread_group_others_gone(p))
		disassociate_ctty(true);
	exit_robust_list();
	exit_sem();
	fdtable_free(p->files);
	p->files = NULL;
	sigqueue_flush(p, 0);
	exe_file_release(p);
	fs_put(p->fs);
	p->fs = NULL;
	mm_release(p);
	vm_switch(kpgdir);
	mmput(p->mm);
	p->mm = NULL;
	p->pgdir = NULL;

	exit_ptrace(p);

	uint32_t f = irq_save();
	del_timer(&p->alarm_timer);
	/* Children belong to the group (fork records its leader): they stay while a thread lives. */
	if (thread_group_others_gone(p)) {
		reparent_children(p->group_leader);
		kill_orphaned_pgrp(p->group_leader, NULL);
	}
	thread_group_account_exit(p);
	jobctl_exit(p);
	p->exit_status = status;
	p->state = P_ZOMBIE;
	pidfd_notify_exit();
	bool release = !ptrace_exit_notify(p) && exit_notify(p);
	irq_restore(f);
	if (release)
		sched_exit_unreaped();
	schedule();
	panic("zombie %d ran again", p->pid);
}

/* Threads are never waited for; the group's end is reported once, when the
 * last of its threads is gone, with the leader's status. True if p, a
 * zombie, is to be freed now. */
static bool exit_notify(struct proc *p)
{
	struct proc *leader = p->group_leader;
	if (p == leader)
		return thread_group_empty(p) && notify_parent(p);
	if (leader->state == P_ZOMBIE && !leader->pt.exit_pending && thread_group_empty(leader) &&
	    notify_parent(leader))
		proc_free(leader);
	return true;
}

void release_traced_zombie(struct proc *p)
{
	if (exit_notify(p))
		proc_free(p);
}

/* Sends p's exit signal and wakes its parent's wait4; true if the parent
 * will never wait for it (p is then to be freed). */
static bool notify_parent(struct proc *p)
{
	int status = p->exit_status;
	struct proc *parent = p->parent;
	struct k_siginfo info = { .si_signo = p->exit_signal };
	info.si_code = !K_WIFSIGNALED(status) ? CLD_EXITED : (status & K_WCOREFLAG) ? CLD_DUMPED : CLD_KILLED;
	info.si_pid = p->pid;
	info.si_uid = p->uid;
	info.si_status = K_WIFSIGNALED(status) ? (status & 0x7f) : (status >> 8) & 0xff;
	if (p->exit_signal > 0 && p->exit_signal <= _NSIG)      /* Linux's valid_signal */
		send_signal(parent, p->exit_signal, &info);
	/* A parent that ignores SIGCHLD or set SA_NOCLDWAIT never waits for
	 * its children (POSIX): no zombie is left, and its wait4 sees one child
	 * fewer (ECHILD after the last). */
	const struct k_sigaction *sa = &parent->sighand->action[SIGCHLD];
	bool autoreap = p->exit_signal == SIGCHLD &&
			(sa->handler == (void *)SIG_IGN || (sa->flags & SA_NOCLDWAIT));
	if (autoreap)
		p->parent = NULL;
	wake_up_all(&parent->child_wait);
	return autoreap;
}

/* Every other thread of the group gets SIGKILL and exits with status. */
static void kill_other_threads(struct proc *p, int status)
{
	for (int i = 0; i < NPROC; i++) {
		struct proc *q = &proc_table[i];
		if (q->state == P_UNUSED || q->tgid != p->tgid || q == p)
			continue;
		q->group_exiting = true;
		q->group_exit_status = status;
		if (q->state == P_ZOMBIE)
			q->exit_status = status;        /* the leader reports the group's status */
		else
			send_signal(q, SIGKILL, NULL);
	}
}

void group_exit_begin(struct proc *p, int status)
{
	p->group_exiting = true;
	p->group_exit_status = status;
	kill_other_threads(p, status);
}

void do_group_exit(int status)
{
	struct proc *p = current;
	if (p->group_exiting)
		status = p->group_exit_status;
	else
		group_exit_begin(p, status);
	do_exit(status);
}

/* execve from a thread: the first half of de_thread (thread_group.c). */
void zap_other_threads(struct proc *p)
{
	kill_other_threads(p, SIGKILL);
}

SYSCALL_DEFINE1(exit, int, code)
{
	do_exit((code & 0xff) << 8);
}

SYSCALL_DEFINE1(exit_group, int, code)
{
	do_group_exit((code & 0xff) << 8);
}

static bool eligible_pid(const struct wait_opts *wo, const struct proc *c)
{
	return wo->type == P_PID ? c->pid == wo->id : wo->type != P_PGID || c->pgid == wo->id;
}

/* Of the caller's own children (a tracer's tracees are all eligible). */
static bool eligible_child(const struct wait_opts *wo, const struct proc *c)
{
	if (wo->flags & __WALL)
		return true;
	/* A clone child is one whose exit signal is not SIGCHLD: only
	 * __WCLONE waits for those, and only for those. */
	return (c->exit_signal != SIGCHLD) == !!(wo->flags & __WCLONE);
}

void wait_report_exit(struct wait_opts *wo, const struct proc *c)
{
	int st = c->exit_status;
	wo->status = st;
	wo->cause = K_WIFEXITED(st) ? CLD_EXITED : (st & K_WCOREFLAG) ? CLD_DUMPED : CLD_KILLED;
	wo->info_status = K_WIFEXITED(st) ? K_WEXITSTATUS(st) : K_WTERMSIG(st);
	wo->uid = c->uid;
}

static int wait_task_zombie(struct wait_opts *wo, struct proc *c)
{
	if (!(wo->flags & WEXITED))
		return 0;
	int pid = c->pid;
	wait_report_exit(wo, c);
	if (!(wo->flags & WNOWAIT)) {
		uint32_t ut, st;
		thread_group_cputime(c, &ut, &st);
		current->group_leader->cutime += ut + c->cutime;
		current->group_leader->cstime += st + c->cstime;
		proc_free(c);
	}
	return pid;
}

/* Linux's wait_consider_task: what eligible child c has to report (its
 * pid) or 0; *found says whether c counts against ECHILD. A zombie whose
 * other threads still run reports its stops but not its end yet. */
static int wait_consider_task(struct wait_opts *wo, struct proc *c, bool *found)
{
	if (c->state == P_ZOMBIE && thread_group_empty(c)) {
		if (!c->pt.exit_pending)
			return wait_task_zombie(wo, c);
		*found = true;          /* its tracer sees the end first */
		return 0;
	}
	*found = true;
	/* A tracer reports its tracee's group stop as a ptrace stop. */
	int r = ptrace_traced_by(c, current) ? 0 : wait_task_stopped(wo, c);
	return r ? r : wait_task_continued(wo, c);
}

/* One pass over the children: 0 nothing to report yet; >0 the pid reported;
 * <0 an error. Every child belongs to the group leader, so __WNOTHREAD
 * changes nothing. */
static int do_wait_once(struct wait_opts *wo)
{
	bool found = false;
	for (int i = 0; i < NPROC; i++) {
		struct proc *c = &proc_table[i];
		if (c->state == P_UNUSED || c->state == P_EMBRYO || !eligible_pid(wo, c))
			continue;
		int r = ptrace_wait_task(wo, c, &found);
		if (r)
			return r;
		if (c->parent != current->group_leader || c != c->group_leader || !eligible_child(wo, c))
			continue;
		r = wait_consider_task(wo, c, &found);
		if (r)
			return r;
	}
	return found ? 0 : -ECHILD;
}

static int do_wait(struct wait_opts *wo)
{
	int r;
	if (wo->flags & WNOHANG)
		return do_wait_once(wo);
	int err = wait_event_interruptible(current->group_leader->child_wait, (r = do_wait_once(wo)) != 0);
	return err ? err : r;
}

static int zero_rusage(void __user *rusage)
{
	static const char zeros[72];
	return rusage && copyout(zeros, rusage, sizeof(zeros)) ? -EFAULT : 0;
}

SYSCALL_DEFINE4(wait4, int, pid, int *, ustatus, int, options, void *, rusage)
{
	struct wait_opts wo = { .flags = options | WEXITED };
	if (options & ~(WNOHANG | WUNTRACED | WCONTINUED | __WNOTHREAD | __WCLONE | __WALL))
		return -EINVAL;
	if (pid == INT32_MIN)           /* no process group -INT_MIN */
		return -ESRCH;
	if (pid < -1 || pid == 0)
		wo.type = P_PGID, wo.id = pid ? -pid : current->pgid;
	else if (pid > 0)
		wo.type = P_PID, wo.id = pid;
	else
		wo.type = P_ALL;
	if (zero_rusage(rusage))
		return -EFAULT;
	int r = do_wait(&wo);
	if (r > 0 && ustatus && copyout(&wo.status, ustatus, sizeof(wo.status)))
		return -EFAULT;
	return r;
}

/* waitid writes the siginfo even when WNOHANG finds nothing: all zeros then. */
SYSCALL_DEFINE5(waitid, int, which, int, id, struct k_siginfo *, infop, int, options, void *, rusage)
{
	struct wait_opts wo = { .type = which, .id = id, .flags = options };
	if (options & ~(WNOHANG | WNOWAIT | WEXITED | WSTOPPED | WCONTINUED | __WNOTHREAD | __WCLONE | __WALL))
		return -EINVAL;
	if (!(options & (WEXITED | WSTOPPED | WCONTINUED)))
		return -EINVAL;
	if (which == P_PGID && id == 0)
		wo.id = current->pgid;
	else if (which != P_ALL && !(which == P_PID && id > 0) && !(which == P_PGID && id > 0))
		return -EINVAL;
	int r = do_wait(&wo);
	if (r < 0)
		return r;
	if (zero_rusage(rusage))
		return -EFAULT;
	if (!infop)
		return 0;
	struct k_siginfo info = { 0 };
	if (r > 0) {
		info.si_signo = SIGCHLD;
		info.si_code = wo.cause;
		info.si_pid = r;
		info.si_uid = wo.uid;
		info.si_status = wo.info_status;
	}
	return copyout(&info, infop, sizeof(info)) ? -EFAULT : 0;
}

SYSCALL_DEFINE3(waitpid, int, pid, int *, ustatus, int, options)
{
	uint32_t a[4] = { (uint32_t)pid, (uint32_t)ustatus, (uint32_t)options, 0 };
	return sys_wait4(a);
}

SYSCALL_DEFINE0(getpid)
{
	return current->tgid;
}

SYSCALL_DEFINE0(gettid)
{
	return current->pid;
}

SYSCALL_DEFINE0(getppid)
{
	struct proc *parent = current->group_leader->parent;
	return parent ? parent->tgid : 0;
}

SYSCALL_DEFINE1(set_tid_address, uint32_t, tidptr)
{
	current->clear_child_tid = tidptr;
	return current->pid;
}

/* Whether some process is in process group pgrp of session sid (zombies
 * count until reaped, as on Linux). */
static bool pgrp_in_session(int pgrp, int sid)
{
	for (int i = 0; i < NPROC; i++) {
		const struct proc *q = &proc_table[i];
		if (q->state != P_UNUSED && q->state != P_EMBRYO && q->pgid == pgrp)
			return q->sid == sid;
	}
	return false;
}

/* The ids belong to the thread group: each of its threads gets them; a new
 * session has no controlling terminal yet. */
static void set_group_ids(struct proc *leader, int pgid, int sid)
{
	for (int i = 0; i < NPROC; i++) {
		struct proc *t = &proc_table[i];
		if (t->state == P_UNUSED || t->tgid != leader->tgid)
			continue;
		if (t->sid != sid)
			t->ctty = NULL;
		t->pgid = pgid, t->sid = sid;
	}
}

/* Linux's rules: the caller itself or a child of its in the same session
 * that has not exec'd yet, never a session leader, into a group of the
 * same session. */
SYSCALL_DEFINE2(setpgid, int, pid, int, pgid)
{
	struct proc *leader = current->group_leader;
	if (!pid)
		pid = leader->pid;
	if (!pgid)
		pgid = pid;
	if (pgid < 0)
		return -EINVAL;
	struct proc *p = proc_find(pid);
	if (!p || p->state == P_EMBRYO)
		return -ESRCH;
	if (p != p->group_leader)
		return -EINVAL;
	if (p->parent == leader) {
		if (p->sid != leader->sid)
			return -EPERM;
		if (p->did_exec)
			return -EACCES;
	} else if (p != leader) {
		return -ESRCH;
	}
	if (p->pid == p->sid)
		return -EPERM;
	if (pgid != pid && !pgrp_in_session(pgid, leader->sid))
		return -EPERM;
	set_group_ids(p, pgid, p->sid);
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
	struct proc *leader = current->group_leader;
	for (int i = 0; i < NPROC; i++)
		if (proc_table[i].state != P_UNUSED && proc_table[i].pgid == leader->pid)
			return -EPERM;
	set_group_ids(leader, leader->pid, leader->pid);
	return leader->pid;
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
	sched_finish_switch();
	sti();
	open_console();
	bool saved = uaccess_kernel_begin();
	int r = do_execve(init_path, init_argv, init_envp);
	uaccess_kernel_end(saved);
	if (r < 0)
		panic("cannot run %s: error %d", init_path, r);
	unlock_kernel();
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
	p->mm = p->pgdir ? mm_alloc(p->pgdir) : NULL;
	p->files = fdtable_alloc();
	p->sighand = kzalloc(sizeof(*p->sighand));
	assert(p->mm && p->files && p->sighand);
	p->sighand->count = 1;
	p->tgid = p->pid;
	p->group_leader = p;
	p->fs = kzalloc(sizeof(*p->fs));
	assert(p->fs);
	p->fs->users = 1;
	p->fs->cwd = iget(vfs_root());
	p->fs->umask = 022;
	p->pgid = p->sid = 1;
	rlimits_init(p);
	strlcpy(p->comm, "init", sizeof(p->comm));
	wake_up_new_process(p);
}
