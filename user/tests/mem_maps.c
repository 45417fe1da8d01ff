/* mem_maps: /proc/self/maps shows the regions as Linux does, split and
 * merged by mprotect and munmap; /proc/self/status's VmSize counts what is
 * mapped and VmRSS only what was touched. The mapping under test sits
 * between PROT_NONE guards so that no neighbour can merge with it. */
#include "check.h"

#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>

#define PAGE 4096u

static char maps[16384];

static void read_file(const char *path, char *buf, size_t size)
{
	int fd = open(path, O_RDONLY);
	size_t got = 0;
	ssize_t n;
	while (fd >= 0 && got < size - 1 && (n = read(fd, buf + got, size - 1 - got)) > 0)
		got += (size_t)n;
	buf[got] = 0;
	close(fd);
}

/* Whether maps has the line for [a, b) with these permissions, anonymous. */
static int has_region(uintptr_t a, uintptr_t b, const char *perm)
{
	char line[80];
	snprintf(line, sizeof line, "%08lx-%08lx %s 00000000 00:00 0 \n", (unsigned long)a, (unsigned long)b, perm);
	read_file("/proc/self/maps", maps, sizeof maps);
	return strstr(maps, line) != NULL;
}

static long status_kb(const char *field)
{
	static char buf[4096];
	read_file("/proc/self/status", buf, sizeof buf);
	char *at = strstr(buf, field);
	return at ? strtol(at + strlen(field) + 1, NULL, 10) : -1;
}

int main(void)
{
	unsigned char *g = mmap(NULL, 10 * PAGE, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(g != MAP_FAILED, "a guarded hole of 10 pages");
	uintptr_t a = (uintptr_t)g + PAGE, P = PAGE;
	CHECK(mmap((void *)a, 8 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0) ==
	      (void *)a, "8 pages in the middle");
	CHECK(has_region(a, a + 8 * P, "rw-p"), "maps: one rw-p region");
	CHECK(has_region(a - P, a, "---p") && has_region(a + 8 * P, a + 9 * P, "---p"), "maps: the guards");
	CHECK_OK(mprotect((void *)(a + 2 * P), 2 * P, PROT_READ), "mprotect two pages read-only");
	CHECK(has_region(a, a + 2 * P, "rw-p") && has_region(a + 2 * P, a + 4 * P, "r--p") &&
	      has_region(a + 4 * P, a + 8 * P, "rw-p"), "maps: split in three");
	CHECK_OK(mprotect((void *)(a + 2 * P), 2 * P, PROT_READ | PROT_WRITE), "and writable again");
	CHECK(has_region(a, a + 8 * P, "rw-p"), "maps: merged back into one");
	CHECK_OK(munmap((void *)(a + 5 * P), P), "munmap a page in the middle");
	CHECK(has_region(a, a + 5 * P, "rw-p") && has_region(a + 6 * P, a + 8 * P, "rw-p"), "maps: two regions");

	long size0 = status_kb("VmSize:"), rss0 = status_kb("VmRSS:");
	CHECK(size0 > 0 && rss0 > 0, "status has VmSize and VmRSS");
	unsigned char *big = mmap(NULL, 16u << 20, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK_EQ(status_kb("VmSize:") - size0, 16384, "VmSize grows by 16 MiB mapped");
	long rss1 = status_kb("VmRSS:");
	CHECK(rss1 - rss0 < 64, "VmRSS does not grow for untouched memory");
	for (unsigned i = 0; i < 4u << 20; i += PAGE)
		big[i] = 1;
	long grew = status_kb("VmRSS:") - rss1;
	char d[64];
	snprintf(d, sizeof d, "grew %ld kB", grew);
	check_record(grew >= 3800 && grew <= 4400, "VmRSS grows by the 4 MiB touched", d);
	CHECK_OK(munmap(big, 16u << 20), "munmap");
	CHECK_EQ(status_kb("VmSize:"), size0, "VmSize is back");
	return done();
}
