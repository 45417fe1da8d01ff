/* cred.c: credentials: real, effective and saved user and group ids. uid 0
 * is root (it passes permission checks and has CAP_SYS_ADMIN); setuid follows
 * POSIX: root may set anything, others only switch between their own ids. */
#include "kernel.h"
#include "proc.h"
#include "syscall.h"
#include "uapi/errno.h"

SYSCALL_DEFINE0(getuid32) { return current->uid; }
SYSCALL_DEFINE0(geteuid32) { return current->euid; }
SYSCALL_DEFINE0(getgid32) { return current->gid; }
SYSCALL_DEFINE0(getegid32) { return current->egid; }
SYSCALL_ALIAS(getuid, getuid32)
SYSCALL_ALIAS(geteuid, geteuid32)
SYSCALL_ALIAS(getgid, getgid32)
SYSCALL_ALIAS(getegid, getegid32)

/* setuid and setgid share one rule over the three ids of either kind. */
static int set_id(uint32_t id, uint32_t *real, uint32_t *eff, uint32_t *saved)
{
	if (id == (uint32_t)-1)
		return -EINVAL;
	if (current->euid == 0) {
		*real = *eff = *saved = id;
		return 0;
	}
	if (id != *real && id != *saved)
		return -EPERM;
	*eff = id;
	return 0;
}

SYSCALL_DEFINE1(setuid32, uint32_t, uid)
{
	struct proc *p = current;
	return set_id(uid, &p->uid, &p->euid, &p->suid);
}
SYSCALL_ALIAS(setuid, setuid32)

SYSCALL_DEFINE1(setgid32, uint32_t, gid)
{
	struct proc *p = current;
	return set_id(gid, &p->gid, &p->egid, &p->sgid);
}
SYSCALL_ALIAS(setgid, setgid32)

static int get_ids(uint32_t r, uint32_t e, uint32_t s, uint32_t *ur, uint32_t *ue, uint32_t *us)
{
	if (copyout(&r, ur, 4) || copyout(&e, ue, 4) || copyout(&s, us, 4))
		return -EFAULT;
	return 0;
}

SYSCALL_DEFINE3(getresuid32, uint32_t *, r, uint32_t *, e, uint32_t *, s)
{
	return get_ids(current->uid, current->euid, current->suid, r, e, s);
}

SYSCALL_DEFINE3(getresgid32, uint32_t *, r, uint32_t *, e, uint32_t *, s)
{
	return get_ids(current->gid, current->egid, current->sgid, r, e, s);
}

SYSCALL_DEFINE2(getgroups32, int, size, uint32_t *, list)
{
	(void)list;
	return size < 0 ? -EINVAL : 0;
}
