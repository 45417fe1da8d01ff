/* dev_lockdep: the lock validator as user space sees it (kernel only; a
 * LOCKDEP=1 kernel, the default): /proc/lockdep lists the classes of the
 * locks the kernel has taken (here /dev/lock_test's DEFINE_SPINLOCK and
 * DEFINE_MUTEX, named as the driver names them) and /proc/lockdep_stats
 * says the validator is still on: no test before this one, and no kernel
 * code they ran, made it report anything. Without the validator both files
 * are missing. */
#include "dev_util.h"

#include <sys/ioctl.h>

#include <uapi/lock_test.h>

static char buf[256 * 1024];

static long read_all(const char *path)
{
	int fd = open(path, O_RDONLY);
	if (fd < 0)
		return -1;
	long n = 0, r;
	while (n < (long)sizeof(buf) - 1 && (r = read(fd, buf + n, sizeof(buf) - 1 - n)) > 0)
		n += r;
	close(fd);
	buf[n] = 0;
	return n;
}

int main(void)
{
	if (read_all("/proc/lockdep_stats") < 0) {
		CHECK(errno == ENOENT && access("/proc/lockdep", F_OK) != 0, "no validator: no /proc/lockdep");
		return done();
	}
	const char *on = strstr(buf, " debug_locks:");
	CHECK(on && strtol(on + 13, NULL, 10) == 1, "the validator is still on (no report so far)");
	int dev = open(LOCK_TEST_PATH, O_RDWR);
	CHECK(dev >= 0, "open /dev/lock_test");
	CHECK_EQ(ioctl(dev, LOCK_TEST_ATOMIC), 0, "the driver's spinlock checks");
	CHECK_EQ(ioctl(dev, LOCK_TEST_MUTEX_LOCK), 0, "the driver's mutex, taken and released");
	close(dev);
	CHECK(read_all("/proc/lockdep") > 0, "read /proc/lockdep");
	CHECK(strstr(buf, ": test_lock\n") != NULL, "/proc/lockdep lists the driver's spinlock by name");
	CHECK(strstr(buf, ": test_mutex\n") != NULL, "and its mutex");
	CHECK(read_all("/proc/lockdep_stats") > 0 && (on = strstr(buf, " debug_locks:")) &&
	      strtol(on + 13, NULL, 10) == 1, "still on after the driver's locks");
	const char *classes = strstr(buf, " lock-classes:");
	CHECK(classes && strtol(classes + 14, NULL, 10) >= 2, "it counts those classes");
	return done();
}
