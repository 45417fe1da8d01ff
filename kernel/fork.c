/* fork.c: creating processes and threads: fork, vfork, clone and clone3 with
 * Linux's flags (what the child shares with its parent: memory, fd table,
 * working directory, signal handlers, thread group), and mm_release, where a
 * process leaving its address space lets its vfork parent go on. */
#include "kernel.h"
#include "locking/kernel_lock.h"
#include "fs/fdtable.h"
#include "fs/vfs.h"
#include "futex.h"
#include "mm/kmalloc.h"
#include "mm/mm_struct.h"
#include "mm/vma.h"
#include "jobctl.h"
#include "proc.h"
#include "syscall.h"
#include "uapi/capability.h"
#include "uapi/errno.h"
#include "uapi/futex.h"
#include "uapi/ptrace.h"
#include "uapi/sched.h"
#include "uapi/signal.h"
#include "x86/cpu.h"
#include "x86/ldt.h"
#include "x86/x86.h"

void forkret(void);

/* The first code a forked process runs; it "returns" into trapret. As in
 * Linux's schedule_tail, CLONE_CHILD_SETTID is written here, in the child's
 * own address space through the uaccess layer: a bad address is ignored.
 * As Linux's ret_from_fork, it then takes the way out of a system call, so a
 * signal sent meanwhile (a traced child's SIGSTOP) comes before its first
 * instruction. */
void forkret(void)
{
	sched_finish_switch();
	sti();
	if (current->set_child_tid)
		put_user(current->pid, (int __user *)current->set_child_tid);
	exit_to_user_mode(current->tf);
	unlock_kernel();
}

void sighand_put(struct sighand_struct *sh)
{
	if (sh && --sh->count == 0)
		kfree(sh);
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

/* The flag combinations Linux's copy_process refuses. */
static int clone_flags_check(uint32_t flags)
{
	if ((flags & CLONE_THREAD) && !(flags & CLONE_SIGHAND))
		return -EINVAL;
	if ((flags & CLONE_SIGHAND) && !(flags & CLONE_VM))
		return -EINVAL;
	if ((flags & (CLONE_PARENT | CLONE_THREAD)) && current->pid == 1)
		return -EINVAL;         /* init's siblings could not be reaped */
	if ((flags & CLONE_FS) && (flags & (CLONE_NEWNS | CLONE_NEWUSER)))
		return -EINVAL;
	if ((flags & CLONE_PIDFD) && (flags & (CLONE_DETACHED | CLONE_PARENT_SETTID)))
		return -EINVAL;
	if (flags & CLONE_PIDFD)
		return -EINVAL;         /* no pidfds here */
	return 0;
}

/* The child's address space: the parent's own with CLONE_VM, a copy otherwise. */
static int clone_mm(struct proc *p, const struct proc *parent, uint32_t flags)
{
	if (flags & CLONE_VM) {
		p->mm = mmget(parent->mm);
	} else {
		const struct mm_struct *old = parent->mm;
		bool ok;
		struct vm_area *mmap = vma_dup(old->mmap, &ok);
		pde_t *pgdir = ok ? vm_copy(old->pgdir) : NULL;
		p->mm = pgdir ? mm_alloc(pgdir) : NULL;
		if (!p->mm) {
			if (pgdir)
				pgdir_free(pgdir);
			vma_free_all(&mmap);
			return -ENOMEM;
		}
		p->mm->mmap = mmap;
		p->mm->brk_start = old->brk_start;
		p->mm->brk = old->brk;
		p->mm->mmap_base = old->mmap_base;
		p->mm->stack_limit = old->stack_limit;
		if (ldt_dup(p->mm, old))
			return -ENOMEM;         /* the caller puts p->mm */
	}
	p->pgdir = p->mm->pgdir;
	return 0;
}

static int clone_fs(struct proc *p, const struct proc *parent, uint32_t flags)
{
	if (flags & CLONE_FS) {
		p->fs = parent->fs;
		p->fs->users++;
		return 0;
	}
	p->fs = kmalloc(sizeof(*p->fs));
	if (!p->fs)
		return -ENOMEM;
	p->fs->users = 1;
	p->fs->cwd = iget(parent->fs->cwd);
	p->fs->umask = parent->fs->umask;
	return 0;
}

void fs_put(struct fs_struct *fs)
{
	if (!fs || --fs->users > 0)
		return;
	iput(fs->cwd);
	kfree(fs);
}

static int clone_sighand(struct proc *p, const struct proc *parent, uint32_t flags)
{
	if (flags & CLONE_SIGHAND) {
		p->sighand = parent->sighand;
		p->sighand->count++;
		return 0;
	}
	p->sighand = kmalloc(sizeof(*p->sighand));
	if (!p->sighand)
		return -ENOMEM;
	memcpy(p->sighand->action, parent->sighand->action, sizeof(p->sighand->action));
	p->sighand->count = 1;
	return 0;
}

static int do_clone(uint32_t flags, uint32_t newsp, uint32_t parent_tidptr, uint32_t child_tidptr, uint32_t tls)
{
	int r = clone_flags_check(flags);
	if (r)
		return r;
	struct proc *parent = current;
	if (nproc_exceeded(parent))
		return -EAGAIN;
	struct proc *p = proc_alloc_with(forkret);
	if (!p)
		return -EAGAIN;
	memcpy(p->tls, parent->tls, sizeof(p->tls));
	if (flags & CLONE_SETTLS) {
		r = tls_install(p->tls, tls);
		if (r) {
			proc_free(p);
			return r;
		}
	}
	r = clone_sighand(p, parent, flags);
	if (!r)
		r = clone_fs(p, parent, flags);
	if (!r)
		r = clone_mm(p, parent, flags);
	if (!r)
		p->files = (flags & CLONE_FILES) ? fdtable_get(parent->files) : fdtable_dup(parent->files);
	if (!p->files) {
		mmput(p->mm);
		fs_put(p->fs);
		proc_free(p);
		return r ? r : -ENOMEM;
	}
	*p->tf = *parent->tf;
	p->tf->eax = 0;
	if (newsp)
		p->tf->esp = newsp;
	memcpy(p->comm, parent->comm, sizeof(p->comm));
	memcpy(p->exe, parent->exe, sizeof(p->exe));
	exe_file_dup(p, parent);
	/* A thread, or a process forked by one, belongs to the group's leader. */
	struct proc *leader = parent->group_leader;
	p->tgid = (flags & CLONE_THREAD) ? parent->tgid : p->pid;
	p->group_leader = (flags & CLONE_THREAD) ? leader : p;
	p->parent = (flags & (CLONE_PARENT | CLONE_THREAD)) ? leader->parent : leader;
	p->exit_signal = (flags & CLONE_THREAD) ? -1 : (int)(flags & CSIGNAL);
	p->arg_start = parent->arg_start;
	p->arg_end = parent->arg_end;
	p->env_end = parent->env_end;
	p->auxv_start = parent->auxv_start;
	p->dumpable = parent->dumpable;
	p->personality = parent->personality;
	p->ioprio = parent->ioprio;
	p->uid = parent->uid, p->euid = parent->euid, p->suid = parent->suid;
	p->gid = parent->gid, p->egid = parent->egid, p->sgid = parent->sgid;
	p->fsuid = parent->fsuid, p->fsgid = parent->fsgid, p->groups = parent->groups;
	p->sched_policy = parent->sched_policy;
	memcpy(p->rlim, parent->rlim, sizeof(p->rlim));
	p->pgid = parent->pgid;
	p->sid = parent->sid;
	p->ctty = parent->ctty;
	p->sig_blocked = parent->sig_blocked;
	if (cpu_has_fxsr)
		__asm__ volatile("fxsave %0" : "=m"(p->fpu_state));
	if (flags & CLONE_CHILD_CLEARTID)
		p->clear_child_tid = child_tidptr;
	if (flags & CLONE_CHILD_SETTID)
		p->set_child_tid = child_tidptr;
	struct vfork_done vfork = { .done = false };
	if (flags & CLONE_VFORK) {
		init_waitqueue_head(&vfork.wait);
		p->vfork_done = &vfork;
	}
	int pid = p->pid;
	/* After the copy, so only the parent sees it; a bad address does not
	 * fail the clone (Linux ignores put_user's result too). */
	if (flags & CLONE_PARENT_SETTID)
		put_user(pid, (int __user *)parent_tidptr);
	p->nice = parent->nice;
	p->cpus_allowed = parent->cpus_allowed;
	if (flags & CLONE_THREAD)
		jobctl_fork(p);
	int event = ptrace_clone_event(flags);
	ptrace_init_child(p, event, flags);
	wake_up_new_process(p);
	if (event)
		ptrace_event(event, pid);
	/* Until the child execs or exits: it runs on our memory meanwhile. */
	if (flags & CLONE_VFORK) {
		wait_event(vfork.wait, vfork.done);
		ptrace_event(PTRACE_EVENT_VFORK_DONE, pid);
	}
	return pid;
}

/* As Linux: a thread sharing the memory gets its clear_child_tid word zeroed
 * (pthread_join waits on it); a vfork parent goes on. */
void mm_release(struct proc *p)
{
	if (p->clear_child_tid && p->mm->users > 1 && !put_user(0, (int __user *)p->clear_child_tid))
		futex_wake(p->clear_child_tid, true, 1, FUTEX_BITSET_MATCH_ANY);
	p->clear_child_tid = 0;
	if (p->vfork_done) {
		p->vfork_done->done = true;
		wake_up_all(&p->vfork_done->wait);
		p->vfork_done = NULL;
	}
}

SYSCALL_DEFINE0(fork)
{
	return do_clone(SIGCHLD, 0, 0, 0, 0);
}

SYSCALL_DEFINE0(vfork)
{
	return do_clone(CLONE_VFORK | CLONE_VM | SIGCHLD, 0, 0, 0, 0);
}

/* i386 argument order: flags, newsp, parent_tidptr, tls, child_tidptr. */
SYSCALL_DEFINE5(clone, uint32_t, flags, uint32_t, newsp, uint32_t, ptid, uint32_t, tls, uint32_t, ctid)
{
	return do_clone(flags, newsp, ptid, ctid, tls);
}


/* Bytes past the struct this kernel knows must be zero (Linux's
 * copy_struct_from_user): E2BIG otherwise. */
static int check_zero_tail(const uint8_t __user *u, size_t from, size_t size)
{
	for (size_t i = from; i < size; i++) {
		uint8_t b;
		if (get_user(b, u + i))
			return -EFAULT;
		if (b)
			return -E2BIG;
	}
	return 0;
}

/* Linux's clone3_args_valid, without set_tid, cgroups and CLONE_CLEAR_SIGHAND. */
SYSCALL_DEFINE2(clone3, struct clone_args *, uargs, size_t, size)
{
	struct clone_args a = { 0 };
	if (size < CLONE_ARGS_SIZE_VER0)
		return -EINVAL;
	if (size > PGSIZE)
		return -E2BIG;
	int r = check_zero_tail((const uint8_t __user *)uargs, sizeof(a), size);
	if (r)
		return r;
	if (copyin(uargs, &a, MIN(size, sizeof(a))))
		return -EFAULT;
	if ((a.flags >> 32) || a.set_tid || a.set_tid_size || a.cgroup)
		return -EINVAL;
	if ((a.flags & (CLONE_DETACHED | (CSIGNAL & ~0x80u))) || (a.exit_signal & ~(uint64_t)CSIGNAL) ||
	    a.exit_signal > _NSIG)
		return -EINVAL;
	if ((a.flags & (CLONE_THREAD | CLONE_PARENT)) && a.exit_signal)
		return -EINVAL;
	if (!a.stack != !a.stack_size || a.stack + a.stack_size > USER_TOP)
		return -EINVAL;
	uint32_t sp = a.stack ? (uint32_t)(a.stack + a.stack_size) : 0;
	return do_clone((uint32_t)a.flags | (uint32_t)a.exit_signal, sp, (uint32_t)a.parent_tid,
			(uint32_t)a.child_tid, (uint32_t)a.tls);
}
