/* process_vm.c: process_vm_readv and process_vm_writev, copies between the
 * caller's memory and another process's (mm/access_vm.c), with ptrace's
 * permission rule. The bytes moved until the first unreachable address, as
 * Linux; EFAULT if none were. */
#include "kernel.h"
#include "errno.h"
#include "mm/access_vm.h"
#include "mm/kmalloc.h"
#include "proc.h"
#include "syscall.h"
#include "uaccess.h"
#include "uapi/uio.h"

#define CHUNK 256

/* One remote range against the local vector, from entry li at offset loff on. */
static long copy_range(struct proc *p, uint32_t raddr, uint32_t rlen, const struct iovec *liov,
		       uint32_t lcnt, uint32_t *li, uint32_t *loff, bool write)
{
	char buf[CHUNK];
	long done = 0;
	while (rlen && *li < lcnt) {
		const struct iovec *l = &liov[*li];
		uint32_t n = MIN(MIN(rlen, (uint32_t)l->iov_len - *loff), CHUNK);
		if (!n) {
			(*li)++, *loff = 0;
			continue;
		}
		char __user *local = (char *)l->iov_base + *loff;
		uint32_t moved;
		if (write) {
			if (copyin(local, buf, n))
				return done ? done : -EFAULT;
			moved = access_process_vm(p, raddr, buf, n, FOLL_WRITE);
		} else {
			moved = access_process_vm(p, raddr, buf, n, 0);
			if (copyout(buf, local, moved))
				return done ? done : -EFAULT;
		}
		done += moved;
		if (moved < n)
			return done ? done : -EFAULT;
		raddr += n, rlen -= n, *loff += n;
	}
	return done;
}

static struct iovec *iov_in(const struct iovec __user *u, uint32_t n)
{
	struct iovec *v = kmalloc(n * sizeof(*v) + 1);
	if (v && copyin(u, v, n * sizeof(*v))) {
		kfree(v);
		return NULL;
	}
	return v;
}

static long process_vm_rw(int pid, const struct iovec __user *ulocal, uint32_t lcnt,
			  const struct iovec __user *uremote, uint32_t rcnt, uint32_t flags, bool write)
{
	if (flags || lcnt > UIO_MAXIOV || rcnt > UIO_MAXIOV)
		return -EINVAL;
	struct iovec *local = iov_in(ulocal, lcnt), *remote = local ? iov_in(uremote, rcnt) : NULL;
	long r = remote ? 0 : -EFAULT, total = 0;
	struct proc *p = r ? NULL : proc_find(pid);
	if (!r && (!p || p->state == P_EMBRYO || p->state == P_ZOMBIE || !p->mm))
		r = -ESRCH;
	else if (!r && !ptrace_may_access(p))
		r = -EPERM;
	uint32_t li = 0, loff = 0;
	for (uint32_t i = 0; !r && i < rcnt; i++) {
		long n = copy_range(p, (uint32_t)remote[i].iov_base, remote[i].iov_len, local, lcnt, &li, &loff,
				    write);
		if (n < 0)
			r = total ? 0 : n;
		else
			total += n;
		if (n < 0 || (uint32_t)n < remote[i].iov_len)
			break;
	}
	kfree(local);
	kfree(remote);
	return r ? r : total;
}

SYSCALL_DEFINE6(process_vm_readv, int, pid, const struct iovec *, local, uint32_t, lcnt,
		const struct iovec *, remote, uint32_t, rcnt, uint32_t, flags)
{
	return process_vm_rw(pid, local, lcnt, remote, rcnt, flags, false);
}

SYSCALL_DEFINE6(process_vm_writev, int, pid, const struct iovec *, local, uint32_t, lcnt,
		const struct iovec *, remote, uint32_t, rcnt, uint32_t, flags)
{
	return process_vm_rw(pid, local, lcnt, remote, rcnt, flags, true);
}
