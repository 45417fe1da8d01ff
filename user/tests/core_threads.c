/* core_threads: the core dump of a multi-threaded process crashing has an
 * NT_PRSTATUS for every thread (the crashing one first, then the others,
 * each with its own tid, all with the signal), then NT_PRPSINFO, NT_AUXV and
 * NT_FILE once; NT_FILE lists the file mappings as Linux writes it (count,
 * page size, start/end/page offset each, then the paths): the program's own
 * text and a file mapped at a page offset. Each thread's NT_PRSTATUS is
 * followed by its NT_PRFPREG (and NT_PRXFPREG) with its own x87 registers.
 * The other threads are stopped
 * while the dump is written and the wait status has the core bit.
 * Kernel-only: the host's core_pattern is its own. With "keep" the core
 * file is left in /tmp/core_threads.d for a look with GDB. */
#include "core_util.h"

#include <pthread.h>
#include <stdint.h>
#include <sys/resource.h>
#include <sys/stat.h>

#define D "/tmp/core_threads.d"
#define MAPPED D "/mapped"
#define NTHREADS 3

/* What the crashing child tells its parent, in a shared page. */
struct shared {
	volatile int started;
	volatile long tids[NTHREADS];
	volatile uint32_t mapped_at;
};
static struct shared *sh;

/* Each other thread sleeps with 2 + its index on top of its x87 stack. */
static void *sleeper(void *arg)
{
	long double v = 2 + (intptr_t)arg;
	__asm__ volatile("fldt %0" : : "m"(v));
	sh->tids[(intptr_t)arg] = raw_syscall(__NR_gettid, 0, 0, 0);
	__sync_fetch_and_add(&sh->started, 1);
	for (;;)
		pause();
	return NULL;
}

static int crash(void *arg)
{
	(void)arg;
	int fd = open(MAPPED, O_RDONLY);
	void *m = fd >= 0 ? mmap(NULL, 4096, PROT_READ, MAP_PRIVATE, fd, 4096) : MAP_FAILED;
	if (m == MAP_FAILED)
		return 10;
	sh->mapped_at = (uint32_t)(uintptr_t)m;
	pthread_t t;
	for (intptr_t i = 0; i < NTHREADS; i++)
		if (pthread_create(&t, NULL, sleeper, (void *)i))
			return 11;
	for (int i = 0; i < 500 && sh->started < NTHREADS; i++)
		sleep_ms(10);
	*(volatile int *)null_ptr() = 1;
	return 12;
}

/* The index of the other thread whose tid is pid, or -1. */
static int thread_index(long pid)
{
	for (int i = 0; i < NTHREADS; i++)
		if (sh->tids[i] == pid)
			return i;
	return -1;
}

/* NT_PRFPREG's ST(0) (at 28, 10 bytes) is 2 + the thread's index. */
static int st0_is(const char *fpregs, int index)
{
	long double v = 2 + index;
	return memcmp(fpregs + 28, &v, 10) == 0;
}

/* NT_FILE: the mapped file at its page offset, and the program. */
static void check_files(const uint32_t *d, uint32_t len)
{
	uint32_t n = d[0];
	CHECK(len >= 8 && d[1] == 4096 && 8 + 12 * n <= len, "NT_FILE: a count and the page size 4096");
	const char *name = (const char *)(d + 2 + 3 * n), *end = (const char *)d + len;
	int mapped = 0, prog = 0, names = 0;
	for (uint32_t i = 0; i < n && name < end; i++) {
		const uint32_t *e = d + 2 + 3 * i;
		if (!strcmp(name, MAPPED))
			mapped = e[0] == sh->mapped_at && e[1] == sh->mapped_at + 4096 && e[2] == 1;
		size_t l = strlen(name);
		prog |= l >= 13 && !strcmp(name + l - 13, "/core_threads") && e[0] < e[1];
		names++;
		name += l + 1;
	}
	CHECK_EQ(names, n, "NT_FILE: a path for each mapping");
	CHECK(mapped, "the file mapping: its start, end and page offset 1");
	CHECK(prog, "the program's own mapping");
}

static void check_core(const char *path, pid_t child)
{
	size_t len = 0;
	char *core = read_core(path, &len);
	if (!core)
		return;
	Elf32_Ehdr *eh = (Elf32_Ehdr *)core;
	Elf32_Phdr *ph = (Elf32_Phdr *)(core + eh->e_phoff);
	CHECK(memcmp(eh->e_ident, "\177ELF\1", 5) == 0 && ph[0].p_type == PT_NOTE, "an ELF core, notes first");
	int notes = 0, prstatus = 0, threads = 0, first_is_crasher = 0, once = 0, sigs = 0, files = 0;
	int fpvalid = 0, fpregs = 0, fpxregs = 0, st0 = 0, last = -1;
	for (size_t off = ph[0].p_offset; off + 12 <= ph[0].p_offset + ph[0].p_filesz;) {
		uint32_t *n = (uint32_t *)(core + off);
		const char *desc = core + off + 12 + ((n[0] + 3) & ~3u);
		if (n[2] == NT_PRSTATUS && n[1] == 144) {
			long pid = *(int32_t *)(desc + 24);
			first_is_crasher |= notes == 0 && pid == child;
			last = thread_index(pid);
			threads += last >= 0;
			sigs += *(int16_t *)(desc + 12) == SIGSEGV;
			fpvalid += *(int32_t *)(desc + 140) == 1;
			prstatus++;
		}
		once += n[2] == NT_PRPSINFO || n[2] == NT_AUXV;
		if (n[2] == NT_PRFPREG && n[1] == 108) {
			fpregs++;
			st0 += last >= 0 && st0_is(desc, last);
		}
		fpxregs += n[2] == NT_PRXFPREG && n[1] == 512 && !strcmp((const char *)(n + 3), "LINUX");
		if (n[2] == NT_FILE) {
			files++;
			check_files((const uint32_t *)desc, n[1]);
		}
		notes++;
		off = (size_t)(desc - core) + ((n[1] + 3) & ~3u);
	}
	CHECK_EQ(notes, prstatus + fpregs + fpxregs + 3, "per thread its notes, and three for the process");
	CHECK_EQ(prstatus, NTHREADS + 1, "an NT_PRSTATUS per thread");
	CHECK(first_is_crasher, "the crashing thread's first");
	CHECK_EQ(threads, NTHREADS, "then each other thread's, by its tid");
	CHECK_EQ(sigs, NTHREADS + 1, "all with the signal");
	CHECK(once == 2 && files == 1, "NT_PRPSINFO, NT_AUXV and NT_FILE once");
	CHECK_EQ(fpvalid, NTHREADS + 1, "each NT_PRSTATUS says its FPU state follows");
	CHECK_EQ(fpregs, NTHREADS + 1, "an NT_PRFPREG per thread");
	CHECK(fpxregs == 0 || fpxregs == NTHREADS + 1, "and NT_PRXFPREG (with FXSR) per thread");
	CHECK_EQ(st0, NTHREADS, "each other thread's ST(0) as it left it");
	free(core);
}

int main(int argc, char **argv)
{
	sh = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	mkdir(D, 0755);
	int fd = open(MAPPED, O_CREAT | O_WRONLY | O_TRUNC, 0644);
	char page[4096];
	memset(page, 'x', sizeof page);
	CHECK(fd >= 0 && write(fd, page, 4096) == 4096 && write(fd, page, 4096) == 4096, "a two-page file");
	close(fd);
	CHECK_OK(chdir(D), "cd " D);
	struct rlimit rl = { RLIM_INFINITY, RLIM_INFINITY };
	CHECK_OK(setrlimit(RLIMIT_CORE, &rl), "RLIMIT_CORE unlimited");
	pid_t pid = spawn(crash, NULL);
	int st = wait_status(pid);
	CHECK(WIFSIGNALED(st) && WTERMSIG(st) == SIGSEGV && WCOREDUMP(st), "SIGSEGV from a thread group: the core bit");
	CHECK_EQ(sh->started, NTHREADS, "the other threads were running");
	check_core("core", pid);
	if (argc > 1 && !strcmp(argv[1], "keep"))
		return done();
	unlink("core");
	unlink(MAPPED);
	CHECK_OK(chdir("/"), "back to /");
	CHECK_OK(rmdir(D), "nothing else was left behind");
	return done();
}
