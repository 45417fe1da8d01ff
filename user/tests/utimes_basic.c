/* utimes_basic: the older time setters: utimes and futimesat (struct
 * timeval, EINVAL for microseconds out of range) and utime (struct
 * utimbuf), with NULL meaning now, through their own system calls. */
#include "check.h"

#include <sys/stat.h>
#include <time.h>

#define D "/tmp/utimes_basic.d"
#define F D "/f"

struct tv32 {
	int32_t sec, usec;
};

static int times_are(const char *path, long at, long mt)
{
	struct stat st;
	return stat(path, &st) == 0 && st.st_atime == at && st.st_mtime == mt;
}

int main(void)
{
	mkdir(D, 0755);
	close(open(F, O_CREAT | O_WRONLY, 0644));
	struct tv32 tv[2] = { { 1000, 5 }, { 2000, 999999 } };
	CHECK_EQ(raw_syscall(__NR_utimes, (long)F, (long)tv, 0), 0, "utimes");
	CHECK(times_are(F, 1000, 2000), "sets atime and mtime");
	tv[1].usec = 1000000;
	CHECK_EQ(raw_syscall(__NR_utimes, (long)F, (long)tv, 0), -EINVAL, "a microsecond count of 1000000: EINVAL");
	tv[1].usec = -1;
	CHECK_EQ(raw_syscall(__NR_utimes, (long)F, (long)tv, 0), -EINVAL, "a negative one: EINVAL");
	CHECK_EQ(raw_syscall(__NR_utimes, (long)D "/none", 0, 0), -ENOENT, "no such file: ENOENT");
	int32_t buf[2] = { 3000, 4000 };
	CHECK_EQ(raw_syscall(__NR_utime, (long)F, (long)buf, 0), 0, "utime");
	CHECK(times_are(F, 3000, 4000), "sets both from struct utimbuf");
	int dir = open(D, O_RDONLY | O_DIRECTORY);
	struct tv32 tv2[2] = { { 5000, 0 }, { 6000, 0 } };
	CHECK_EQ(raw_syscall(__NR_futimesat, dir, (long)"f", (long)tv2), 0, "futimesat relative to a directory fd");
	CHECK(times_are(F, 5000, 6000), "sets them");
	time_t before = time(NULL);
	CHECK_EQ(raw_syscall(__NR_utime, (long)F, 0, 0), 0, "utime with NULL");
	struct stat st;
	CHECK(stat(F, &st) == 0 && st.st_mtime >= before && st.st_atime >= before, "sets both to now");
	CHECK_EQ(raw_syscall(__NR_utimes, (long)F, (long)null_ptr(), 0), 0, "utimes with NULL: now too");
	CHECK_EQ(raw_syscall(__NR_utimes, (long)F, 16, 0), -EFAULT, "a bad pointer: EFAULT");
	close(dir);
	unlink(F);
	CHECK_OK(rmdir(D), "clean up");
	return done();
}
