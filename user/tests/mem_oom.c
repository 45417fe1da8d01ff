/* mem_oom: running out of memory. A private mapping larger than all memory
 * is ENOMEM at once; a process that touches more pages than memory holds (a
 * 1 GiB MAP_NORESERVE mapping in a 512 MiB machine) is killed with SIGKILL,
 * the kernel says so in its log, and everything else goes on: its memory
 * comes back and the next fork works. Kernel-only: the host's memory is
 * another size. */
#include "check.h"

#include <fcntl.h>
#include <stdlib.h>

#define PAGE 4096u

static int eat_memory(void *arg)
{
	(void)arg;
	size_t len = 1u << 30;
	unsigned char *p = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (p == MAP_FAILED)
		return 2;
	for (size_t i = 0; i < len; i += PAGE)
		p[i] = 1;
	return 3;
}

static int nothing(void *arg)
{
	(void)arg;
	return 0;
}

int main(void)
{
	void *huge = mmap(NULL, 3u << 29, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(huge == MAP_FAILED && errno == ENOMEM, "a 1.5 GiB private mapping is ENOMEM at once");
	long before = meminfo_kb("MemFree:");
	expect_signal(run_child(eat_memory, NULL), SIGKILL, "touching more than memory kills the process");
	long after = meminfo_kb("MemFree:");
	char d[80];
	snprintf(d, sizeof d, "MemFree %ld kB, was %ld kB", after, before);
	check_record(labs(after - before) <= 64, "its memory comes back", d);
	expect_exit(run_child(nothing, NULL), 0, "and the next fork works");
	return done();
}
