/* ipc_msg: SysV message queues: msgget's errors, msgsnd and msgrcv by type
 * (0, > 0, < 0, MSG_EXCEPT), MSG_NOERROR and E2BIG, ENOMSG and EAGAIN with
 * IPC_NOWAIT, a sender waiting for room and a receiver for a message (both
 * woken), EIDRM when the queue goes, EINTR, what IPC_STAT reports (qnum,
 * cbytes, qbytes, lspid, lrpid), IPC_SET of msg_qbytes (raising it is
 * root's), IPC_INFO, the permission checks as uid 1000 and /proc/sysvipc/msg.
 * Every wait is bounded (alarm). */
#define _GNU_SOURCE
#include "check.h"
#include "ipc_util.h"
#include <sys/msg.h>

struct msgbuf_ {
	long mtype;
	char mtext[64];
};

static int snd(int id, long type, const char *text, int flg)
{
	struct msgbuf_ m = { .mtype = type };
	strcpy(m.mtext, text);
	return msgsnd(id, &m, strlen(text), flg);
}

/* The type of the message received (its text in buf), or -1. */
static long rcv(int id, long type, char *buf, int flg)
{
	struct msgbuf_ m;
	memset(&m, 0, sizeof m);
	ssize_t n = msgrcv(id, &m, sizeof m.mtext - 1, type, flg);
	if (n < 0)
		return -1;
	if (buf)
		memcpy(buf, m.mtext, (size_t)n + 1);
	return m.mtype;
}

static struct msqid_ds stat_of(int id)
{
	struct msqid_ds ds;
	memset(&ds, 0xff, sizeof ds);
	msgctl(id, IPC_STAT, &ds);
	return ds;
}

/* CapEff's bit 24 in /proc/self/status; without the line, being root. */
static int has_cap_sys_resource(void)
{
	char buf[2048];
	if (!read_proc_file(getpid(), "status", buf, sizeof buf))
		return geteuid() == 0;
	char *cap = strstr(buf, "CapEff:");
	return cap ? (int)((strtoull(cap + 7, NULL, 16) >> 24) & 1) : geteuid() == 0;
}

static void on_alarm(int sig)
{
	(void)sig;
}

static void test_basic(void)
{
	key_t key = ipc_test_key(1);
	CHECK_ERR(msgget(key, 0600), ENOENT, "msgget of a missing key: ENOENT");
	int id = CHECK_OK(msgget(key, IPC_CREAT | 0620), "msgget IPC_CREAT");
	CHECK_EQ(msgget(key, 0), id, "the key again: the same queue");
	CHECK_ERR(msgget(key, IPC_CREAT | IPC_EXCL), EEXIST, "IPC_CREAT|IPC_EXCL: EEXIST");
	struct msqid_ds ds = stat_of(id);
	CHECK(ds.msg_qnum == 0 && ds.msg_qbytes == 16384 && ds.msg_perm.mode == 0620 && ds.msg_lspid == 0 &&
	      ds.msg_stime == 0, "IPC_STAT of a new queue: empty, qbytes MSGMNB, mode, lspid 0");
	CHECK_OK(msgctl(id, IPC_RMID, NULL), "IPC_RMID");
	CHECK_ERR(msgget(key, 0), ENOENT, "the key is free again");

	id = msgget(IPC_PRIVATE, 0600);
	CHECK_OK(snd(id, 3, "three", 0), "msgsnd type 3");
	CHECK_OK(snd(id, 1, "one", 0), "msgsnd type 1");
	CHECK_OK(snd(id, 2, "two", 0), "msgsnd type 2");
	CHECK_OK(snd(id, 1, "uno", 0), "msgsnd type 1 again");
	ds = stat_of(id);
	CHECK(ds.msg_qnum == 4 && ds.msg_lspid == getpid() && ds.msg_stime != 0, "IPC_STAT: qnum 4, lspid, stime");
	CHECK_EQ(ds.msg_cbytes, 14, "IPC_STAT: 14 bytes in the queue");
	char buf[64];
	CHECK(rcv(id, 2, buf, 0) == 2 && strcmp(buf, "two") == 0, "msgrcv type 2: the type-2 message");
	CHECK(rcv(id, -2, buf, 0) == 1 && strcmp(buf, "one") == 0, "msgrcv type -2: the lowest type, first of them");
	CHECK(rcv(id, 1, buf, MSG_EXCEPT) == 3, "msgrcv MSG_EXCEPT 1: the first of another type");
	CHECK_ERR(rcv(id, 7, buf, IPC_NOWAIT), ENOMSG, "msgrcv of a type not there, IPC_NOWAIT: ENOMSG");
	CHECK(rcv(id, 0, buf, 0) == 1 && strcmp(buf, "uno") == 0, "msgrcv type 0: the first");
	ds = stat_of(id);
	CHECK(ds.msg_qnum == 0 && ds.msg_cbytes == 0 && ds.msg_lrpid == getpid() && ds.msg_rtime != 0,
	      "IPC_STAT: empty again, lrpid, rtime");
	CHECK_ERR(rcv(id, 0, buf, IPC_NOWAIT), ENOMSG, "msgrcv of an empty queue, IPC_NOWAIT: ENOMSG");

	snd(id, 5, "a longer text", 0);
	struct { long mtype; char mtext[4]; } small;
	CHECK_ERR(msgrcv(id, &small, 4, 0, IPC_NOWAIT), E2BIG, "msgrcv into a smaller buffer: E2BIG");
	CHECK_EQ(stat_of(id).msg_qnum, 1, "the message stays");
	CHECK_EQ(msgrcv(id, &small, 4, 0, MSG_NOERROR), 4, "MSG_NOERROR: cut to the buffer");
	CHECK(memcmp(small.mtext, "a lo", 4) == 0 && small.mtype == 5, "the first bytes, the type");
	CHECK_EQ(stat_of(id).msg_qnum, 0, "and the message is gone");

	struct msgbuf_ m = { .mtype = 0 };
	CHECK_ERR(msgsnd(id, &m, 1, 0), EINVAL, "msgsnd of type 0: EINVAL");
	m.mtype = 1;
	static struct { long mtype; char mtext[8193]; } huge = { 1, { 0 } };
	CHECK_ERR(msgsnd(id, &huge, 8193, 0), EINVAL, "msgsnd of more than MSGMAX: EINVAL");
	CHECK_ERR(msgsnd(id, null_ptr(), 1, 0), EFAULT, "msgsnd from a bad address: EFAULT");
	CHECK_ERR(msgsnd(-1, &m, 1, 0), EINVAL, "msgsnd to a negative id: EINVAL");
	CHECK_ERR(msgrcv(id, &m, (size_t)-1, 0, IPC_NOWAIT), EINVAL, "msgrcv of a negative size: EINVAL");
	CHECK_OK(msgsnd(id, &m, 0, 0), "msgsnd of an empty message");
	CHECK_EQ(msgrcv(id, &m, 8, 0, 0), 0, "msgrcv: 0 bytes");

	struct msginfo mi;
	CHECK(msgctl(0, IPC_INFO, (struct msqid_ds *)&mi) >= 0, "IPC_INFO");
	CHECK(mi.msgmax == 8192 && mi.msgmnb == 16384 && mi.msgmni == 32000 && mi.msgssz == 16,
	      "IPC_INFO: Linux's MSGMAX, MSGMNB, MSGMNI, MSGSSZ");
	CHECK_ERR(msgctl(id, 12345, &ds), EINVAL, "an unknown command: EINVAL");
	msgctl(id, IPC_RMID, NULL);
}

static int child_receive(void *arg)
{
	int id = *(int *)arg;
	char buf[64];
	alarm(10);
	return rcv(id, 9, buf, 0) == 9 && strcmp(buf, "nine") == 0 ? 0 : 1;
}

static int child_send_full(void *arg)
{
	int id = *(int *)arg;
	alarm(10);
	return snd(id, 1, "0123456789", 0) ? 1 : 0;
}

static int child_eidrm(void *arg)
{
	int id = *(int *)arg;
	alarm(10);
	errno = 0;
	return rcv(id, 0, NULL, 0) == -1 && errno == EIDRM ? 0 : 1;
}

static int child_eintr(void *arg)
{
	int id = *(int *)arg;
	set_handler(SIGALRM, on_alarm, 0);
	alarm(1);
	errno = 0;
	return rcv(id, 0, NULL, 0) == -1 && errno == EINTR ? 0 : 1;
}

/* Polls until pid sleeps (in the call it was spawned to make), at most 5 s. */
static int wait_sleeping(pid_t pid)
{
	for (int i = 0; i < 500; i++) {
		if (proc_state(pid) == 'S')
			return 1;
		sleep_ms(10);
	}
	return 0;
}

static void test_sleep(void)
{
	int id = msgget(IPC_PRIVATE, 0600);
	pid_t r = spawn(child_receive, &id);
	CHECK(wait_sleeping(r), "a receiver of type 9 sleeps");
	snd(id, 4, "four", 0);
	sleep_ms(100);
	CHECK(still_running(r) && stat_of(id).msg_qnum == 1, "a receiver of type 9 waits past a type-4 message");
	snd(id, 9, "nine", 0);
	expect_exit(wait_status(r), 0, "the type-9 message wakes it");
	rcv(id, 0, NULL, 0);

	struct msqid_ds ds = stat_of(id);
	ds.msg_qbytes = 20;
	CHECK_OK(msgctl(id, IPC_SET, &ds), "IPC_SET msg_qbytes 20");
	CHECK_EQ(stat_of(id).msg_qbytes, 20, "qbytes 20");
	CHECK_OK(snd(id, 1, "0123456789", IPC_NOWAIT), "10 bytes fit");
	CHECK_OK(snd(id, 1, "0123456789", IPC_NOWAIT), "20 bytes fit");
	CHECK_ERR(snd(id, 1, "x", IPC_NOWAIT), EAGAIN, "one more byte, IPC_NOWAIT: EAGAIN");
	pid_t s = spawn(child_send_full, &id);
	CHECK(wait_sleeping(s), "a sender without IPC_NOWAIT waits for room");
	CHECK(rcv(id, 0, NULL, 0) == 1, "a receive makes room");
	expect_exit(wait_status(s), 0, "the sender is woken and done");
	CHECK_EQ(stat_of(id).msg_qnum, 2, "two messages queued");
	rcv(id, 0, NULL, 0);
	rcv(id, 0, NULL, 0);

	expect_exit(run_child(child_eintr, &id), 0, "a handled signal ends a waiting msgrcv: EINTR");
	pid_t e = spawn(child_eidrm, &id);
	CHECK(wait_sleeping(e), "a receiver sleeps on an empty queue");
	CHECK_OK(msgctl(id, IPC_RMID, NULL), "IPC_RMID with a receiver waiting");
	expect_exit(wait_status(e), 0, "the receiver is woken with EIDRM");
}

static int as_user(void *arg)
{
	int id = *(int *)arg;
	if (drop_to_user())
		return 100;
	struct msqid_ds ds;
	int bad = 0;
	errno = 0;
	bad |= snd(id, 1, "x", IPC_NOWAIT) != -1 || errno != EACCES;
	errno = 0;
	bad |= (rcv(id, 0, NULL, IPC_NOWAIT) != -1 || errno != EACCES) << 1;
	errno = 0;
	bad |= (msgctl(id, IPC_STAT, &ds) != -1 || errno != EACCES) << 2;
	errno = 0;
	bad |= (msgctl(id, IPC_RMID, NULL) != -1 || errno != EPERM) << 3;
	return bad;
}

/* The owner, not root: it may lower msg_qbytes, not raise it past MSGMNB. */
static int owner_qbytes(void *arg)
{
	(void)arg;
	if (drop_to_user())
		return 100;
	int id = msgget(IPC_PRIVATE, 0600);
	struct msqid_ds ds = stat_of(id);
	int bad = 0;
	ds.msg_qbytes = 100;
	bad |= msgctl(id, IPC_SET, &ds) != 0;
	ds.msg_qbytes = 16384;
	bad |= (msgctl(id, IPC_SET, &ds) != 0) << 1;
	ds.msg_qbytes = 16385;
	errno = 0;
	bad |= (msgctl(id, IPC_SET, &ds) != -1 || errno != EPERM) << 2;
	bad |= (stat_of(id).msg_qbytes != 16384) << 3;
	msgctl(id, IPC_RMID, NULL);
	return bad;
}

static void test_perms_proc(void)
{
	key_t key = ipc_test_key(2);
	int id = msgget(key, IPC_CREAT | 0600);
	expect_exit(run_child(as_user, &id), 0, "uid 1000 on a 0600 root queue: msgsnd, msgrcv, IPC_STAT EACCES; IPC_RMID EPERM");
	expect_exit(run_child(owner_qbytes, NULL), 0, "a non-root owner lowers msg_qbytes; raising it past MSGMNB: EPERM");
	struct msqid_ds ds = stat_of(id);
	ds.msg_qbytes = 100000;
	/* (The container that runs the host half of the test may withhold it from root.) */
	errno = 0;
	int r = msgctl(id, IPC_SET, &ds), err = errno;
	CHECK(has_cap_sys_resource() ? r == 0 && stat_of(id).msg_qbytes == 100000 : r == -1 && err == EPERM,
	      "root raises msg_qbytes past MSGMNB exactly when it holds CAP_SYS_RESOURCE");
	snd(id, 1, "hello", 0);
	FILE *f = fopen("/proc/sysvipc/msg", "r");
	char line[512];
	int found = 0, header = f && fgets(line, sizeof line, f) && strncmp(line, "       key      msqid perms      cbytes", 39) == 0;
	while (f && fgets(line, sizeof line, f)) {
		long v[7];
		if (parse_fields(line, v, 7) && v[0] == key && v[1] == id && v[2] == 0600 && v[3] == 5 && v[4] == 1 &&
		    v[5] == getpid() && v[6] == 0)
			found++;
	}
	if (f)
		fclose(f);
	CHECK(header, "/proc/sysvipc/msg: Linux's header");
	CHECK_EQ(found, 1, "/proc/sysvipc/msg: the queue's key, id, perms, cbytes, qnum, lspid, lrpid");
	msgctl(id, IPC_RMID, NULL);
}

int main(void)
{
	test_basic();
	test_sleep();
	test_perms_proc();
	return done();
}
