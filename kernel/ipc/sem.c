/* ipc/sem.c: SysV semaphores (Linux's ipc/sem.c): semget, semop and
 * semtimedop, semctl, the SEM_UNDO adjustments applied at exit and
 * /proc/sysvipc/sem. semop applies all of its operations or none: it tries
 * them in order and takes back the ones done when one would block; a caller
 * that must wait sleeps on the set's wait queue and tries again whenever the
 * set changes (a successful change, SETVAL, SETALL, an exit's adjustments
 * wake everyone), so there is no lost wake-up: the system call code runs
 * under the big kernel lock. Removing the set wakes the sleepers with EIDRM. */
#include "fs/seq_file.h"
#include "ipc/ipc.h"
#include "ipc/util.h"
#include "kernel.h"
#include "list.h"
#include "mm/kmalloc.h"
#include "proc.h"
#include "time.h"
#include "uapi/errno.h"
#include "waitqueue.h"

struct sem {
	int semval;
	int sempid;
};

struct sem_array {
	struct kern_ipc_perm sem_perm;
	uint32_t sem_otime, sem_ctime;
	int sem_nsems;
	wait_queue_head_t wait;         /* semop callers that must wait */
	struct list_head pending;       /* their struct sem_queue, for GETNCNT and GETZCNT */
	struct list_head undos;         /* struct sem_undo.list_id */
	struct sem sems[];
};

/* A sleeping semop: the operation it waits for is sops[blocking]. */
struct sem_queue {
	struct list_head list;
	const struct sembuf *sops;
	int blocking;
};

/* One process's SEM_UNDO adjustments to one set (Linux's sem_undo, here on
 * one list for all processes: a process has few). */
struct sem_undo {
	struct list_head list_proc;     /* on undo_list */
	struct list_head list_id;       /* on its set's undos */
	int pid;
	int semid;
	short semadj[];
};

static struct ipc_ids sem_ids = IPC_IDS_INIT(SEMMNI);
static struct list_head undo_list = LIST_HEAD_INIT(undo_list);
static int used_sems;

/* The stack holds this many operations; more come from kmalloc. */
#define SEMOPM_FAST 64

static struct sem_array *sem_of(struct kern_ipc_perm *perm)
{
	return (struct sem_array *)perm;
}

static struct sem_array *sem_obtain(int semid)
{
	struct kern_ipc_perm *perm = ipc_obtain_check(&sem_ids, semid);
	return perm ? sem_of(perm) : NULL;
}

static void sem_free(struct kern_ipc_perm *perm)
{
	kfree(perm);
}

static void free_undo(struct sem_undo *un)
{
	list_del(&un->list_proc);
	list_del(&un->list_id);
	kfree(un);
}

static int newary(__kernel_key_t key, int semflg, unsigned long nsems)
{
	if (!nsems)
		return -EINVAL;
	if (used_sems + (int)nsems > SEMMNS)
		return -ENOSPC;
	struct sem_array *sma = kzalloc(sizeof(*sma) + nsems * sizeof(struct sem));
	if (!sma)
		return -ENOMEM;
	sma->sem_nsems = (int)nsems;
	sma->sem_ctime = ipc_now();
	sma->sem_perm.free = sem_free;
	init_waitqueue_head(&sma->wait);
	list_init(&sma->pending);
	list_init(&sma->undos);
	int r = ipc_addid(&sem_ids, &sma->sem_perm, key, semflg);
	if (r) {
		kfree(sma);
		return r;
	}
	used_sems += (int)nsems;
	return sma->sem_perm.id;
}

static int sem_more_checks(struct kern_ipc_perm *perm, unsigned long nsems)
{
	return nsems > (unsigned long)sem_of(perm)->sem_nsems ? -EINVAL : 0;
}

static const struct ipc_ops sem_ops = { .getnew = newary, .more_checks = sem_more_checks };

long ksys_semget(__kernel_key_t key, int nsems, int semflg)
{
	if (nsems < 0 || nsems > SEMMSL)
		return -EINVAL;
	return ipcget(&sem_ids, &sem_ops, key, semflg, (unsigned long)nsems);
}

static struct sem_undo *find_undo(int semid)
{
	struct sem_undo *un;
	list_for_each_entry(un, &undo_list, list_proc)
		if (un->pid == current->pid && un->semid == semid)
			return un;
	return NULL;
}

static struct sem_undo *find_alloc_undo(struct sem_array *sma)
{
	struct sem_undo *un = find_undo(sma->sem_perm.id);
	if (un)
		return un;
	un = kzalloc(sizeof(*un) + (size_t)sma->sem_nsems * sizeof(short));
	if (!un)
		return NULL;
	un->pid = current->pid;
	un->semid = sma->sem_perm.id;
	list_add(&un->list_proc, &undo_list);
	list_add(&un->list_id, &sma->undos);
	return un;
}

/* Linux's perform_atomic_semop_slow: 0 with every operation applied; 1 (must
 * wait: *blocking says on which) or -EAGAIN / -ERANGE with none. */
static int perform_atomic_semop(struct sem_array *sma, const struct sembuf *sops, int nsops, struct sem_undo *un,
				int *blocking)
{
	int i, r = 0;
	for (i = 0; i < nsops; i++) {
		const struct sembuf *sop = &sops[i];
		struct sem *curr = &sma->sems[sop->sem_num];
		int result = curr->semval + sop->sem_op;
		if ((!sop->sem_op && curr->semval) || result < 0) {
			*blocking = i;
			r = (sop->sem_flg & IPC_NOWAIT) ? -EAGAIN : 1;
			break;
		}
		if (result > SEMVMX) {
			r = -ERANGE;
			break;
		}
		if (sop->sem_flg & SEM_UNDO) {
			int undo = un->semadj[sop->sem_num] - sop->sem_op;
			if (undo < -SEMAEM - 1 || undo > SEMAEM) {
				r = -ERANGE;
				break;
			}
			un->semadj[sop->sem_num] = (short)undo;
		}
		curr->semval = result;
	}
	if (r) {
		while (--i >= 0) {
			sma->sems[sops[i].sem_num].semval -= sops[i].sem_op;
			if (sops[i].sem_flg & SEM_UNDO)
				un->semadj[sops[i].sem_num] += sops[i].sem_op;
		}
		return r;
	}
	for (i = 0; i < nsops; i++)
		sma->sems[sops[i].sem_num].sempid = ipc_pid();
	sma->sem_otime = ipc_now();
	return 0;
}

/* Tries the operations until they are done, the set goes (EIDRM), a signal
 * comes (EINTR: semop is never restarted) or the timeout passes (EAGAIN). */
static long semop_wait(struct sem_array *sma, const struct sembuf *sops, int nsops, struct sem_undo *un,
		       long ticks)
{
	struct sem_queue q = { .sops = sops };
	int r = perform_atomic_semop(sma, sops, nsops, un, &q.blocking);
	if (r <= 0)
		return r;
	struct wait_queue_entry w;
	init_wait_entry(&w);
	ipc_get(&sma->sem_perm);
	list_add_tail(&q.list, &sma->pending);
	for (;;) {
		prepare_to_wait(&sma->wait, &w, TASK_INTERRUPTIBLE);
		if (sma->sem_perm.deleted) {
			r = -EIDRM;
			break;
		}
		if ((r = perform_atomic_semop(sma, sops, nsops, un, &q.blocking)) <= 0)
			break;
		if (signal_pending_current()) {
			r = -EINTR;
			break;
		}
		if (ticks == 0) {
			r = -EAGAIN;
			break;
		}
		ticks = schedule_timeout(ticks);
	}
	finish_wait(&sma->wait, &w);
	list_del(&q.list);
	ipc_put(&sma->sem_perm);
	return r;
}

long ksys_semtimedop(int semid, struct sembuf __user *tsops, unsigned nsops, const void __user *timeout, bool wide)
{
	if (nsops < 1 || semid < 0)
		return -EINVAL;
	if (nsops > SEMOPM)
		return -E2BIG;
	struct sembuf fast[SEMOPM_FAST];
	struct sembuf *sops = nsops <= SEMOPM_FAST ? fast : kmalloc(nsops * sizeof(*sops));
	if (!sops)
		return -ENOMEM;
	long r = copyin(tsops, sops, nsops * sizeof(*sops)) ? -EFAULT : 0;
	long ticks = -1;
	int64_t ns;
	if (!r && timeout) {
		r = copyin_timespec(timeout, wide, &ns);
		ticks = r ? 0 : (long)MIN(ns_to_jiffies(ns), (int64_t)INT32_MAX);
	}
	unsigned max = 0;
	bool undos = false, alter = false;
	for (unsigned i = 0; i < nsops; i++) {
		max = MAX(max, sops[i].sem_num);
		undos |= (sops[i].sem_flg & SEM_UNDO) != 0;
		alter |= sops[i].sem_op != 0;
	}
	struct sem_array *sma = r ? NULL : sem_obtain(semid);
	struct sem_undo *un = NULL;
	if (r)
		;
	else if (!sma)
		r = -EINVAL;
	else if (max >= (unsigned)sma->sem_nsems)
		r = -EFBIG;
	else if (ipcperms(&sma->sem_perm, alter ? 0222 : 0444))
		r = -EACCES;
	else if (undos && !(un = find_alloc_undo(sma)))
		r = -ENOMEM;
	else if (!(r = semop_wait(sma, sops, (int)nsops, un, ticks)) && alter)
		wake_up_all(&sma->wait);
	if (sops != fast)
		kfree(sops);
	return r;
}

/* SETVAL and SETALL start the semaphores afresh: no process's adjustment
 * to them stays (semnum < 0: to any of them). */
static void clear_undos(struct sem_array *sma, int semnum)
{
	struct sem_undo *un;
	list_for_each_entry(un, &sma->undos, list_id)
		for (int i = 0; i < sma->sem_nsems; i++)
			if (semnum < 0 || i == semnum)
				un->semadj[i] = 0;
}

static int count_semcnt(struct sem_array *sma, int semnum, bool count_zero)
{
	int n = 0;
	struct sem_queue *q;
	list_for_each_entry(q, &sma->pending, list) {
		const struct sembuf *sop = &q->sops[q->blocking];
		if (sop->sem_num == semnum && (count_zero ? sop->sem_op == 0 : sop->sem_op < 0))
			n++;
	}
	return n;
}

static long semctl_setval(int semid, int semnum, int val)
{
	if (val > SEMVMX || val < 0)
		return -ERANGE;
	struct sem_array *sma = sem_obtain(semid);
	if (!sma)
		return -EINVAL;
	if (semnum < 0 || semnum >= sma->sem_nsems)
		return -EINVAL;
	if (ipcperms(&sma->sem_perm, 0222))
		return -EACCES;
	clear_undos(sma, semnum);
	sma->sems[semnum].semval = val;
	sma->sems[semnum].sempid = ipc_pid();
	sma->sem_ctime = ipc_now();
	wake_up_all(&sma->wait);
	return 0;
}

static long semctl_main(int semid, int semnum, int cmd, void __user *p)
{
	struct sem_array *sma = sem_obtain(semid);
	if (!sma)
		return -EINVAL;
	int nsems = sma->sem_nsems;
	if (ipcperms(&sma->sem_perm, cmd == SETALL ? 0222 : 0444))
		return -EACCES;
	if (cmd == GETALL || cmd == SETALL) {
		unsigned short *vals = kmalloc((size_t)nsems * sizeof(*vals));
		if (!vals)
			return -ENOMEM;
		long r = 0;
		if (cmd == GETALL) {
			for (int i = 0; i < nsems; i++)
				vals[i] = (unsigned short)sma->sems[i].semval;
			r = copyout(vals, p, (size_t)nsems * sizeof(*vals)) ? -EFAULT : 0;
		} else if (copyin(p, vals, (size_t)nsems * sizeof(*vals))) {
			r = -EFAULT;
		} else {
			for (int i = 0; i < nsems; i++)
				if (vals[i] > SEMVMX)
					r = -ERANGE;
			for (int i = 0; !r && i < nsems; i++) {
				sma->sems[i].semval = vals[i];
				sma->sems[i].sempid = ipc_pid();
			}
			if (!r) {
				clear_undos(sma, -1);
				sma->sem_ctime = ipc_now();
				wake_up_all(&sma->wait);
			}
		}
		kfree(vals);
		return r;
	}
	if (semnum < 0 || semnum >= nsems)
		return -EINVAL;
	switch (cmd) {
	case GETVAL:
		return sma->sems[semnum].semval;
	case GETPID:
		return sma->sems[semnum].sempid;
	case GETNCNT:
		return count_semcnt(sma, semnum, false);
	default:
		return count_semcnt(sma, semnum, true);
	}
}

static long semctl_stat(int id, int cmd, void __user *buf)
{
	struct kern_ipc_perm *perm;
	int r = ipc_obtain_stat(&sem_ids, id, cmd != IPC_STAT, cmd == SEM_STAT_ANY, &perm);
	if (r)
		return r;
	struct sem_array *sma = sem_of(perm);
	struct semid64_ds ds = { .sem_otime = sma->sem_otime, .sem_ctime = sma->sem_ctime,
				 .sem_nsems = (unsigned long)sma->sem_nsems };
	ipc_fill_perm64(perm, &ds.sem_perm);
	if (copyout(&ds, buf, sizeof ds))
		return -EFAULT;
	return cmd == IPC_STAT ? 0 : perm->id;
}

static long semctl_info(int cmd, void __user *buf)
{
	struct seminfo info = { .semmni = SEMMNI, .semmns = SEMMNS, .semmsl = SEMMSL, .semopm = SEMOPM,
				.semvmx = SEMVMX, .semmnu = SEMMNU, .semmap = SEMMAP, .semume = SEMUME,
				.semusz = SEMUSZ, .semaem = SEMAEM };
	if (cmd == SEM_INFO) {
		info.semusz = sem_ids.in_use;
		info.semaem = used_sems;
	}
	return copyout(&info, buf, sizeof info) ? -EFAULT : MAX(ipc_get_maxidx(&sem_ids), 0);
}

static void freeary(struct sem_array *sma)
{
	struct sem_undo *un, *n;
	list_for_each_entry_safe(un, n, &sma->undos, list_id)
		free_undo(un);
	used_sems -= sma->sem_nsems;
	wake_up_all(&sma->wait);
	ipc_rmid(&sem_ids, &sma->sem_perm);
}

static long semctl_down(int semid, int cmd, const struct semid64_ds *in)
{
	struct sem_array *sma = sem_obtain(semid);
	if (!sma)
		return -EINVAL;
	int r = ipc_check_owner(&sma->sem_perm);
	if (r)
		return r;
	if (cmd == IPC_RMID) {
		freeary(sma);
		return 0;
	}
	ipc_update_perm(&in->sem_perm, &sma->sem_perm);
	sma->sem_ctime = ipc_now();
	return 0;
}

long ksys_semctl(int semid, int semnum, int cmd, unsigned long arg)
{
	if (semid < 0)
		return -EINVAL;
	void __user *p = (void __user *)arg;
	struct semid64_ds in;
	switch (cmd) {
	case IPC_INFO:
	case SEM_INFO:
		return semctl_info(cmd, p);
	case IPC_STAT:
	case SEM_STAT:
	case SEM_STAT_ANY:
		return semctl_stat(semid, cmd, p);
	case GETALL:
	case GETVAL:
	case GETPID:
	case GETNCNT:
	case GETZCNT:
	case SETALL:
		return semctl_main(semid, semnum, cmd, p);
	case SETVAL:
		return semctl_setval(semid, semnum, (int)arg);
	case IPC_SET:
		if (copyin(p, &in, sizeof in))
			return -EFAULT;
		return semctl_down(semid, cmd, &in);
	case IPC_RMID:
		return semctl_down(semid, cmd, NULL);
	default:
		return -EINVAL;
	}
}

/* Linux's exit_sem: each adjustment is added back, the result kept within
 * [0, SEMVMX]. */
void exit_sem(void)
{
	struct sem_undo *un, *n;
	list_for_each_entry_safe(un, n, &undo_list, list_proc) {
		if (un->pid != current->pid)
			continue;
		struct sem_array *sma = sem_obtain(un->semid);
		for (int i = 0; sma && i < sma->sem_nsems; i++) {
			if (!un->semadj[i])
				continue;
			struct sem *s = &sma->sems[i];
			s->semval = MIN(MAX(s->semval + un->semadj[i], 0), SEMVMX);
			s->sempid = ipc_pid();
		}
		if (sma)
			wake_up_all(&sma->wait);
		free_undo(un);
	}
}

static void sem_proc_show(struct seq_file *m, struct kern_ipc_perm *perm)
{
	const struct sem_array *sma = sem_of(perm);
	seq_printf(m, "%10d %10d  %4o %10u %5u %5u %5u %5u %10u %10u\n", perm->key, perm->id, perm->mode,
		   sma->sem_nsems, perm->uid, perm->gid, perm->cuid, perm->cgid, sma->sem_otime, sma->sem_ctime);
}

int sem_init(void)
{
	return ipc_proc_create("sem", &sem_ids,
			       "       key      semid perms      nsems   uid   gid  cuid  cgid      otime      ctime\n",
			       sem_proc_show);
}
