/* mem_mlock: mincore shows which pages are present (untouched anonymous
 * memory is not; touched is; mlock makes every page present and VmLck
 * count it, munlock gives the count back); a child does not inherit the
 * lock; msync and mincore check their range (EINVAL unaligned, ENOMEM
 * unmapped); MADV_DONTNEED refuses locked pages. */
#include "check.h"

#include <stdint.h>

#define PAGE 4096u

static long status_kb(const char *field)
{
	static char buf[4096];
	int fd = open("/proc/self/status", O_RDONLY);
	ssize_t n = fd < 0 ? -1 : read(fd, buf, sizeof buf - 1);
	close(fd);
	buf[n > 0 ? n : 0] = 0;
	char *at = strstr(buf, field);
	return at ? strtol(at + strlen(field), NULL, 10) : -1;
}

static int vmlck_zero(void *arg)
{
	(void)arg;
	return status_kb("VmLck:") == 0 ? 0 : 1;
}

int main(void)
{
	unsigned char *m = mmap(NULL, 8 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	unsigned char vec[8];
	CHECK(m != MAP_FAILED, "mmap 8 pages");
	memset(vec, 9, sizeof vec);
	CHECK_OK(mincore(m, 8 * PAGE, vec), "mincore");
	CHECK(!memchr(vec, 1, 8) && !memchr(vec, 9, 8), "untouched pages are not present");
	m[2 * PAGE] = 1;
	m[5 * PAGE + 7] = 1;
	CHECK_OK(mincore(m, 8 * PAGE, vec), "mincore after touching two");
	CHECK(vec[2] == 1 && vec[5] == 1 && vec[0] == 0 && vec[7] == 0, "exactly the touched pages are present");

	long lck0 = status_kb("VmLck:");
	CHECK_EQ(lck0, 0, "VmLck starts at 0");
	CHECK_OK(mlock(m + PAGE + 100, 3 * PAGE), "mlock a range not page aligned");
	CHECK_EQ(status_kb("VmLck:"), 16, "VmLck counts the 4 pages it spans");
	CHECK_OK(mincore(m, 8 * PAGE, vec), "mincore after mlock");
	CHECK(vec[1] == 1 && vec[2] == 1 && vec[3] == 1 && vec[4] == 1 && vec[0] == 0 && vec[6] == 0,
	      "every locked page is present");
	expect_exit(run_child(vmlck_zero, NULL), 0, "a child does not inherit the lock");
	CHECK_ERR(madvise(m + PAGE, PAGE, MADV_DONTNEED), EINVAL, "MADV_DONTNEED on locked pages EINVAL");
	CHECK_OK(munlock(m, 8 * PAGE), "munlock");
	CHECK_EQ(status_kb("VmLck:"), 0, "VmLck back to 0");

	CHECK_ERR(mincore(m + 1, PAGE, vec), EINVAL, "mincore unaligned EINVAL");
	CHECK_OK(munmap(m + 6 * PAGE, 2 * PAGE), "munmap the last two pages");
	CHECK_ERR(mincore(m, 8 * PAGE, vec), ENOMEM, "mincore over a hole ENOMEM");
	CHECK_OK(msync(m, 6 * PAGE, MS_SYNC), "msync of anonymous memory");
	CHECK_ERR(msync(m + 1, PAGE, MS_SYNC), EINVAL, "msync unaligned EINVAL");
	CHECK_ERR(msync(m, PAGE, MS_SYNC | MS_ASYNC), EINVAL, "msync MS_SYNC|MS_ASYNC EINVAL");
	CHECK_ERR(msync(m, 8 * PAGE, MS_SYNC), ENOMEM, "msync over a hole ENOMEM");
	return done();
}
