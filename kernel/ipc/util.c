/* ipc/util.c: the id tables, permission checks and ipc64_perm of SysV IPC
 * (see util.h), after Linux's ipc/util.c. */
#include "cred.h"
#include "fs/procfs.h"
#include "fs/seq_file.h"
#include "ipc/util.h"
#include "kernel.h"
#include "proc.h"
#include "time.h"
#include "uapi/capability.h"
#include "uapi/errno.h"
#include "uapi/time.h"

static struct kern_ipc_perm *ipc_findkey(struct ipc_ids *ids, __kernel_key_t key)
{
	for (int i = 0; i <= ids->last_idx && i < ids->max; i++)
		if (ids->entries[i] && ids->entries[i]->key == key)
			return ids->entries[i];
	return NULL;
}

/* Linux's ipcget: a private key always makes a new object; otherwise the
 * key's object is checked (EEXIST, the kind's checks, then EACCES) or, with
 * IPC_CREAT, made. */
int ipcget(struct ipc_ids *ids, const struct ipc_ops *ops, __kernel_key_t key, int flg, unsigned long arg)
{
	if (key == IPC_PRIVATE)
		return ops->getnew(key, flg, arg);
	struct kern_ipc_perm *perm = ipc_findkey(ids, key);
	if (!perm)
		return (flg & IPC_CREAT) ? ops->getnew(key, flg, arg) : -ENOENT;
	if ((flg & IPC_CREAT) && (flg & IPC_EXCL))
		return -EEXIST;
	int r = ops->more_checks ? ops->more_checks(perm, arg) : 0;
	if (r)
		return r;
	return ipcperms(perm, flg) ? -EACCES : perm->id;
}

/* As Linux's ipc_idr_alloc: the lowest free slot; the sequence number moves
 * on whenever a slot at or below the last one handed out is reused, so a
 * stale id does not name the new object. */
int ipc_addid(struct ipc_ids *ids, struct kern_ipc_perm *perm, __kernel_key_t key, int flg)
{
	int idx = 0;
	while (idx < ids->max && ids->entries[idx])
		idx++;
	if (idx == ids->max)
		return -ENOSPC;
	if (idx <= ids->last_idx && ++ids->seq >= INT32_MAX / IPCMNI)
		ids->seq = 0;
	ids->last_idx = MAX(ids->last_idx, idx);
	perm->key = key;
	perm->uid = perm->cuid = current->euid;
	perm->gid = perm->cgid = current->egid;
	perm->mode = (unsigned short)(flg & 0777);
	perm->seq = ids->seq;
	perm->id = ids->seq * IPCMNI + idx;
	perm->deleted = false;
	perm->refcount = 1;
	ids->entries[idx] = perm;
	ids->in_use++;
	return 0;
}

struct kern_ipc_perm *ipc_obtain_slot(struct ipc_ids *ids, int idx)
{
	return idx >= 0 && idx < ids->max ? ids->entries[idx] : NULL;
}

struct kern_ipc_perm *ipc_obtain_check(struct ipc_ids *ids, int id)
{
	struct kern_ipc_perm *perm = id < 0 ? NULL : ipc_obtain_slot(ids, id % IPCMNI);
	return perm && perm->id == id ? perm : NULL;
}

int ipc_obtain_stat(struct ipc_ids *ids, int id, bool by_slot, bool any, struct kern_ipc_perm **out)
{
	struct kern_ipc_perm *perm = by_slot ? ipc_obtain_slot(ids, id) : ipc_obtain_check(ids, id);
	if (!perm)
		return -EINVAL;
	if (!any && ipcperms(perm, 0444))
		return -EACCES;
	*out = perm;
	return 0;
}

int ipc_get_maxidx(const struct ipc_ids *ids)
{
	for (int i = MIN(ids->last_idx, ids->max - 1); i >= 0; i--)
		if (ids->entries[i])
			return i;
	return -1;
}

void ipc_rmid(struct ipc_ids *ids, struct kern_ipc_perm *perm)
{
	ids->entries[perm->id % IPCMNI] = NULL;
	ids->in_use--;
	perm->deleted = true;
	ipc_put(perm);
}

void ipc_get(struct kern_ipc_perm *perm)
{
	perm->refcount++;
}

void ipc_put(struct kern_ipc_perm *perm)
{
	if (--perm->refcount == 0)
		perm->free(perm);
}

static bool in_group_p(uint32_t gid)
{
	return current->fsgid == gid || in_supplementary_groups(gid);
}

int ipcperms(const struct kern_ipc_perm *perm, int flag)
{
	int requested = (flag >> 6) | (flag >> 3) | flag;
	int granted = perm->mode;
	uint32_t euid = current->euid;
	if (euid == perm->cuid || euid == perm->uid)
		granted >>= 6;
	else if (in_group_p(perm->cgid) || in_group_p(perm->gid))
		granted >>= 3;
	return (requested & ~granted & 0007) && !capable(CAP_IPC_OWNER) ? -EACCES : 0;
}

int ipc_check_owner(const struct kern_ipc_perm *perm)
{
	uint32_t euid = current->euid;
	return euid == perm->cuid || euid == perm->uid || capable(CAP_SYS_ADMIN) ? 0 : -EPERM;
}

void ipc_fill_perm64(const struct kern_ipc_perm *in, struct ipc64_perm *out)
{
	*out = (struct ipc64_perm){ .key = in->key, .uid = in->uid, .gid = in->gid, .cuid = in->cuid,
				    .cgid = in->cgid, .mode = in->mode, .seq = in->seq };
}

void ipc_update_perm(const struct ipc64_perm *in, struct kern_ipc_perm *out)
{
	out->uid = in->uid;
	out->gid = in->gid;
	out->mode = (unsigned short)((out->mode & ~0777) | (in->mode & 0777));
}

int ipc_parse_version(int *cmd)
{
	if (*cmd & IPC_64) {
		*cmd ^= IPC_64;
		return IPC_64;
	}
	return 0;
}

uint32_t ipc_now(void)
{
	int64_t ns = 0;
	clock_now(CLOCK_REALTIME, &ns);
	return (uint32_t)(ns / NSEC_PER_SEC);
}

int ipc_pid(void)
{
	return current->tgid;
}

/* /proc/sysvipc/NAME: a header line, then a line for each object. */
struct ipc_proc_iface {
	struct ipc_ids *ids;
	const char *header;
	void (*show)(struct seq_file *m, struct kern_ipc_perm *perm);
};

static int sysvipc_show(struct seq_file *m, void *v)
{
	(void)v;
	const struct ipc_proc_iface *iface = m->private;
	seq_puts(m, iface->header);
	for (int i = 0; i <= iface->ids->last_idx && i < iface->ids->max; i++)
		if (iface->ids->entries[i])
			iface->show(m, iface->ids->entries[i]);
	return 0;
}

int ipc_proc_create(const char *name, struct ipc_ids *ids, const char *header,
		    void (*show)(struct seq_file *m, struct kern_ipc_perm *perm))
{
	static struct proc_dir_entry *dir;
	static struct ipc_proc_iface ifaces[3];
	static int n;
	if (!dir && !(dir = proc_mkdir("sysvipc", NULL)))
		return -ENOMEM;
	if (n == ARRAY_SIZE(ifaces))
		return -ENOSPC;
	struct ipc_proc_iface *iface = &ifaces[n++];
	*iface = (struct ipc_proc_iface){ ids, header, show };
	return proc_create_single_data(name, 0444, dir, sysvipc_show, iface) ? 0 : -ENOMEM;
}
