/* cred_ids: Linux's rules for the real, effective, saved and filesystem ids
 * and the supplementary groups, in the 32-bit calls and the old 16-bit ones
 * (0xffff for "unchanged", 16-bit result arrays). Starts as root and drops
 * privileges in children, which report the first failed step as their exit
 * status. Raw system calls, so both libcs ask the kernel the same thing. */
#include "check.h"

#include <fcntl.h>

static long sc(long nr, long a, long b, long c)
{
	return raw_syscall(nr, a, b, c);
}

static int res_is(long nr, unsigned r, unsigned e, unsigned s)
{
	unsigned got[3] = { 1, 1, 1 };
	return sc(nr, (long)&got[0], (long)&got[1], (long)&got[2]) == 0 && got[0] == r && got[1] == e &&
	       got[2] == s;
}

/* setreuid's saved-id rule and the non-root limits. */
static int reuid_child(void *arg)
{
	(void)arg;
	if (sc(__NR_setresuid32, 1000, 1001, 1002) != 0 || !res_is(__NR_getresuid32, 1000, 1001, 1002))
		return 1;
	if (sc(__NR_setreuid32, -1, 1002, 0) != 0 || !res_is(__NR_getresuid32, 1000, 1002, 1002))
		return 2;       /* euid moved away from ruid: saved = new euid */
	if (sc(__NR_setreuid32, 1002, -1, 0) != 0 || !res_is(__NR_getresuid32, 1002, 1002, 1002))
		return 3;       /* ruid set: saved = euid */
	if (sc(__NR_setreuid32, 0, -1, 0) != -EPERM || sc(__NR_setreuid32, -1, 0, 0) != -EPERM)
		return 4;
	if (sc(__NR_setresuid32, 0, -1, -1) != -EPERM || sc(__NR_setuid32, 0, 0, 0) != -EPERM)
		return 5;
	if (sc(__NR_setgroups32, 0, 0, 0) != -EPERM)
		return 6;
	if (sc(__NR_setresgid32, 5, 5, 5) != -EPERM)
		return 7;
	return 0;
}

/* A saved root id lets the process become root again; setuid as root with
 * euid != 0 changes only the effective id. */
static int saved_child(void *arg)
{
	(void)arg;
	if (sc(__NR_setresuid32, 1000, 1000, 0) != 0)
		return 1;
	if (sc(__NR_setuid32, 0, 0, 0) != 0 || !res_is(__NR_getresuid32, 1000, 0, 0))
		return 2;
	if (sc(__NR_setuid32, 1000, 0, 0) != 0 || !res_is(__NR_getresuid32, 1000, 1000, 1000))
		return 3;       /* root: all of them */
	if (sc(__NR_setuid32, 0, 0, 0) != -EPERM)
		return 4;
	return 0;
}

/* setfsuid answers the old fsuid and refuses ids the process does not hold. */
static int fsuid_child(void *arg)
{
	(void)arg;
	if (sc(__NR_setfsuid32, 1234, 0, 0) != 0 || sc(__NR_setfsuid32, -1, 0, 0) != 1234)
		return 1;
	if (sc(__NR_setresuid32, 1000, 1001, 1002) != 0 || sc(__NR_setfsuid32, -1, 0, 0) != 1001)
		return 2;       /* the fsuid follows the euid */
	if (sc(__NR_setfsuid32, 0, 0, 0) != 1001 || sc(__NR_setfsuid32, -1, 0, 0) != 1001)
		return 3;
	if (sc(__NR_setfsuid32, 1002, 0, 0) != 1001 || sc(__NR_setfsuid32, -1, 0, 0) != 1002)
		return 4;
	return 0;
}

/* The filesystem gid and the supplementary groups open files. */
static int groups_child(void *arg)
{
	const char *path = arg;
	unsigned g[1] = { 4242 };
	if (sc(__NR_setgroups32, 1, (long)g, 0) != 0 || sc(__NR_setresuid32, 1000, 1000, 1000) != 0)
		return 1;
	int fd = open(path, O_RDONLY);
	if (fd < 0)
		return 2;
	close(fd);
	return 0;
}

static int nogroups_child(void *arg)
{
	const char *path = arg;
	if (sc(__NR_setgroups32, 0, 0, 0) != 0 || sc(__NR_setresuid32, 1000, 1000, 1000) != 0)
		return 1;
	return open(path, O_RDONLY) < 0 && errno == EACCES ? 0 : 2;
}

int main(void)
{
	CHECK(res_is(__NR_getresuid32, 0, 0, 0), "getresuid32: root's three ids");
	CHECK_EQ(sc(__NR_getresuid32, (long)null_ptr(), 0, 0), -EFAULT, "getresuid32 to a bad pointer: EFAULT");

	expect_exit(run_child(reuid_child, NULL), 0, "setreuid: saved id rule, EPERM for ids not held");
	expect_exit(run_child(saved_child, NULL), 0, "setuid: back to a saved root, root's setuid sets all");
	expect_exit(run_child(fsuid_child, NULL), 0, "setfsuid: old id back, follows euid, EPERM silently");

	/* The 16-bit forms. */
	CHECK_EQ(sc(__NR_setresgid, 0xffff, 7, 0xffff), 0, "setresgid (16-bit): 0xffff leaves ids alone");
	unsigned short r16[3] = { 1, 1, 1 };
	CHECK_EQ(sc(__NR_getresgid, (long)&r16[0], (long)&r16[1], (long)&r16[2]), 0, "getresgid (16-bit)");
	CHECK(r16[0] == 0 && r16[1] == 7 && r16[2] == 0, "16-bit ids in 16-bit slots");
	CHECK_EQ(sc(__NR_setregid, 0xffff, 0, 0), 0, "setregid (16-bit) back to 0");
	CHECK_EQ(sc(__NR_setresgid32, 70000, -1, -1), 0, "setresgid32 to a 32-bit gid");
	CHECK_EQ(sc(__NR_getgid, 0, 0, 0), 65534, "getgid (16-bit) of a 32-bit gid: the overflow gid");
	CHECK_EQ(sc(__NR_getgid32, 0, 0, 0), 70000, "getgid32 sees it");
	CHECK_EQ(sc(__NR_setresgid32, 0, -1, -1), 0, "setresgid32 back");

	/* Supplementary groups: sorted, sized, faulting. */
	unsigned set[3] = { 30, 10, 20 }, got[4] = { 0 };
	CHECK_EQ(sc(__NR_setgroups32, 3, (long)set, 0), 0, "setgroups32 with three groups");
	CHECK_EQ(sc(__NR_getgroups32, 0, 0, 0), 3, "getgroups32(0) counts them");
	CHECK_EQ(sc(__NR_getgroups32, 2, (long)got, 0), -EINVAL, "getgroups32 into too small a list: EINVAL");
	CHECK_EQ(sc(__NR_getgroups32, -1, (long)got, 0), -EINVAL, "getgroups32 with a negative size: EINVAL");
	CHECK_EQ(sc(__NR_getgroups32, 4, (long)got, 0), 3, "getgroups32 copies them");
	CHECK(got[0] == 10 && got[1] == 20 && got[2] == 30, "in sorted order");
	unsigned short g16[4] = { 0 };
	CHECK_EQ(sc(__NR_getgroups, 4, (long)g16, 0), 3, "getgroups (16-bit)");
	CHECK(g16[0] == 10 && g16[1] == 20 && g16[2] == 30, "as 16-bit values");
	CHECK_EQ(sc(__NR_setgroups32, 1, (long)null_ptr(), 0), -EFAULT, "setgroups32 from a bad pointer: EFAULT");
	CHECK_EQ(sc(__NR_setgroups32, -1, (long)set, 0), -EINVAL, "setgroups32 with a negative size: EINVAL");
	CHECK_EQ(sc(__NR_getgroups32, 0, 0, 0), 3, "a failed setgroups changes nothing");

	/* A file only group 4242 may read. */
	const char *path = "/tmp/cred_ids.file";
	int fd = open(path, O_CREAT | O_TRUNC | O_WRONLY, 0040);
	CHECK(fd >= 0 && fchown(fd, 0, 4242) == 0, "a file readable by group 4242 only");
	close(fd);
	expect_exit(run_child(groups_child, (void *)path), 0, "a supplementary group opens it");
	expect_exit(run_child(nogroups_child, (void *)path), 0, "without it: EACCES");
	unlink(path);
	return done();
}
