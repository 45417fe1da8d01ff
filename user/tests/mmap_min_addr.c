/* mmap_min_addr: as Linux, a user without CAP_SYS_RAWIO cannot map below
 * vm.mmap_min_addr (/proc/sys/vm/mmap_min_addr): MAP_FIXED there is EPERM,
 * at the limit it works, and a hint below it is moved up (a hint at a
 * free place is taken, one at a used place is not). The file is the
 * administrator's: others cannot open it for writing. Page 0 used to be
 * anyone's. The limit differs between systems (65536 here, 4096 on some
 * hosts), so the checks are relative to what the file says. */
#include "check.h"

#include <fcntl.h>
#include <stdlib.h>

static unsigned long min_addr;

static int as_user(void *unused)
{
	(void)unused;
	if (setuid(1000) != 0)
		return 100;
	int bad = 0;
	int flags = MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED;
	errno = 0;
	if (!(mmap(NULL, 4096, PROT_READ, flags, -1, 0) == MAP_FAILED && errno == EPERM))
		bad |= 1;
	errno = 0;
	if (!(mmap((void *)(min_addr - 4096), 4096, PROT_READ, flags, -1, 0) == MAP_FAILED && errno == EPERM))
		bad |= 2;
	errno = 0;
	if (!(mmap((void *)(min_addr - 4096), 8192, PROT_READ, flags, -1, 0) == MAP_FAILED && errno == EPERM))
		bad |= 4;
	void *at = mmap((void *)min_addr, 4096, PROT_READ | PROT_WRITE, flags, -1, 0);
	if (at != (void *)min_addr)
		bad |= 8;
	else
		munmap(at, 4096);
	void *hinted = mmap((void *)4096, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (hinted == MAP_FAILED || (unsigned long)hinted < min_addr)
		bad |= 16;
	/* A hint at a free place is taken, as it is. */
	void *free_at = (void *)0x30000000;
	if (mmap(free_at, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0) != free_at)
		bad |= 64;
	void *taken = mmap(free_at, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (taken == MAP_FAILED || taken == free_at)
		bad |= 128;
	errno = 0;
	if (!(open("/proc/sys/vm/mmap_min_addr", O_WRONLY) == -1 && errno == EACCES))
		bad |= 32;
	return bad;
}

int main(void)
{
	char buf[32] = { 0 };
	int fd = open("/proc/sys/vm/mmap_min_addr", O_RDONLY);
	CHECK(fd >= 0, "/proc/sys/vm/mmap_min_addr exists");
	ssize_t n = read(fd, buf, sizeof buf - 1);
	close(fd);
	char *end;
	min_addr = strtoul(buf, &end, 10);
	CHECK(n > 1 && *end == '\n' && end[1] == 0, "it reads as one number and a newline");
	CHECK(min_addr >= 4096 && min_addr % 4096 == 0, "a positive number of whole pages");
	expect_exit(run_child(as_user, NULL), 0, "uid 1000: EPERM below it, mapped at it, hints moved up or taken");
	return done();
}
