/* rw_count_cap: as Linux, read and write cap their count at MAX_RW_COUNT
 * (INT_MAX rounded down to a page) before the buffer is looked at, and move
 * what the buffer really holds: write(fd, p, 0xFFFFFFFF) from two valid
 * pages writes two pages. It used to be EFAULT. */
#include "check.h"

#include <fcntl.h>
#include <sys/stat.h>

/* Behind a volatile: the compiler refuses a constant count beyond any object. */
static volatile size_t huge_count = 0xFFFFFFFFu;
#define HUGE_COUNT huge_count
#define MAX_RW_COUNT 0x7ffff000L

int main(void)
{
	/* Two pages, then an unmapped one; low enough that the capped count
	 * stays below the kernel half of a 32-bit kernel. */
	char *buf = mmap((void *)0x30000000, 3 * 4096, PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
	munmap(buf + 2 * 4096, 4096);
	memset(buf, 'x', 2 * 4096);

	int null = open("/dev/null", O_WRONLY);
	CHECK_EQ(write(null, buf, HUGE_COUNT), MAX_RW_COUNT, "write to /dev/null: the count is capped");
	close(null);

	int zero = open("/dev/zero", O_RDONLY);
	CHECK_EQ(read(zero, buf, HUGE_COUNT), 2 * 4096, "read of /dev/zero fills the two valid pages");
	CHECK(buf[0] == 0 && buf[2 * 4096 - 1] == 0, "... with zeros");
	close(zero);

	memset(buf, 'y', 2 * 4096);
	int fd = open("/tmp/rw_count_cap.data", O_RDWR | O_CREAT | O_TRUNC, 0644);
	CHECK_EQ(write(fd, buf, HUGE_COUNT), 2 * 4096, "write to a file: what the buffer holds");
	struct stat st;
	fstat(fd, &st);
	CHECK_EQ(st.st_size, 2 * 4096, "the file grew by that much only");
	CHECK_EQ(write(fd, buf + 4096 + 100, HUGE_COUNT), 4096 - 100, "from inside the last page: its tail");
	lseek(fd, 0, SEEK_SET);
	memset(buf, 0, 2 * 4096);
	CHECK_EQ(read(fd, buf + 4096, HUGE_COUNT), 4096, "read of the file stops at the buffer's end");
	CHECK(buf[4096] == 'y' && buf[2 * 4096 - 1] == 'y', "... with the file's bytes");
	CHECK_ERR(write(fd, buf + 2 * 4096, HUGE_COUNT), EFAULT, "nothing valid: EFAULT");
	close(fd);
	unlink("/tmp/rw_count_cap.data");
	return done();
}
