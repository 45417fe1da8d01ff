/* sched_policy: sched_getaffinity includes CPU 0 and sched_setaffinity
 * takes a mask with it and refuses an empty one; sched_setscheduler and
 * sched_getscheduler move among SCHED_OTHER, SCHED_BATCH and SCHED_IDLE,
 * inherited by fork; priorities are 0 for them, 1-99 for the real-time
 * ones; EINVAL, EPERM and ESRCH as Linux. Raw system calls. */
#include "check.h"

#include <uapi/sched.h>

static long sc(long nr, long a, long b, long c)
{
	return raw_syscall(nr, a, b, c);
}

static int report_policy(void *arg)
{
	(void)arg;
	return (int)sc(__NR_sched_getscheduler, 0, 0, 0);
}

static int exit_now(void *arg)
{
	(void)arg;
	return 0;
}

static int unprivileged(void *arg)
{
	pid_t parent = *(pid_t *)arg;
	struct k_sched_param prm = { 0 };
	unsigned long mask = 1;
	if (setuid(1000) != 0)
		return 1;
	if (sc(__NR_sched_setscheduler, parent, SCHED_OTHER, (long)&prm) != -EPERM)
		return 2;
	return sc(__NR_sched_setaffinity, parent, sizeof mask, (long)&mask) == -EPERM ? 0 : 3;
}

int main(void)
{
	unsigned long mask[32];
	memset(mask, 0, sizeof mask);
	long n = sc(__NR_sched_getaffinity, 0, sizeof mask, (long)mask);
	CHECK(n > 0 && n % 4 == 0 && (mask[0] & 1), "sched_getaffinity: a mask with CPU 0");
	CHECK_EQ(sc(__NR_sched_getaffinity, 0, 0, (long)mask), -EINVAL, "sched_getaffinity of length 0: EINVAL");
	CHECK_EQ(sc(__NR_sched_getaffinity, 0, sizeof mask - 2, (long)mask), -EINVAL, "a length not in words: EINVAL");
	CHECK_EQ(sc(__NR_sched_getaffinity, 0, sizeof mask, (long)null_ptr()), -EFAULT, "to a bad pointer: EFAULT");
	memset(mask, 0xff, sizeof mask);
	CHECK_EQ(sc(__NR_sched_setaffinity, 0, sizeof mask, (long)mask), 0, "sched_setaffinity to every CPU");
	memset(mask, 0, sizeof mask);
	CHECK_EQ(sc(__NR_sched_setaffinity, 0, sizeof mask, (long)mask), -EINVAL, "to no CPU: EINVAL");
	CHECK_EQ(sc(__NR_sched_setaffinity, 0, sizeof mask, (long)null_ptr()), -EFAULT, "from a bad pointer: EFAULT");

	struct k_sched_param prm = { 0 };
	CHECK_EQ(sc(__NR_sched_getscheduler, 0, 0, 0), SCHED_OTHER, "SCHED_OTHER to start with");
	CHECK_EQ(sc(__NR_sched_setscheduler, 0, SCHED_BATCH, (long)&prm), 0, "SCHED_BATCH");
	CHECK_EQ(sc(__NR_sched_getscheduler, getpid(), 0, 0), SCHED_BATCH, "sched_getscheduler sees it");
	expect_exit(run_child(report_policy, NULL), SCHED_BATCH, "a forked child inherits it");
	CHECK_EQ(sc(__NR_sched_setscheduler, 0, SCHED_IDLE, (long)&prm), 0, "SCHED_IDLE");
	CHECK_EQ(sc(__NR_sched_setparam, 0, (long)&prm, 0), 0, "sched_setparam keeps the policy");
	CHECK_EQ(sc(__NR_sched_getscheduler, 0, 0, 0), SCHED_IDLE, "still SCHED_IDLE");
	CHECK_EQ(sc(__NR_sched_setscheduler, 0, SCHED_OTHER, (long)&prm), 0, "back to SCHED_OTHER");
	prm.sched_priority = 5;
	CHECK_EQ(sc(__NR_sched_setscheduler, 0, SCHED_OTHER, (long)&prm), -EINVAL, "SCHED_OTHER with priority 5: EINVAL");
	CHECK_EQ(sc(__NR_sched_setparam, 0, (long)&prm, 0), -EINVAL, "sched_setparam with priority 5: EINVAL");
	prm.sched_priority = 0;
	CHECK_EQ(sc(__NR_sched_setscheduler, 0, SCHED_FIFO, (long)&prm), -EINVAL, "SCHED_FIFO with priority 0: EINVAL");
	CHECK_EQ(sc(__NR_sched_setscheduler, 0, 42, (long)&prm), -EINVAL, "an unknown policy: EINVAL");
	CHECK_EQ(sc(__NR_sched_setscheduler, 0, -1, (long)&prm), -EINVAL, "a negative policy: EINVAL");
	CHECK_EQ(sc(__NR_sched_setscheduler, 0, SCHED_OTHER, 0), -EINVAL, "no parameters: EINVAL");
	CHECK_EQ(sc(__NR_sched_setscheduler, -1, SCHED_OTHER, (long)&prm), -EINVAL, "a negative pid: EINVAL");
	prm.sched_priority = 7;
	CHECK_EQ(sc(__NR_sched_getparam, 0, (long)&prm, 0), 0, "sched_getparam");
	CHECK_EQ(prm.sched_priority, 0, "priority 0 for SCHED_OTHER");
	CHECK_EQ(sc(__NR_sched_getparam, 0, 0, 0), -EINVAL, "sched_getparam to NULL: EINVAL");

	CHECK_EQ(sc(__NR_sched_get_priority_max, SCHED_FIFO, 0, 0), 99, "SCHED_FIFO's priorities end at 99");
	CHECK_EQ(sc(__NR_sched_get_priority_min, SCHED_RR, 0, 0), 1, "SCHED_RR's start at 1");
	CHECK_EQ(sc(__NR_sched_get_priority_max, SCHED_OTHER, 0, 0), 0, "SCHED_OTHER has only 0");
	CHECK_EQ(sc(__NR_sched_get_priority_min, SCHED_BATCH, 0, 0), 0, "so has SCHED_BATCH");
	CHECK_EQ(sc(__NR_sched_get_priority_max, 42, 0, 0), -EINVAL, "an unknown policy: EINVAL");

	pid_t gone = spawn(exit_now, NULL);
	wait_status(gone);
	CHECK_EQ(sc(__NR_sched_getscheduler, gone, 0, 0), -ESRCH, "a reaped pid: ESRCH");
	CHECK_EQ(sc(__NR_sched_getaffinity, gone, sizeof mask, (long)mask), -ESRCH, "sched_getaffinity of it: ESRCH");
	CHECK_EQ(sc(__NR_sched_getscheduler, -1, 0, 0), -EINVAL, "sched_getscheduler of pid -1: EINVAL");
	pid_t me = getpid();
	expect_exit(run_child(unprivileged, &me), 0, "another user's process: EPERM");
	return done();
}
