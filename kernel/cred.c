/* cred.c: credentials: real, effective, saved and filesystem user and group
 * ids and the supplementary groups, with Linux's rules (kernel/sys.c there):
 * root (euid 0, standing for CAP_SETUID/CAP_SETGID) may set anything; others
 * may only move among the ids they already hold. The filesystem id follows the
 * effective one on every change. The 16-bit calls of the old i386 ABI take
 * 0xffff for "unchanged" and see ids above 65535 as the overflow id 65534. */
#include "kernel.h"
#include "proc.h"
#include "syscall.h"
#include "uaccess.h"
#include "uapi/errno.h"

#define NO_CHANGE ((uint32_t)-1)
#define OVERFLOW_ID 65534u

/* One process's ids of one kind (user or group). */
struct ids {
	uint32_t *r, *e, *s, *fs;
};

static struct ids uids(void)
{
	struct proc *p = current;
	return (struct ids){ &p->uid, &p->euid, &p->suid, &p->fsuid };
}

static struct ids gids(void)
{
	struct proc *p = current;
	return (struct ids){ &p->gid, &p->egid, &p->sgid, &p->fsgid };
}

static uint32_t low2high(uint32_t id)
{
	return (uint16_t)id == 0xffff ? NO_CHANGE : (uint16_t)id;
}

static uint32_t high2low(uint32_t id)
{
	return id > 0xffff ? OVERFLOW_ID : id;
}

static bool privileged(void)
{
	return current->euid == 0;
}

static bool held(const struct ids *x, uint32_t id)
{
	return id == *x->r || id == *x->e || id == *x->s;
}

SYSCALL_DEFINE0(getuid32) { return current->uid; }
SYSCALL_DEFINE0(geteuid32) { return current->euid; }
SYSCALL_DEFINE0(getgid32) { return current->gid; }
SYSCALL_DEFINE0(getegid32) { return current->egid; }
SYSCALL_DEFINE0(getuid) { return high2low(current->uid); }
SYSCALL_DEFINE0(geteuid) { return high2low(current->euid); }
SYSCALL_DEFINE0(getgid) { return high2low(current->gid); }
SYSCALL_DEFINE0(getegid) { return high2low(current->egid); }

/* setuid/setgid: root sets all four ids, others only the effective one. */
static long set_id(struct ids x, uint32_t id)
{
	if (id == NO_CHANGE)
		return -EINVAL;
	if (privileged()) {
		*x.r = *x.s = id;
	} else if (id != *x.r && id != *x.s) {
		return -EPERM;
	}
	*x.e = *x.fs = id;
	return 0;
}

SYSCALL_DEFINE1(setuid32, uint32_t, uid) { return set_id(uids(), uid); }
SYSCALL_DEFINE1(setgid32, uint32_t, gid) { return set_id(gids(), gid); }
SYSCALL_DEFINE1(setuid, uint32_t, uid) { return set_id(uids(), low2high(uid)); }
SYSCALL_DEFINE1(setgid, uint32_t, gid) { return set_id(gids(), low2high(gid)); }

/* setreuid/setregid: the real id may become the effective one; the effective
 * id any of the three; the saved id takes the new effective id whenever the
 * real id is set or the effective one moves away from the old real id. */
static long set_re(struct ids x, uint32_t r, uint32_t e)
{
	bool priv = privileged();
	if (r != NO_CHANGE && !priv && r != *x.r && r != *x.e)
		return -EPERM;
	if (e != NO_CHANGE && !priv && !held(&x, e))
		return -EPERM;
	uint32_t old_r = *x.r;
	if (r != NO_CHANGE)
		*x.r = r;
	if (e != NO_CHANGE)
		*x.e = e;
	if (r != NO_CHANGE || (e != NO_CHANGE && e != old_r))
		*x.s = *x.e;
	*x.fs = *x.e;
	return 0;
}

SYSCALL_DEFINE2(setreuid32, uint32_t, r, uint32_t, e) { return set_re(uids(), r, e); }
SYSCALL_DEFINE2(setregid32, uint32_t, r, uint32_t, e) { return set_re(gids(), r, e); }
SYSCALL_DEFINE2(setreuid, uint32_t, r, uint32_t, e) { return set_re(uids(), low2high(r), low2high(e)); }
SYSCALL_DEFINE2(setregid, uint32_t, r, uint32_t, e) { return set_re(gids(), low2high(r), low2high(e)); }

static long set_res(struct ids x, uint32_t r, uint32_t e, uint32_t s)
{
	if (!privileged() && ((r != NO_CHANGE && !held(&x, r)) || (e != NO_CHANGE && !held(&x, e)) ||
			      (s != NO_CHANGE && !held(&x, s))))
		return -EPERM;
	if (r != NO_CHANGE)
		*x.r = r;
	if (e != NO_CHANGE)
		*x.e = e;
	if (s != NO_CHANGE)
		*x.s = s;
	*x.fs = *x.e;
	return 0;
}

SYSCALL_DEFINE3(setresuid32, uint32_t, r, uint32_t, e, uint32_t, s) { return set_res(uids(), r, e, s); }
SYSCALL_DEFINE3(setresgid32, uint32_t, r, uint32_t, e, uint32_t, s) { return set_res(gids(), r, e, s); }
SYSCALL_DEFINE3(setresuid, uint32_t, r, uint32_t, e, uint32_t, s)
{
	return set_res(uids(), low2high(r), low2high(e), low2high(s));
}
SYSCALL_DEFINE3(setresgid, uint32_t, r, uint32_t, e, uint32_t, s)
{
	return set_res(gids(), low2high(r), low2high(e), low2high(s));
}

static long get_res(struct ids x, void __user *ur, void __user *ue, void __user *us)
{
	if (put_user(*x.r, (uint32_t __user *)ur) || put_user(*x.e, (uint32_t __user *)ue) ||
	    put_user(*x.s, (uint32_t __user *)us))
		return -EFAULT;
	return 0;
}

static long get_res16(struct ids x, void __user *ur, void __user *ue, void __user *us)
{
	if (put_user((uint16_t)high2low(*x.r), (uint16_t __user *)ur) ||
	    put_user((uint16_t)high2low(*x.e), (uint16_t __user *)ue) ||
	    put_user((uint16_t)high2low(*x.s), (uint16_t __user *)us))
		return -EFAULT;
	return 0;
}

SYSCALL_DEFINE3(getresuid32, void __user *, r, void __user *, e, void __user *, s) { return get_res(uids(), r, e, s); }
SYSCALL_DEFINE3(getresgid32, void __user *, r, void __user *, e, void __user *, s) { return get_res(gids(), r, e, s); }
SYSCALL_DEFINE3(getresuid, void __user *, r, void __user *, e, void __user *, s) { return get_res16(uids(), r, e, s); }
SYSCALL_DEFINE3(getresgid, void __user *, r, void __user *, e, void __user *, s) { return get_res16(gids(), r, e, s); }

/* setfsuid/setfsgid answer the old filesystem id whether or not they change it. */
static long set_fs(struct ids x, uint32_t id)
{
	uint32_t old = *x.fs;
	if (id != NO_CHANGE && (privileged() || held(&x, id) || id == *x.fs))
		*x.fs = id;
	return old;
}

SYSCALL_DEFINE1(setfsuid32, uint32_t, id) { return set_fs(uids(), id); }
SYSCALL_DEFINE1(setfsgid32, uint32_t, id) { return set_fs(gids(), id); }
SYSCALL_DEFINE1(setfsuid, uint32_t, id) { return high2low(set_fs(uids(), low2high(id))); }
SYSCALL_DEFINE1(setfsgid, uint32_t, id) { return high2low(set_fs(gids(), low2high(id))); }

bool in_supplementary_groups(uint32_t gid)
{
	if (!current)
		return false;
	const struct group_info *g = &current->groups;
	for (int i = 0; i < g->ngroups; i++)
		if (g->gid[i] == gid)
			return true;
	return false;
}

/* The element size is 4 for the 32-bit calls and 2 for the 16-bit ones. */
static long get_groups(int size, void __user *list, size_t elsize)
{
	const struct group_info *g = &current->groups;
	if (size < 0)
		return -EINVAL;
	if (size == 0)
		return g->ngroups;
	if (size < g->ngroups)
		return -EINVAL;
	for (int i = 0; i < g->ngroups; i++) {
		int err = elsize == 4 ? put_user(g->gid[i], (uint32_t __user *)list + i)
				      : put_user((uint16_t)high2low(g->gid[i]), (uint16_t __user *)list + i);
		if (err)
			return -EFAULT;
	}
	return g->ngroups;
}

static long set_groups(int size, const void __user *list, size_t elsize)
{
	struct group_info g;
	if (!privileged())
		return -EPERM;
	if ((unsigned)size > NGROUPS_SMALL)
		return -EINVAL;
	for (int i = 0; i < size; i++) {
		uint32_t id = 0;
		uint16_t id16 = 0;
		int err = elsize == 4 ? get_user(id, (const uint32_t __user *)list + i)
				      : get_user(id16, (const uint16_t __user *)list + i);
		if (err)
			return -EFAULT;
		if (elsize == 2)
			id = low2high(id16);
		int j = i;
		for (; j > 0 && g.gid[j - 1] > id; j--)
			g.gid[j] = g.gid[j - 1];
		g.gid[j] = id;
	}
	g.ngroups = size;
	current->groups = g;
	return 0;
}

SYSCALL_DEFINE2(getgroups32, int, size, void __user *, list) { return get_groups(size, list, 4); }
SYSCALL_DEFINE2(setgroups32, int, size, const void __user *, list) { return set_groups(size, list, 4); }
SYSCALL_DEFINE2(getgroups, int, size, void __user *, list) { return get_groups(size, list, 2); }
SYSCALL_DEFINE2(setgroups, int, size, const void __user *, list) { return set_groups(size, list, 2); }
