/* mem_zero_tail: reads of /dev/zero zero the user buffer in place and, when
 * it runs into an unmapped page, return exactly the bytes before the hole
 * (EFAULT when there are none); nothing past them is touched. A large read
 * fills every byte with zero. Linux (an x86-64 kernel under i386 programs)
 * zeroes 8 bytes at a time and rounds the count down to the quadword that
 * faulted, so only starts a whole number of quadwords before the hole (and
 * reads that end before it) are compared here;
 * dev_uaccess_tail checks this kernel's exact count at every alignment. */
#include "check.h"

#include <fcntl.h>
#include <stdint.h>

#define PAGE 4096u

int main(void)
{
	int fd = open("/dev/zero", O_RDONLY);
	CHECK(fd >= 0, "open /dev/zero");
	unsigned char *m = mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(m != MAP_FAILED && munmap(m + PAGE, PAGE) == 0, "a page followed by a hole");
	unsigned char *hole = m + PAGE;

	int bad = 0;
	char why[120] = "";
	for (uint32_t before = 0; before <= 12; before++) {
		for (uint32_t len = 1; len <= 24; len++) {
			if (before % 8 && len > before)
				continue;
			memset(m + PAGE - 32, 0x5a, 32);
			errno = 0;
			ssize_t n = read(fd, hole - before, len);
			ssize_t want = len < before ? len : before;
			int ok = want ? n == want : n == -1 && errno == EFAULT;
			for (unsigned char *q = m + PAGE - 32; q < hole; q++)
				ok &= *q == (q >= hole - before && q < hole - before + want ? 0 : 0x5a);
			if (!ok && !bad++)
				snprintf(why, sizeof why, "%u before, len %u: read %zd", before, len, n);
		}
	}
	check_record(!bad, "partial reads stop exactly at the hole", why);

	size_t big = 1 << 20;
	unsigned char *b = mmap(NULL, big, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(b != MAP_FAILED, "mmap 1 MiB");
	memset(b, 0x77, big);
	CHECK_EQ(read(fd, b + 3, big - 5), big - 5, "read of 1 MiB - 5 at an odd address");
	int zeros = b[0] == 0x77 && b[1] == 0x77 && b[2] == 0x77 && b[big - 2] == 0x77 && b[big - 1] == 0x77;
	for (size_t i = 3; i < big - 2; i++)
		zeros &= b[i] == 0;
	CHECK(zeros, "exactly the bytes read are zero");
	return done();
}
