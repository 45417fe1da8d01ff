/* robust_list.c: robust futex lists (set_robust_list, get_robust_list).
 * When a process exits or execs, each futex on its list that it still owns
 * gets FUTEX_OWNER_DIED with its owner cleared, as Linux's
 * exit_robust_list: a process sharing the memory (a process-shared robust
 * mutex) then sees that the owner died. The list lives in user memory and
 * is walked only through the uaccess layer, at most ROBUST_LIST_LIMIT
 * entries: a bad or looping list ends the walk, never the kernel. A futex
 * with FUTEX_WAITERS set has one waiter woken, to find the owner dead. */
#include "kernel.h"
#include "futex.h"
#include "proc.h"
#include "syscall.h"
#include "uapi/capability.h"
#include "uapi/errno.h"
#include "uapi/futex.h"

SYSCALL_DEFINE2(set_robust_list, uint32_t, head, size_t, len)
{
	if (len != sizeof(struct robust_list_head))
		return -EINVAL;
	current->robust_list = head;
	return 0;
}

SYSCALL_DEFINE3(get_robust_list, int, pid, uint32_t *, uhead, size_t *, ulen)
{
	struct proc *p = pid ? proc_find(pid) : current;
	if (!p)
		return -ESRCH;
	/* Linux asks for ptrace read access: the same user, or root. */
	if (p != current && !capable(CAP_SYS_PTRACE) && current->uid != p->uid)
		return -EPERM;
	if (put_user((size_t)sizeof(struct robust_list_head), ulen) || put_user(p->robust_list, uhead))
		return -EFAULT;
	return 0;
}

/* An entry's address and PI bit, or false if it cannot be read. */
static bool fetch_entry(uint32_t uaddr, uint32_t *entry, bool *pi)
{
	uint32_t v;
	if (get_user(v, (uint32_t __user *)uaddr))
		return false;
	*entry = v & ~1u;
	*pi = v & 1;
	return true;
}

/* false if the futex word cannot be read or written. No other process runs
 * while the kernel does, so reading then writing the word is atomic. */
static bool futex_death(uint32_t uaddr, bool pi, bool pending)
{
	uint32_t uval;
	if ((uaddr & 3) || get_user(uval, (uint32_t __user *)uaddr))
		return false;
	if (pending && !pi && !uval)
		return true;                    /* an unlock in progress: it would wake a waiter */
	if ((uval & FUTEX_TID_MASK) != (uint32_t)current->pid)
		return true;
	uint32_t mval = (uval & FUTEX_WAITERS) | FUTEX_OWNER_DIED;
	if (put_user(mval, (uint32_t __user *)uaddr))
		return false;
	/* Shared: it also finds a waiter of a private futex in a private mapping (futex.c). */
	if (uval & FUTEX_WAITERS)
		futex_wake(uaddr, true, 1, FUTEX_BITSET_MATCH_ANY);
	return true;
}

void exit_robust_list(void)
{
	uint32_t head = current->robust_list;
	current->robust_list = 0;
	uint32_t entry, pending, next = 0;
	int32_t offset;
	bool pi, pending_pi, next_pi = false;
	if (!head || !fetch_entry(head, &entry, &pi) ||
	    get_user(offset, (int32_t __user *)(head + offsetof(struct robust_list_head, futex_offset))) ||
	    !fetch_entry(head + offsetof(struct robust_list_head, list_op_pending), &pending, &pending_pi))
		return;
	for (int limit = ROBUST_LIST_LIMIT; entry != head && limit > 0; limit--) {
		bool ok = fetch_entry(entry, &next, &next_pi);
		if (entry != pending && !futex_death(entry + (uint32_t)offset, pi, false))
			return;
		if (!ok)
			return;
		entry = next;
		pi = next_pi;
	}
	if (pending)
		futex_death(pending + (uint32_t)offset, pending_pi, true);
}
