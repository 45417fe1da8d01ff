/* mmap_min_root: root (CAP_SYS_RAWIO) maps page 0 and tunes
 * vm.mmap_min_addr, whose default is 65536 as Linux's; non-numbers are
 * EINVAL. Kernel-only: it changes a system-wide setting. */
#include "check.h"

#include <fcntl.h>

static ssize_t put(const char *s)
{
	int fd = open("/proc/sys/vm/mmap_min_addr", O_WRONLY);
	ssize_t n = fd < 0 ? -1 : write(fd, s, strlen(s));
	int e = errno;
	close(fd);
	errno = e;
	return n;
}

static int get(char *buf, size_t size)
{
	int fd = open("/proc/sys/vm/mmap_min_addr", O_RDONLY);
	memset(buf, 0, size);
	ssize_t n = fd < 0 ? -1 : read(fd, buf, size - 1);
	close(fd);
	return (int)n;
}

static int user_at(void *addr)
{
	if (setuid(1000) != 0)
		return 100;
	void *p = mmap(addr, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
	return p == addr ? 0 : p == MAP_FAILED && errno == EPERM ? 1 : 2;
}

int main(void)
{
	char buf[32];
	get(buf, sizeof buf);
	CHECK(strcmp(buf, "65536\n") == 0, "the default is 65536");
	void *zero = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
	CHECK(zero == NULL, "root maps page 0");
	munmap(zero, 4096);
	CHECK_ERR(put("12ab"), EINVAL, "a non-number is EINVAL");
	CHECK_ERR(put("-1"), EINVAL, "a negative number is EINVAL");
	CHECK_EQ(put(" 8192\n"), 6, "root sets 8192");
	get(buf, sizeof buf);
	CHECK(strcmp(buf, "8192\n") == 0, "and reads it back");
	expect_exit(run_child(user_at, (void *)8192), 0, "a user maps at the new limit");
	expect_exit(run_child(user_at, (void *)4096), 1, "and not below it");
	CHECK_EQ(put("65536"), 5, "root restores 65536");
	expect_exit(run_child(user_at, (void *)8192), 1, "8192 is refused again");
	return done();
}
