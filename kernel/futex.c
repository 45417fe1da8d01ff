/* futex.c: futex(2) and futex_time64: sleeping on a user word until another
 * process wakes it (WAIT, WAKE and their BITSET forms, REQUEUE, CMP_REQUEUE,
 * WAKE_OP), as Linux. A waiter is keyed by its address space and address,
 * or, for a word in a MAP_SHARED page, by the physical address, so processes
 * that map the page at different addresses meet. The kernel runs one process
 * at a time and is not preempted, so reading the word and queueing the
 * waiter cannot race with a wake. Waiters live on their own kernel stacks,
 * queued oldest first on one list (there are at most NPROC of them). PI
 * futexes are not implemented (ENOSYS). */
#include "kernel.h"
#include "futex.h"
#include "proc.h"
#include "syscall.h"
#include "time.h"
#include "uapi/errno.h"
#include "uapi/futex.h"
#include "uapi/time.h"

struct futex_key {
	const void *space;              /* the mm, or NULL for a physical address */
	uint32_t addr;
};

struct futex_q {
	struct list_head link;
	struct futex_key key;
	uint32_t bitset;
	bool woken;
	struct wait_queue_head wait;
};

static struct list_head futex_queue = LIST_HEAD_INIT(futex_queue);

static int get_futex_key(uint32_t uaddr, bool shared, struct futex_key *key)
{
	if (uaddr & 3)
		return -EINVAL;
	key->space = current->mm;
	key->addr = uaddr;
	if (!shared)
		return 0;
	uint32_t v;             /* read only to fault the page in */
	if (get_user(v, (uint32_t __user *)uaddr))
		return -EFAULT;
	(void)v;
	pte_t *pte = vm_walk(current->pgdir, uaddr, false);
	if (pte && (*pte & PTE_SHARED)) {
		key->space = NULL;
		key->addr = PTE_ADDR(*pte) | (uaddr & 0xfff);
	}
	return 0;
}

static bool key_eq(const struct futex_key *a, const struct futex_key *b)
{
	return a->space == b->space && a->addr == b->addr;
}

static void wake_q(struct futex_q *q)
{
	list_del(&q->link);
	q->woken = true;
	wake_up(&q->wait);
}

/* Linux's loop: the count is checked after a wake, so nr <= 0 wakes one. */
static int wake_key(const struct futex_key *key, int nr, uint32_t bitset)
{
	int n = 0;
	struct futex_q *q, *tmp;
	list_for_each_entry_safe(q, tmp, &futex_queue, link) {
		if (!key_eq(&q->key, key) || !(q->bitset & bitset))
			continue;
		wake_q(q);
		if (++n >= nr)
			break;
	}
	return n;
}

int futex_wake(uint32_t uaddr, bool shared, int nr, uint32_t bitset)
{
	struct futex_key key;
	if (!bitset)
		return -EINVAL;
	int r = get_futex_key(uaddr, shared, &key);
	return r ? r : wake_key(&key, nr, bitset);
}

#define NO_DEADLINE INT64_MAX

/* Sleeps while the word holds val, until woken, a signal, or the clock
 * reaching deadline (ns). */
static long futex_wait(uint32_t uaddr, bool shared, uint32_t val, int clk, int64_t deadline, uint32_t bitset)
{
	struct futex_q q = { .bitset = bitset };
	if (!bitset)
		return -EINVAL;
	int r = get_futex_key(uaddr, shared, &q.key);
	if (r)
		return r;
	uint32_t cur;
	if (get_user(cur, (uint32_t __user *)uaddr))
		return -EFAULT;
	if (cur != val)
		return -EAGAIN;
	init_waitqueue_head(&q.wait);
	list_add_tail(&q.link, &futex_queue);
	for (;;) {
		long ticks = -1;
		if (deadline != NO_DEADLINE) {
			int64_t now;
			clock_now(clk, &now);
			if (now >= deadline) {
				r = -ETIMEDOUT;
				break;
			}
			int64_t t = ns_to_jiffies(deadline - now);
			ticks = t > INT32_MAX ? INT32_MAX : (long)t;
		}
		long w = wait_event_interruptible_timeout(q.wait, q.woken, ticks);
		if (q.woken) {
			r = 0;
			break;
		}
		/* Linux restarts an untimed wait (SA_RESTART); a timed one is EINTR. */
		if (w < 0) {
			r = deadline == NO_DEADLINE ? -ERESTARTSYS : -EINTR;
			break;
		}
	}
	if (!q.woken)
		list_del(&q.link);
	return r;
}

/* Wakes nr_wake waiters on uaddr and moves up to nr_requeue more to uaddr2;
 * with cmpval, only if the word still holds *cmpval. */
static long futex_requeue(uint32_t uaddr, bool shared, uint32_t uaddr2, int nr_wake, int nr_requeue,
			  const uint32_t *cmpval)
{
	struct futex_key k1, k2;
	if (nr_wake < 0 || nr_requeue < 0)
		return -EINVAL;
	int r = get_futex_key(uaddr, shared, &k1);
	if (!r)
		r = get_futex_key(uaddr2, shared, &k2);
	if (r)
		return r;
	if (cmpval) {
		uint32_t cur;
		if (get_user(cur, (uint32_t __user *)uaddr))
			return -EFAULT;
		if (cur != *cmpval)
			return -EAGAIN;
	}
	int count = 0;
	struct list_head moved = LIST_HEAD_INIT(moved);
	struct futex_q *q, *tmp;
	list_for_each_entry_safe(q, tmp, &futex_queue, link) {
		if (count - nr_wake >= nr_requeue)
			break;
		if (!key_eq(&q->key, &k1))
			continue;
		if (++count <= nr_wake) {
			wake_q(q);
			continue;
		}
		q->key = k2;
		list_del(&q->link);
		list_add_tail(&q->link, &moved);
	}
	list_for_each_entry_safe(q, tmp, &moved, link) {
		list_del(&q->link);
		list_add_tail(&q->link, &futex_queue);
	}
	return count;
}

/* FUTEX_WAKE_OP: *uaddr2 = old op oparg; wake on uaddr, and on uaddr2 too if
 * old cmp cmparg. The operation is done before cmp is checked, as Linux. */
static long futex_wake_op(uint32_t uaddr, bool shared, uint32_t uaddr2, int nr_wake, int nr_wake2,
			  uint32_t encoded)
{
	struct futex_key k1, k2;
	int r = get_futex_key(uaddr, shared, &k1);
	if (!r)
		r = get_futex_key(uaddr2, shared, &k2);
	if (r)
		return r;
	int op = (encoded >> 28) & 7, cmp = (encoded >> 24) & 15;
	int32_t oparg = (int32_t)(encoded << 8) >> 20, cmparg = (int32_t)(encoded << 20) >> 20;
	if (encoded & (FUTEX_OP_OPARG_SHIFT << 28))
		oparg = (int32_t)(1u << (oparg & 31));
	int32_t old;
	if (get_user(old, (int32_t __user *)uaddr2))
		return -EFAULT;
	int32_t val;
	switch (op) {
	case FUTEX_OP_SET: val = oparg; break;
	case FUTEX_OP_ADD: val = (int32_t)((uint32_t)old + (uint32_t)oparg); break;
	case FUTEX_OP_OR: val = old | oparg; break;
	case FUTEX_OP_ANDN: val = old & ~oparg; break;
	case FUTEX_OP_XOR: val = old ^ oparg; break;
	default: return -ENOSYS;
	}
	if (put_user(val, (int32_t __user *)uaddr2))
		return -EFAULT;
	bool hit;
	switch (cmp) {
	case FUTEX_OP_CMP_EQ: hit = old == cmparg; break;
	case FUTEX_OP_CMP_NE: hit = old != cmparg; break;
	case FUTEX_OP_CMP_LT: hit = old < cmparg; break;
	case FUTEX_OP_CMP_LE: hit = old <= cmparg; break;
	case FUTEX_OP_CMP_GT: hit = old > cmparg; break;
	case FUTEX_OP_CMP_GE: hit = old >= cmparg; break;
	default: return -ENOSYS;
	}
	int n = wake_key(&k1, nr_wake, FUTEX_BITSET_MATCH_ANY);
	if (hit)
		n += wake_key(&k2, nr_wake2, FUTEX_BITSET_MATCH_ANY);
	return n;
}

static long do_futex(uint32_t uaddr, int op, uint32_t val, uint32_t utime, uint32_t uaddr2, uint32_t val3,
		     bool wide)
{
	int cmd = op & FUTEX_CMD_MASK;
	bool shared = !(op & FUTEX_PRIVATE_FLAG);
	int clk = (op & FUTEX_CLOCK_REALTIME) ? CLOCK_REALTIME : CLOCK_MONOTONIC;
	if ((op & FUTEX_CLOCK_REALTIME) && cmd != FUTEX_WAIT_BITSET)
		return -ENOSYS;
	int64_t deadline = NO_DEADLINE;
	if (utime && (cmd == FUTEX_WAIT || cmd == FUTEX_WAIT_BITSET)) {
		int64_t ns, now;
		int r = copyin_timespec((const void __user *)utime, wide, &ns);
		if (r)
			return r;
		/* FUTEX_WAIT's timeout is relative, WAIT_BITSET's an absolute time. */
		if (cmd == FUTEX_WAIT) {
			clock_now(clk, &now);
			deadline = ns > INT64_MAX - now ? NO_DEADLINE : now + ns;
		} else {
			deadline = ns;
		}
	}
	switch (cmd) {
	case FUTEX_WAIT:
		val3 = FUTEX_BITSET_MATCH_ANY;
		/* fall through */
	case FUTEX_WAIT_BITSET:
		return futex_wait(uaddr, shared, val, clk, deadline, val3);
	case FUTEX_WAKE:
		val3 = FUTEX_BITSET_MATCH_ANY;
		/* fall through */
	case FUTEX_WAKE_BITSET:
		return futex_wake(uaddr, shared, (int)val, val3);
	case FUTEX_REQUEUE:
		return futex_requeue(uaddr, shared, uaddr2, (int)val, (int)utime, NULL);
	case FUTEX_CMP_REQUEUE:
		return futex_requeue(uaddr, shared, uaddr2, (int)val, (int)utime, &val3);
	case FUTEX_WAKE_OP:
		return futex_wake_op(uaddr, shared, uaddr2, (int)val, (int)utime, val3);
	default:
		return -ENOSYS;
	}
}

SYSCALL_DEFINE6(futex, uint32_t, uaddr, int, op, uint32_t, val, uint32_t, utime, uint32_t, uaddr2,
		uint32_t, val3)
{
	return do_futex(uaddr, op, val, utime, uaddr2, val3, false);
}

SYSCALL_DEFINE6(futex_time64, uint32_t, uaddr, int, op, uint32_t, val, uint32_t, utime, uint32_t, uaddr2,
		uint32_t, val3)
{
	return do_futex(uaddr, op, val, utime, uaddr2, val3, true);
}
