/* cpu_affinity: sched_setaffinity to one CPU moves the caller there, on
 * every online CPU (getcpu says so, sched_getaffinity gives back exactly
 * it); a mask shorter than the kernel's is zero-extended; a mask of no
 * online CPU is EINVAL and changes nothing; a forked child inherits the
 * mask; a thread's mask is its own (by its tid); getcpu takes NULL pointers
 * and a bad one is EFAULT. Raw system calls; no CPU numbers printed. */
#include "check.h"

#include <pthread.h>

typedef unsigned long mask_t[32];

static long get_mask(long pid, mask_t m)
{
	memset(m, 0, sizeof(mask_t));
	return raw_syscall(__NR_sched_getaffinity, pid, sizeof(mask_t), (long)m);
}

static long set_one(long pid, unsigned cpu)
{
	mask_t m;
	memset(m, 0, sizeof m);
	m[cpu / 32] = 1ul << (cpu % 32);
	return raw_syscall(__NR_sched_setaffinity, pid, sizeof m, (long)m);
}

static int only(const mask_t m, unsigned cpu)
{
	for (unsigned i = 0; i < 32; i++)
		if (m[i] != (i == cpu / 32 ? 1ul << (cpu % 32) : 0))
			return 0;
	return 1;
}

static long cpu_now(void)
{
	unsigned cpu = ~0u, node = ~0u;
	long r = raw_syscall(__NR_getcpu, (long)&cpu, (long)&node, 0);
	return r ? r : node == 0 ? (long)cpu : -1000;
}

static unsigned highest;                /* the last online CPU */

static int child_mask(void *arg)
{
	(void)arg;
	mask_t m;
	return get_mask(0, m) > 0 && only(m, highest) ? 0 : 1;
}

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cond = PTHREAD_COND_INITIALIZER;
static int stage;                       /* 1: the thread set its mask; 2: it may end */
static long thread_tid;

static void *pinned_thread(void *arg)
{
	(void)arg;
	long ok = set_one(0, 0) == 0 && cpu_now() == 0;
	pthread_mutex_lock(&lock);
	thread_tid = raw_syscall(__NR_gettid, 0, 0, 0);
	stage = 1;
	pthread_cond_broadcast(&cond);
	while (stage != 2)
		pthread_cond_wait(&cond, &lock);
	pthread_mutex_unlock(&lock);
	return (void *)ok;
}

int main(void)
{
	mask_t all, m;
	long len = get_mask(0, all);
	CHECK(len > 0 && len % 4 == 0 && len <= (long)sizeof all, "sched_getaffinity: a length in words");
	int online = 0, moved = 0, reported = 0;
	for (unsigned cpu = 0; cpu < 32 * 32; cpu++) {
		if (!((all[cpu / 32] >> (cpu % 32)) & 1))
			continue;
		online++;
		highest = cpu;
		moved += set_one(0, cpu) == 0 && cpu_now() == (long)cpu;
		reported += get_mask(0, m) > 0 && only(m, cpu);
	}
	CHECK(online >= 1 && moved == online, "pinned to each allowed CPU in turn, getcpu is that CPU");
	CHECK_EQ(reported, online, "sched_getaffinity gives back the one CPU each time");

	CHECK_EQ(set_one(0, highest), 0, "pinned to the last CPU");
	expect_exit(run_child(child_mask, NULL), 0, "a forked child has the same mask");
	CHECK_EQ(raw_syscall(__NR_sched_setaffinity, 0, sizeof all, (long)all), 0, "back to every CPU");
	CHECK(get_mask(0, m) == len && memcmp(m, all, sizeof m) == 0, "the mask is the first one again");

	unsigned short low = 1;         /* CPU 0 in a mask of two bytes */
	CHECK_EQ(raw_syscall(__NR_sched_setaffinity, 0, sizeof low, (long)&low), 0,
		 "a mask shorter than a word");
	CHECK(get_mask(0, m) > 0 && only(m, 0), "is zero-extended: CPU 0 alone");
	memset(m, 0, sizeof m);
	m[31] = 1ul << 31;              /* CPU 1023: no machine here has it */
	CHECK_EQ(raw_syscall(__NR_sched_setaffinity, 0, sizeof m, (long)m), -EINVAL,
		 "a mask of no online CPU: EINVAL");
	CHECK(get_mask(0, m) > 0 && only(m, 0), "and the mask is unchanged");
	memset(m, 0, sizeof m);
	CHECK_EQ(raw_syscall(__NR_sched_setaffinity, 0, 0, (long)m), -EINVAL, "a mask of length 0: EINVAL");
	CHECK_EQ(raw_syscall(__NR_sched_getaffinity, 0, 2, (long)m), -EINVAL, "sched_getaffinity into 2 bytes: EINVAL");
	raw_syscall(__NR_sched_setaffinity, 0, sizeof all, (long)all);

	pthread_t t;
	CHECK_EQ(pthread_create(&t, NULL, pinned_thread, NULL), 0, "a thread");
	pthread_mutex_lock(&lock);
	while (stage != 1)
		pthread_cond_wait(&cond, &lock);
	long tid = thread_tid;
	pthread_mutex_unlock(&lock);
	CHECK(get_mask(tid, m) > 0 && only(m, 0), "the thread pinned itself to CPU 0: its tid's mask");
	CHECK(get_mask(0, m) == len && memcmp(m, all, sizeof m) == 0, "the main thread's mask is still every CPU");
	pthread_mutex_lock(&lock);
	stage = 2;
	pthread_cond_broadcast(&cond);
	pthread_mutex_unlock(&lock);
	void *ok = NULL;
	pthread_join(t, &ok);
	CHECK(ok == (void *)1, "and getcpu in it said CPU 0");

	CHECK_EQ(raw_syscall(__NR_getcpu, 0, 0, 0), 0, "getcpu with NULL pointers");
	unsigned cpu = ~0u;
	CHECK(raw_syscall(__NR_getcpu, (long)&cpu, 0, 0) == 0 && cpu <= highest, "getcpu with no node pointer");
	CHECK_EQ(raw_syscall(__NR_getcpu, (long)unmapped_page(), 0, 0), -EFAULT, "getcpu to a bad pointer: EFAULT");
	CHECK_EQ(raw_syscall(__NR_getcpu, 0, (long)unmapped_page(), 0), -EFAULT, "its node to a bad pointer: EFAULT");
	return done();
}
