/* ipc/msg.c: SysV message queues (Linux's ipc/msg.c): msgget, msgsnd,
 * msgrcv, msgctl and /proc/sysvipc/msg. A queue holds its messages in the
 * order they came; a sender waits while the message would take the queue
 * past msg_qbytes, a receiver while no message of the type it asks for is
 * there, each on its queue's wait queue, and tries again when woken (the big
 * kernel lock keeps the check and the sleep together). Removing a queue wakes
 * both with EIDRM. */
#include "fs/seq_file.h"
#include "ipc/ipc.h"
#include "ipc/util.h"
#include "kernel.h"
#include "list.h"
#include "mm/kmalloc.h"
#include "proc.h"
#include "uapi/capability.h"
#include "uapi/errno.h"
#include "uapi/msg.h"
#include "waitqueue.h"

struct msg_msg {
	struct list_head m_list;
	long m_type;
	uint32_t m_ts;                  /* bytes of text */
	char m_text[];
};

struct msg_queue {
	struct kern_ipc_perm q_perm;
	uint32_t q_stime, q_rtime, q_ctime;
	unsigned long q_cbytes, q_qnum, q_qbytes;
	int q_lspid, q_lrpid;
	struct list_head q_messages;
	wait_queue_head_t q_senders, q_receivers;
};

static struct ipc_ids msg_ids = IPC_IDS_INIT(MSGMNI);
static int msg_hdrs, msg_bytes;         /* messages and bytes in all queues, for MSG_INFO */

static struct msg_queue *msq_of(struct kern_ipc_perm *perm)
{
	return (struct msg_queue *)perm;
}

static struct msg_queue *msq_obtain(int msqid)
{
	struct kern_ipc_perm *perm = ipc_obtain_check(&msg_ids, msqid);
	return perm ? msq_of(perm) : NULL;
}

static void free_msg(struct msg_msg *msg)
{
	kfree(msg);
}

/* The queue's messages go with its last reference (a sleeper may hold one). */
static void msg_free(struct kern_ipc_perm *perm)
{
	struct msg_queue *msq = msq_of(perm);
	struct msg_msg *msg, *n;
	list_for_each_entry_safe(msg, n, &msq->q_messages, m_list)
		free_msg(msg);
	kfree(msq);
}

static int newque(__kernel_key_t key, int msgflg, unsigned long unused)
{
	(void)unused;
	struct msg_queue *msq = kzalloc(sizeof(*msq));
	if (!msq)
		return -ENOMEM;
	msq->q_qbytes = MSGMNB;
	msq->q_ctime = ipc_now();
	msq->q_perm.free = msg_free;
	list_init(&msq->q_messages);
	init_waitqueue_head(&msq->q_senders);
	init_waitqueue_head(&msq->q_receivers);
	int r = ipc_addid(&msg_ids, &msq->q_perm, key, msgflg);
	if (r) {
		kfree(msq);
		return r;
	}
	return msq->q_perm.id;
}

static const struct ipc_ops msg_ops = { .getnew = newque };

long ksys_msgget(__kernel_key_t key, int msgflg)
{
	return ipcget(&msg_ids, &msg_ops, key, msgflg, 0);
}

static bool msg_fits_inqueue(const struct msg_queue *msq, uint32_t msgsz)
{
	return msgsz + msq->q_cbytes <= msq->q_qbytes && 1 + msq->q_qnum <= msq->q_qbytes;
}

/* Sleeps on wq until woken, holding a reference to the queue: 0, -EIDRM or
 * -ERESTARTNOHAND (a signal: a handler makes it EINTR, as Linux). */
static int msg_sleep(struct msg_queue *msq, wait_queue_head_t *wq, bool (*ready)(struct msg_queue *, void *),
		     void *arg)
{
	struct wait_queue_entry w;
	init_wait_entry(&w);
	int r = 0;
	ipc_get(&msq->q_perm);
	for (;;) {
		prepare_to_wait(wq, &w, TASK_INTERRUPTIBLE);
		if (msq->q_perm.deleted) {
			r = -EIDRM;
			break;
		}
		if (ready(msq, arg))
			break;
		if (signal_pending_current()) {
			r = -ERESTARTNOHAND;
			break;
		}
		schedule_timeout(-1);
	}
	finish_wait(wq, &w);
	ipc_put(&msq->q_perm);
	return r;
}

static bool may_send(struct msg_queue *msq, void *msgsz)
{
	return msg_fits_inqueue(msq, *(uint32_t *)msgsz);
}

long ksys_msgsnd(int msqid, const void __user *msgp, uint32_t msgsz, int msgflg)
{
	long mtype;
	if (get_user(mtype, (const long __user *)msgp))
		return -EFAULT;
	if (msgsz > MSGMAX || (int32_t)msgsz < 0 || msqid < 0)
		return -EINVAL;
	if (mtype < 1)
		return -EINVAL;
	struct msg_msg *msg = kmalloc(sizeof(*msg) + msgsz);
	if (!msg)
		return -ENOMEM;
	msg->m_type = mtype;
	msg->m_ts = msgsz;
	if (copyin((const char __user *)msgp + sizeof(long), msg->m_text, msgsz)) {
		free_msg(msg);
		return -EFAULT;
	}
	struct msg_queue *msq = msq_obtain(msqid);
	int r = msq ? 0 : -EINVAL;
	while (!r) {
		if (ipcperms(&msq->q_perm, 0222))
			r = -EACCES;
		else if (msg_fits_inqueue(msq, msgsz))
			break;
		else if (msgflg & IPC_NOWAIT)
			r = -EAGAIN;
		else
			r = msg_sleep(msq, &msq->q_senders, may_send, &msgsz);
	}
	if (r) {
		free_msg(msg);
		return r;
	}
	list_add_tail(&msg->m_list, &msq->q_messages);
	msq->q_cbytes += msgsz;
	msq->q_qnum++;
	msq->q_lspid = ipc_pid();
	msq->q_stime = ipc_now();
	msg_hdrs++;
	msg_bytes += (int)msgsz;
	wake_up_all(&msq->q_receivers);
	return 0;
}

#define SEARCH_ANY       1
#define SEARCH_EQUAL     2
#define SEARCH_NOTEQUAL  3
#define SEARCH_LESSEQUAL 4
#define SEARCH_NUMBER    5

struct msg_search {
	long type;
	int mode;
};

static int convert_mode(long *msgtyp, int msgflg)
{
	if (msgflg & MSG_COPY)
		return SEARCH_NUMBER;
	if (*msgtyp == 0)
		return SEARCH_ANY;
	if (*msgtyp < 0) {
		*msgtyp = *msgtyp == INT32_MIN ? INT32_MAX : -*msgtyp;
		return SEARCH_LESSEQUAL;
	}
	return (msgflg & MSG_EXCEPT) ? SEARCH_NOTEQUAL : SEARCH_EQUAL;
}

/* Linux's find_msg: the first message the search takes; SEARCH_LESSEQUAL
 * the one of lowest type, SEARCH_NUMBER the type'th. */
static struct msg_msg *find_msg(struct msg_queue *msq, const struct msg_search *s)
{
	struct msg_msg *msg, *found = NULL;
	long count = 0;
	list_for_each_entry(msg, &msq->q_messages, m_list) {
		switch (s->mode) {
		case SEARCH_ANY:
			return msg;
		case SEARCH_EQUAL:
			if (msg->m_type == s->type)
				return msg;
			break;
		case SEARCH_NOTEQUAL:
			if (msg->m_type != s->type)
				return msg;
			break;
		case SEARCH_LESSEQUAL:
			if (msg->m_type <= s->type && (!found || msg->m_type < found->m_type))
				found = msg;
			break;
		default:
			if (count++ == s->type)
				return msg;
		}
	}
	return found;
}

static bool may_receive(struct msg_queue *msq, void *search)
{
	return find_msg(msq, search) != NULL;
}

long ksys_msgrcv(int msqid, void __user *msgp, uint32_t bufsz, long msgtyp, int msgflg)
{
	if (msqid < 0 || (int32_t)bufsz < 0)
		return -EINVAL;
	if ((msgflg & MSG_COPY) && (!(msgflg & IPC_NOWAIT) || (msgflg & MSG_EXCEPT)))
		return -EINVAL;
	struct msg_search s = { .mode = convert_mode(&msgtyp, msgflg) };
	s.type = msgtyp;
	struct msg_queue *msq = msq_obtain(msqid);
	if (!msq)
		return -EINVAL;
	struct msg_msg *msg;
	for (;;) {
		if (ipcperms(&msq->q_perm, 0444))
			return -EACCES;
		msg = find_msg(msq, &s);
		if (msg)
			break;
		if (msgflg & IPC_NOWAIT)
			return -ENOMSG;
		int r = msg_sleep(msq, &msq->q_receivers, may_receive, &s);
		if (r)
			return r;
	}
	if (bufsz < msg->m_ts && !(msgflg & MSG_NOERROR))
		return -E2BIG;
	uint32_t n = MIN(bufsz, msg->m_ts);
	if (put_user(msg->m_type, (long __user *)msgp) ||
	    copyout(msg->m_text, (char __user *)msgp + sizeof(long), n))
		return -EFAULT;
	if (s.mode == SEARCH_NUMBER)
		return n;
	list_del(&msg->m_list);
	msq->q_qnum--;
	msq->q_cbytes -= msg->m_ts;
	msq->q_lrpid = ipc_pid();
	msq->q_rtime = ipc_now();
	msg_hdrs--;
	msg_bytes -= (int)msg->m_ts;
	free_msg(msg);
	wake_up_all(&msq->q_senders);
	return n;
}

static long msgctl_stat(int id, int cmd, void __user *buf)
{
	struct kern_ipc_perm *perm;
	int r = ipc_obtain_stat(&msg_ids, id, cmd != IPC_STAT, cmd == MSG_STAT_ANY, &perm);
	if (r)
		return r;
	const struct msg_queue *msq = msq_of(perm);
	struct msqid64_ds ds = { .msg_stime = msq->q_stime, .msg_rtime = msq->q_rtime, .msg_ctime = msq->q_ctime,
				 .msg_cbytes = msq->q_cbytes, .msg_qnum = msq->q_qnum, .msg_qbytes = msq->q_qbytes,
				 .msg_lspid = msq->q_lspid, .msg_lrpid = msq->q_lrpid };
	ipc_fill_perm64(perm, &ds.msg_perm);
	if (copyout(&ds, buf, sizeof ds))
		return -EFAULT;
	return cmd == IPC_STAT ? 0 : perm->id;
}

static long msgctl_info(int cmd, void __user *buf)
{
	struct msginfo info = { .msgmni = MSGMNI, .msgmax = MSGMAX, .msgmnb = MSGMNB, .msgssz = MSGSSZ,
				.msgseg = MSGSEG, .msgpool = MSGPOOL, .msgmap = MSGMAP, .msgtql = MSGTQL };
	if (cmd == MSG_INFO) {
		info.msgpool = msg_ids.in_use;
		info.msgmap = msg_hdrs;
		info.msgtql = msg_bytes;
	}
	return copyout(&info, buf, sizeof info) ? -EFAULT : MAX(ipc_get_maxidx(&msg_ids), 0);
}

static long msgctl_down(int msqid, int cmd, const struct msqid64_ds *in)
{
	struct msg_queue *msq = msq_obtain(msqid);
	if (!msq)
		return -EINVAL;
	int r = ipc_check_owner(&msq->q_perm);
	if (r)
		return r;
	if (cmd == IPC_RMID) {
		msg_hdrs -= (int)msq->q_qnum;
		msg_bytes -= (int)msq->q_cbytes;
		wake_up_all(&msq->q_senders);
		wake_up_all(&msq->q_receivers);
		ipc_rmid(&msg_ids, &msq->q_perm);
		return 0;
	}
	/* Raising a queue past the default limit is CAP_SYS_RESOURCE's. */
	if (in->msg_qbytes > MSGMNB && !capable(CAP_SYS_RESOURCE))
		return -EPERM;
	ipc_update_perm(&in->msg_perm, &msq->q_perm);
	msq->q_qbytes = in->msg_qbytes;
	msq->q_ctime = ipc_now();
	/* A larger queue may take a waiting sender's message now. */
	wake_up_all(&msq->q_senders);
	return 0;
}

long ksys_msgctl(int msqid, int cmd, void __user *buf)
{
	if (msqid < 0 || cmd < 0)
		return -EINVAL;
	struct msqid64_ds in;
	switch (cmd) {
	case IPC_INFO:
	case MSG_INFO:
		return msgctl_info(cmd, buf);
	case IPC_STAT:
	case MSG_STAT:
	case MSG_STAT_ANY:
		return msgctl_stat(msqid, cmd, buf);
	case IPC_SET:
		if (copyin(buf, &in, sizeof in))
			return -EFAULT;
		return msgctl_down(msqid, cmd, &in);
	case IPC_RMID:
		return msgctl_down(msqid, cmd, NULL);
	default:
		return -EINVAL;
	}
}

static void msg_proc_show(struct seq_file *m, struct kern_ipc_perm *perm)
{
	const struct msg_queue *msq = msq_of(perm);
	seq_printf(m, "%10d %10d  %4o  %10lu %10lu %5u %5u %5u %5u %5u %5u %10u %10u %10u\n", perm->key, perm->id,
		   perm->mode, msq->q_cbytes, msq->q_qnum, msq->q_lspid, msq->q_lrpid, perm->uid, perm->gid, perm->cuid,
		   perm->cgid, msq->q_stime, msq->q_rtime, msq->q_ctime);
}

int msg_init(void)
{
	return ipc_proc_create("msg", &msg_ids,
			       "       key      msqid perms      cbytes       qnum lspid lrpid   uid   gid  cuid  cgid"
			       "      stime      rtime      ctime\n",
			       msg_proc_show);
}
