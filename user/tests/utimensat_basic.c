/* utimensat_basic: utimensat and its 64-bit-time form set a file's access and
 * modification times (whole seconds here), UTIME_NOW and UTIME_OMIT, a NULL
 * path meaning the fd (futimens), and Linux's errors and permission rules:
 * EINVAL for a bad tv_nsec or flag, ENOENT, EFAULT, EPERM for another's file
 * with explicit times, EACCES for "now" without write permission. Raw
 * system calls, so both libcs ask the kernel the same thing. */
#include "check.h"

#include <fcntl.h>
#include <sys/stat.h>

#include <uapi/fcntl.h>
#include <uapi/stat.h>
#include <uapi/time.h>

#define FILE_PATH "/tmp/utimensat_basic"

static long utimensat32(int dirfd, const char *path, const struct k_timespec32 *t, int flags)
{
	return raw_syscall6(__NR_utimensat, dirfd, (long)path, (long)t, flags, 0, 0);
}

static long utimensat64(int dirfd, const char *path, const struct k_timespec64 *t, int flags)
{
	return raw_syscall6(__NR_utimensat_time64, dirfd, (long)path, (long)t, flags, 0, 0);
}

static int times_are(long atime, long mtime)
{
	struct stat st;
	return stat(FILE_PATH, &st) == 0 && st.st_atime == atime && st.st_mtime == mtime;
}

static int recent(time_t t)
{
	time_t now = time(NULL);
	return t <= now && t >= now - 5;
}

/* As user 1000 (the file stays root's): explicit times EPERM, "now" EACCES while
 * the file is not writable by others, allowed once it is. */
static int as_other_user(void *unused)
{
	(void)unused;
	struct k_timespec32 t[2] = { { 1, 0 }, { 2, 0 } };
	if (setuid(1000) != 0)
		return 10;
	if (utimensat32(AT_FDCWD, FILE_PATH, t, 0) != -EPERM)
		return 11;
	if (utimensat32(AT_FDCWD, FILE_PATH, NULL, 0) != -EACCES)
		return 12;
	return 0;
}

static int as_other_user_writable(void *unused)
{
	(void)unused;
	struct k_timespec32 now[2] = { { 0, UTIME_NOW }, { 0, UTIME_NOW } };
	if (setuid(1000) != 0)
		return 10;
	return utimensat32(AT_FDCWD, FILE_PATH, now, 0) == 0 ? 0 : 13;
}

int main(void)
{
	unlink(FILE_PATH);
	int fd = open(FILE_PATH, O_CREAT | O_RDWR, 0644);
	CHECK(fd >= 0, "create the file");

	struct k_timespec32 t[2] = { { 1000, 0 }, { 2000, 0 } };
	CHECK_EQ(utimensat32(AT_FDCWD, FILE_PATH, t, 0), 0, "utimensat sets both times");
	CHECK(times_are(1000, 2000), "stat shows them");
	struct k_timespec32 omit_atime[2] = { { 5, UTIME_OMIT }, { 3000, 0 } };
	CHECK_EQ(utimensat32(AT_FDCWD, FILE_PATH, omit_atime, 0), 0, "UTIME_OMIT for the access time");
	CHECK(times_are(1000, 3000), "only the modification time changed");
	struct k_timespec32 omit_both[2] = { { 0, UTIME_OMIT }, { 0, UTIME_OMIT } };
	CHECK_EQ(utimensat32(AT_FDCWD, "/nonexistent/x", omit_both, 0x7f), 0,
		 "both UTIME_OMIT: nothing to do, not even the lookup or the flags");
	struct k_timespec64 t64[2] = { { 4000, 0 }, { 5000, 999999999 } };
	CHECK_EQ(utimensat64(AT_FDCWD, FILE_PATH, t64, 0), 0, "utimensat_time64");
	CHECK(times_are(4000, 5000), "its times, in whole seconds");
	struct k_timespec32 at_fd[2] = { { 6000, 0 }, { 7000, 0 } };
	CHECK_EQ(utimensat32(fd, NULL, at_fd, 0), 0, "a NULL path: the fd's file (futimens)");
	CHECK(times_are(6000, 7000), "set through the fd");

	CHECK_EQ(utimensat32(AT_FDCWD, FILE_PATH, NULL, 0), 0, "NULL times: now");
	struct stat st;
	CHECK(stat(FILE_PATH, &st) == 0 && recent(st.st_atime) && recent(st.st_mtime) && recent(st.st_ctime),
	      "both times and the change time are now");
	struct k_timespec32 now_mtime[2] = { { 8000, 0 }, { 0, UTIME_NOW } };
	CHECK_EQ(utimensat32(AT_FDCWD, FILE_PATH, now_mtime, 0), 0, "UTIME_NOW for one time");
	CHECK(stat(FILE_PATH, &st) == 0 && st.st_atime == 8000 && recent(st.st_mtime), "the other is set");

	struct k_timespec32 bad[2] = { { 0, 1000000000 }, { 0, 0 } };
	CHECK_EQ(utimensat32(AT_FDCWD, FILE_PATH, bad, 0), -EINVAL, "tv_nsec of 10^9: EINVAL");
	CHECK_EQ(utimensat32(AT_FDCWD, FILE_PATH, t, 0x1), -EINVAL, "an unknown flag: EINVAL");
	CHECK_EQ(utimensat32(AT_FDCWD, "/tmp/utimensat_none", t, 0), -ENOENT, "a missing file: ENOENT");
	CHECK_EQ(utimensat32(AT_FDCWD, FILE_PATH, unmapped_page(), 0), -EFAULT, "times at an unmapped page: EFAULT");
	CHECK_EQ(utimensat32(AT_FDCWD, NULL, t, 0), -EFAULT, "a NULL path with AT_FDCWD: EFAULT");
	CHECK_EQ(utimensat32(fd, NULL, t, AT_SYMLINK_NOFOLLOW), -EINVAL, "a NULL path with flags: EINVAL");
	CHECK_EQ(utimensat32(9999, NULL, t, 0), -EBADF, "a NULL path with a closed fd: EBADF");

	expect_exit(run_child(as_other_user, NULL), 0,
		    "another user: explicit times EPERM, now EACCES without write permission");
	chmod(FILE_PATH, 0666);
	expect_exit(run_child(as_other_user_writable, NULL), 0, "another user with write permission: now");

	close(fd);
	unlink(FILE_PATH);
	return done();
}
