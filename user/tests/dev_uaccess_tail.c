/* dev_uaccess_tail: the word-at-a-time copies report exactly the bytes they
 * could not move when a user buffer runs into an unmapped page, whatever the
 * alignment of its start and its length: copy_from_user and copy_to_user
 * through /dev/uaccess_test, every start from 12 bytes before the hole to the
 * hole itself and every length up to 24. The bytes before the hole must have
 * moved, and nothing may be written past what was reported. clear_user,
 * through reads of /dev/zero, the same (the count is exact here; Linux rounds
 * it to a quadword, see mem_zero_tail). */
#include "check.h"

#include <fcntl.h>
#include <stdint.h>
#include <sys/ioctl.h>
#include <uapi/uaccess_test.h>

#define PAGE 4096u

static int dev = -1;

static int copy(unsigned long cmd, uintptr_t uaddr, uint32_t len, void *buf)
{
	struct uaccess_test_arg a = { (uint32_t)uaddr, len, (uint32_t)(uintptr_t)buf, 0, 0, 0 };
	return ioctl(dev, cmd, &a) ? -1 : a.result;
}

static void pattern(unsigned char *p, size_t n, unsigned seed)
{
	for (size_t i = 0; i < n; i++)
		p[i] = (unsigned char)(i * 13 + seed);
}

int main(void)
{
	dev = open(UACCESS_TEST_PATH, O_RDWR);
	CHECK(dev >= 0, "open /dev/uaccess_test");
	unsigned char *m = mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(m != MAP_FAILED && munmap(m + PAGE, PAGE) == 0, "a page followed by a hole");
	unsigned char *hole = m + PAGE;

	int bad_from = 0, bad_to = 0, cases = 0;
	char why_from[120] = "", why_to[120] = "";
	for (uint32_t before = 0; before <= 12; before++) {
		for (uint32_t len = 1; len <= 24; len++) {
			unsigned char *u = hole - before;
			uint32_t want_left = len > before ? len - before : 0;
			unsigned char src[32], out[32];
			cases++;

			/* copy_from_user: the driver zeroes its side, so the bytes
			 * it could not read come back as 0. */
			pattern(m + PAGE - 16, 16, len);
			memset(out, 0xee, sizeof out);
			int left = copy(UACCESS_TEST_COPY_FROM_USER, (uintptr_t)u, len, out);
			uint32_t moved = len - want_left;
			int ok = left == (int)want_left && !memcmp(out, u, moved);
			for (uint32_t i = moved; i < len; i++)
				ok &= out[i] == 0;
			if (!ok && !bad_from++)
				snprintf(why_from, sizeof why_from, "%u before, len %u: left %d", before, len, left);

			/* copy_to_user: exactly the bytes before the hole change. */
			pattern(src, sizeof src, len + 100);
			memset(m + PAGE - 16, 0x5a, 16);
			left = copy(UACCESS_TEST_COPY_TO_USER, (uintptr_t)u, len, src);
			ok = left == (int)want_left && !memcmp(u, src, moved);
			for (unsigned char *q = m + PAGE - 16; q < u; q++)
				ok &= *q == 0x5a;
			if (!ok && !bad_to++)
				snprintf(why_to, sizeof why_to, "%u before, len %u: left %d", before, len, left);
		}
	}
	int zero = open("/dev/zero", O_RDONLY), bad_zero = 0;
	char why_zero[120] = "";
	for (uint32_t before = 0; before <= 12; before++) {
		for (uint32_t len = 1; len <= 24; len++) {
			memset(m + PAGE - 16, 0x5a, 16);
			ssize_t want = len < before ? len : before;
			ssize_t n = read(zero, hole - before, len);
			int ok = want ? n == want : n == -1 && errno == EFAULT;
			for (unsigned char *q = m + PAGE - 16; q < hole; q++)
				ok &= *q == (q >= hole - before && q < hole - before + want ? 0 : 0x5a);
			if (!ok && !bad_zero++)
				snprintf(why_zero, sizeof why_zero, "%u before, len %u: read %zd", before, len, n);
		}
	}
	check_record(zero >= 0 && !bad_zero, "clear_user (/dev/zero): exact bytes at every alignment", why_zero);
	CHECK_EQ(cases, 13 * 24, "every start and length was tried");
	check_record(!bad_from, "copy_from_user: exact bytes left at every alignment", why_from);
	check_record(!bad_to, "copy_to_user: exact bytes left at every alignment", why_to);
	return done();
}
