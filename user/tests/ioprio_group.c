/* ioprio_group: ioprio_get for a process group or a user gives the best priority among
 * its processes (the lowest class, then level: Linux's ioprio_best), not
 * the first one found. A process of no class (NONE) counts, in a group or a
 * user, as what its nice value gives (Linux 6.1: best-effort (nice+20)/5);
 * asked for by pid, it gives NONE. */
#include "check.h"

#include <sys/resource.h>

#define IOPRIO_WHO_PROCESS 1
#define IOPRIO_WHO_PGRP 2
#define IOPRIO_WHO_USER 3
#define IOPRIO_VALUE(class, data) (((class) << 13) | (data))
#define BE(level) IOPRIO_VALUE(2, level)
#define IDLE IOPRIO_VALUE(3, 0)
#define UNUSED_UID 54321

static long ioprio_set(int which, int who, int prio)
{
	return raw_syscall(__NR_ioprio_set, which, who, prio);
}

static long ioprio_get(int which, int who)
{
	return raw_syscall(__NR_ioprio_get, which, who, 0);
}

/* A partner process in the caller's group: sets its own ioprio to *arg and
 * waits on the pipe (fd 0 of the pair closed by the parent ends it). */
static int partner_fd;

static pid_t start_partner(int prio)
{
	int p[2], ready[2];
	if (pipe(p) || pipe(ready))
		return -1;
	pid_t pid = fork();
	if (pid == 0) {
		close(p[1]);
		close(ready[0]);
		ioprio_set(IOPRIO_WHO_PROCESS, 0, prio);
		char c = 1;
		write(ready[1], &c, 1);
		read(p[0], &c, 1);
		_exit(0);
	}
	close(p[0]);
	close(ready[1]);
	char c;
	read(ready[0], &c, 1);
	close(ready[0]);
	partner_fd = p[1];
	return pid;
}

static void stop_partner(pid_t pid)
{
	close(partner_fd);
	wait_status(pid);
}

/* A process of no class in a group of its own: its own value stays NONE,
 * the group's is what its nice value gives, best-effort (10 + 20) / 5. */
static int nice_alone(void *arg)
{
	(void)arg;
	if (setpgid(0, 0) || ioprio_set(IOPRIO_WHO_PROCESS, 0, 0) || setpriority(PRIO_PROCESS, 0, 10))
		return 10;
	int r = ioprio_get(IOPRIO_WHO_PROCESS, 0) == 0 ? 0 : 1;
	if (ioprio_get(IOPRIO_WHO_PGRP, 0) != BE(6))
		r |= 2;
	return r;
}

/* As a user no other process has: the best of its two processes, and of one. */
static int as_user(void *arg)
{
	(void)arg;
	if (setuid(UNUSED_UID))
		return 10;
	ioprio_set(IOPRIO_WHO_PROCESS, 0, BE(5));
	pid_t partner = start_partner(BE(1));
	int r = ioprio_get(IOPRIO_WHO_USER, UNUSED_UID) == BE(1) ? 0 : 1;
	if (ioprio_get(IOPRIO_WHO_USER, 0) != BE(1))
		r |= 2;
	stop_partner(partner);
	if (ioprio_get(IOPRIO_WHO_USER, 0) != BE(5))
		r |= 4;
	return r;
}

int main(void)
{
	CHECK_OK(setpgid(0, 0), "a process group of its own");
	CHECK_EQ(ioprio_set(IOPRIO_WHO_PROCESS, 0, BE(6)), 0, "own ioprio best-effort 6");
	pid_t partner = start_partner(BE(2));
	CHECK_EQ(ioprio_get(IOPRIO_WHO_PGRP, 0), BE(2), "group: the partner's best-effort 2 beats 6");
	CHECK_EQ(ioprio_get(IOPRIO_WHO_PGRP, getpgrp()), BE(2), "group by its id: the same");
	CHECK_EQ(ioprio_get(IOPRIO_WHO_PROCESS, 0), BE(6), "the caller's own stays 6");
	CHECK_EQ(ioprio_set(IOPRIO_WHO_PROCESS, 0, BE(0)), 0, "own ioprio best-effort 0");
	CHECK_EQ(ioprio_get(IOPRIO_WHO_PGRP, 0), BE(0), "group: now the caller's 0 is the best");
	CHECK_EQ(ioprio_set(IOPRIO_WHO_PROCESS, 0, IDLE), 0, "own ioprio idle");
	CHECK_EQ(ioprio_get(IOPRIO_WHO_PGRP, 0), BE(2), "group: best-effort beats idle");
	CHECK_EQ(ioprio_set(IOPRIO_WHO_PROCESS, 0, 0), 0, "own ioprio class none");
	CHECK_EQ(ioprio_get(IOPRIO_WHO_PGRP, 0), BE(2), "group: none counts as best-effort 4, 2 beats it");
	stop_partner(partner);
	partner = start_partner(IDLE);
	CHECK_EQ(ioprio_get(IOPRIO_WHO_PGRP, 0), BE(4), "group of none and idle: best-effort 4");
	stop_partner(partner);
	CHECK_EQ(ioprio_set(IOPRIO_WHO_PROCESS, 0, IDLE), 0, "own ioprio idle again");
	CHECK_EQ(ioprio_get(IOPRIO_WHO_PGRP, 0), IDLE, "a group of one: its own value");
	CHECK_EQ(ioprio_get(IOPRIO_WHO_PGRP, 0x7ffffff0), -ESRCH, "no such group: ESRCH");
	expect_exit(run_child(nice_alone, NULL), 0, "no class, nice 10: none itself, best-effort 6 as a group");
	expect_exit(run_child(as_user, NULL), 0, "user: the best of its processes, then of the one left");
	CHECK_EQ(ioprio_get(IOPRIO_WHO_USER, UNUSED_UID), -ESRCH, "a user with no process: ESRCH");
	return done();
}
