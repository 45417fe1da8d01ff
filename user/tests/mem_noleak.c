/* mem_noleak: every page comes back. After a warm-up, thousands of
 * fork/exit cycles (the child writing pages it shares copy-on-write, the
 * parent writing them after), mmap/touch/munmap cycles, mprotect splits,
 * shared and private file mappings written and unmapped, and fork+exec
 * cycles (the program's text mapped from the page cache), /proc/meminfo's MemFree is where it started, within a
 * few pages of page tables and heap slack (one page lost per cycle would be
 * megabytes). Kernel-only: exact meminfo figures. */
#include "check.h"

#include <stdlib.h>
#include <fcntl.h>

#define PAGE 4096u
#define SLACK_KB 64

static void check_back(long before, const char *what)
{
	long now = meminfo_kb("MemFree:");
	char d[80];
	snprintf(d, sizeof d, "MemFree %ld kB, was %ld kB", now, before);
	check_record(labs(now - before) <= SLACK_KB, what, d);
}

static unsigned char *heap;

static int forks(int n)
{
	int ok = 0;
	for (int i = 0; i < n; i++) {
		pid_t pid = fork();
		if (pid == 0) {
			heap[(i % 8) * PAGE] = 1;
			_exit(0);
		}
		heap[((i + 3) % 8) * PAGE] = 2;
		int st = wait_status(pid);
		ok += WIFEXITED(st) && WEXITSTATUS(st) == 0;
	}
	return ok;
}

static int maps(int n)
{
	int ok = 0;
	for (int i = 0; i < n; i++) {
		unsigned char *p = mmap(NULL, 16 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		if (p == MAP_FAILED)
			continue;
		p[0] = p[5 * PAGE] = p[15 * PAGE] = 1;
		ok += mprotect(p + 4 * PAGE, 2 * PAGE, PROT_READ) == 0 && munmap(p, 16 * PAGE) == 0;
	}
	return ok;
}

/* A file mapped shared and private, both written (the private page copied),
 * and unmapped; the file is truncated, so its pages go too. */
static int file_maps(int n)
{
	int fd = open("/tmp/mem_noleak.dat", O_RDWR | O_CREAT | O_TRUNC, 0600);
	int ok = 0;
	for (int i = 0; fd >= 0 && i < n; i++) {
		if (ftruncate(fd, 4 * PAGE))
			break;
		unsigned char *s = mmap(NULL, 4 * PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
		unsigned char *p = mmap(NULL, 4 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
		if (s == MAP_FAILED || p == MAP_FAILED)
			continue;
		s[(i % 4) * PAGE] = 1;
		p[((i + 1) % 4) * PAGE] = p[0] + 2;
		ok += munmap(s, 4 * PAGE) == 0 && munmap(p, 4 * PAGE) == 0 && ftruncate(fd, 0) == 0;
	}
	close(fd);
	unlink("/tmp/mem_noleak.dat");
	return ok;
}

static int execs(const char *self, int n)
{
	int ok = 0;
	for (int i = 0; i < n; i++) {
		pid_t pid = fork();
		if (pid == 0) {
			execl(self, self, "exit", (char *)NULL);
			_exit(9);
		}
		int st = wait_status(pid);
		ok += WIFEXITED(st) && WEXITSTATUS(st) == 0;
	}
	return ok;
}

int main(int argc, char **argv)
{
	(void)argv;
	if (argc > 1)
		return 0;
	static char self[256];
	CHECK(readlink("/proc/self/exe", self, sizeof self - 1) > 0, "the program's own path");
	heap = malloc(8 * PAGE);
	memset(heap, 0, 8 * PAGE);
	forks(10), maps(10), file_maps(10), execs(self, 5);

	long before = meminfo_kb("MemFree:");
	CHECK(before > 0, "MemFree");
	CHECK_EQ(forks(3000), 3000, "3000 fork/exit cycles with copy-on-write writes");
	check_back(before, "fork/exit gives every page back");
	CHECK_EQ(maps(3000), 3000, "3000 mmap/touch/mprotect/munmap cycles");
	check_back(before, "mmap/munmap gives every page back");
	CHECK_EQ(file_maps(10000), 10000, "10000 file mmap/write/munmap/truncate cycles");
	check_back(before, "file mappings give every page back");
	CHECK_EQ(execs(self, 300), 300, "300 fork/exec/exit cycles");
	check_back(before, "exec gives every page back");
	return done();
}
