/* pidfd.c: pidfd_open and pidfd_send_signal, as Linux's: an fd that stands
 * for a process (a thread-group leader), "anon_inode:[pidfd]", close-on-exec;
 * it polls readable (POLLIN) once the process has exited, and signals sent
 * through it go to that process even after its pid is reused (the fd then
 * says ESRCH). */
#include "kernel.h"
#include "fs/anon_inode.h"
#include "fs/fdtable.h"
#include "fs/poll.h"
#include "mm/kmalloc.h"
#include "proc.h"
#include "syscall.h"
#include "waitqueue.h"
#include "uapi/errno.h"
#include "uapi/fcntl.h"
#include "uapi/poll.h"

struct pidfd {
	int pid;
	uint64_t start_jiffies;         /* tells the process from a later one with its pid */
};

static DECLARE_WAIT_QUEUE_HEAD(pidfd_wait);

void pidfd_notify_exit(void)
{
	wake_up_all(&pidfd_wait);
}

/* The live (or zombie) process the fd stands for, or NULL once it is gone. */
static struct proc *pidfd_proc(const struct pidfd *pf)
{
	struct proc *p = proc_find(pf->pid);
	return p && p->start_jiffies == pf->start_jiffies ? p : NULL;
}

static unsigned int pidfd_poll(struct file *file, poll_table *pt)
{
	poll_wait(file, &pidfd_wait, pt);
	struct proc *p = pidfd_proc(file->private_data);
	return !p || p->state == P_ZOMBIE ? POLLIN | POLLRDNORM : 0;
}

static int pidfd_release(struct inode *inode, struct file *file)
{
	(void)inode;
	kfree(file->private_data);
	return 0;
}

static const struct file_operations pidfd_fops = {
	.poll = pidfd_poll,
	.release = pidfd_release,
};

SYSCALL_DEFINE2(pidfd_open, int, pid, unsigned, flags)
{
	if (flags & ~O_NONBLOCK)
		return -EINVAL;
	if (pid <= 0)
		return -EINVAL;
	struct proc *p = proc_find(pid);
	if (!p)
		return -ESRCH;
	if (p != p->group_leader)
		return -EINVAL;
	struct pidfd *pf = kzalloc(sizeof *pf);
	if (!pf)
		return -ENOMEM;
	*pf = (struct pidfd){ p->pid, p->start_jiffies };
	int fd = anon_inode_getfd("[pidfd]", &pidfd_fops, pf, O_RDWR | O_CLOEXEC | (int)flags);
	if (fd < 0)
		kfree(pf);
	return fd;
}

SYSCALL_DEFINE4(pidfd_send_signal, int, fd, int, sig, const struct k_siginfo __user *, uinfo, unsigned, flags)
{
	if (flags)
		return -EINVAL;
	struct file *f = fget(fd);
	if (!f)
		return -EBADF;
	long err = f->f_op == &pidfd_fops ? 0 : -EBADF;
	struct proc *p = err ? NULL : pidfd_proc(f->private_data);
	struct pidfd pf = p ? *(struct pidfd *)f->private_data : (struct pidfd){ 0, 0 };
	fput(f);
	if (err)
		return err;
	if (!p)
		return -ESRCH;
	struct k_siginfo info = { .si_signo = sig, .si_code = SI_USER };
	info.si_pid = current->tgid;
	info.si_uid = current->uid;
	if (uinfo) {
		if (copy_from_user(&info, uinfo, sizeof info))
			return -EFAULT;
		if (info.si_signo != sig)
			return -EINVAL;
		/* As kill: only the kernel may claim a kernel code for another process. */
		if ((info.si_code >= 0 || info.si_code == SI_TKILL) && p->tgid != current->tgid)
			return -EPERM;
	}
	return kill_one_info(pf.pid, sig, &info);
}
