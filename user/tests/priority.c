/* priority: nice values as Linux keeps them. getpriority returns the nice
 * value (the raw call answers 20 - nice), setpriority clamps to -20..19,
 * lowering one's nice without privilege is EACCES (nice(2): EPERM), another
 * user's process is EPERM, a bad `which` EINVAL, no match ESRCH; a child
 * inherits its parent's nice. */
#include "check.h"

#include <sys/resource.h>

static int unprivileged(void *arg)
{
	(void)arg;
	if (geteuid() == 0 && setuid(1000) != 0)
		return 10;
	if (setpriority(PRIO_PROCESS, 0, 5) != 0 || getpriority(PRIO_PROCESS, 0) != 5)
		return 11;
	errno = 0;
	if (setpriority(PRIO_PROCESS, 0, 4) != -1 || errno != EACCES)
		return 12;
	errno = 0;
	if (nice(-1) != -1 || errno != EPERM)
		return 13;
	if (nice(2) != 7)
		return 14;
	errno = 0;
	if (setpriority(PRIO_PROCESS, 1, 10) != -1 || errno != EPERM)
		return 15;
	return 0;
}

static int own_group(void *arg)
{
	(void)arg;
	if (setpgid(0, 0) || setpriority(PRIO_PGRP, 0, 4) || getpriority(PRIO_PGRP, getpgrp()) != 4)
		return 1;
	return getpriority(PRIO_PROCESS, 0) == 4 ? 0 : 2;
}

static int inherited(void *arg)
{
	(void)arg;
	return getpriority(PRIO_PROCESS, 0);
}

int main(void)
{
	int base = getpriority(PRIO_PROCESS, 0);
	CHECK_EQ(base, 0, "a process starts at nice 0");
	CHECK_EQ(raw_syscall6(__NR_getpriority, PRIO_PROCESS, 0, 0, 0, 0, 0), 20,
		 "the raw getpriority answers 20 - nice");
	CHECK_OK(setpriority(PRIO_PROCESS, 0, 3), "setpriority raises one's own nice");
	CHECK_EQ(getpriority(PRIO_PROCESS, getpid()), 3, "getpriority by pid sees it");
	CHECK_EQ(wait_status(spawn(own_group, NULL)), 0, "setpriority and getpriority by process group");
	pid_t pid = spawn(inherited, NULL);
	CHECK_EQ(wait_status(pid), 3 << 8, "a child inherits the nice value");
	CHECK_OK(setpriority(PRIO_PROCESS, 0, 100), "setpriority past 19");
	CHECK_EQ(getpriority(PRIO_PROCESS, 0), 19, "is clamped to 19");
	CHECK_EQ(nice(5), 19, "nice past 19 stays at 19");
	CHECK_ERR(getpriority(3, 0), EINVAL, "getpriority with a bad which is EINVAL");
	CHECK_ERR(setpriority(-1, 0, 0), EINVAL, "setpriority with a bad which is EINVAL");
	CHECK_ERR(getpriority(PRIO_PROCESS, 999999), ESRCH, "getpriority of no process is ESRCH");
	CHECK_ERR(setpriority(PRIO_PGRP, 999999, 0), ESRCH, "setpriority of no group is ESRCH");
	if (geteuid() == 0) {
		CHECK_OK(setpriority(PRIO_PROCESS, 0, -20), "root lowers its nice");
		CHECK_EQ(getpriority(PRIO_PROCESS, 0), -20, "down to -20");
	} else {
		check_record(1, "root lowers its nice", NULL);
		check_record(1, "down to -20", NULL);
	}
	CHECK_OK(setpriority(PRIO_PROCESS, 0, 0), "back to 0");
	pid = spawn(unprivileged, NULL);
	CHECK_EQ(wait_status(pid), 0, "unprivileged: raise yes, lower EACCES/EPERM, another user's EPERM");
	return done();
}
