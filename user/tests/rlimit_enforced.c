/* rlimit_enforced: the limits Linux enforces. RLIMIT_FSIZE cuts a write
 * at the limit, then SIGXFSZ and EFBIG (for truncate too; pipes are not
 * limited); RLIMIT_CPU raises SIGXCPU at the soft limit and each second
 * after (the soft limit moving on), then SIGKILL at the hard one;
 * RLIMIT_AS and RLIMIT_DATA make mmap and brk fail with ENOMEM. */
#include "check.h"

#include <sys/resource.h>
#include <sys/stat.h>

#define F "/tmp/rlimit_enforced.f"

static volatile int xfsz;

static void on_xfsz(int sig)
{
	(void)sig;
	xfsz++;
}

/* Run in a child with fd 1 limited too: each step's result goes to shared
 * memory and the parent prints the checks. */
static const char *const fsize_steps[] = {
	"RLIMIT_FSIZE 10 bytes", "a write is cut at the limit", "without a signal",
	"a write at the limit: EFBIG", "and SIGXFSZ", "an empty write is no error", "pwrite is cut too",
	"ftruncate past the limit: EFBIG", "and SIGXFSZ", "ftruncate to the limit", "shrinking is allowed",
	"a pipe has no size limit",
};

static int fsize_child(void *arg)
{
	int *ok = arg, i = 0;
	struct rlimit rl = { 10, RLIM_INFINITY };
	signal(SIGXFSZ, on_xfsz);
	ok[i++] = setrlimit(RLIMIT_FSIZE, &rl) == 0;
	int fd = open(F, O_CREAT | O_RDWR | O_TRUNC, 0644);
	ok[i++] = write(fd, "0123456789abcdef", 16) == 10;
	ok[i++] = xfsz == 0;
	ok[i++] = write(fd, "x", 1) == -1 && errno == EFBIG;
	ok[i++] = xfsz == 1;
	ok[i++] = write(fd, "", 0) == 0;
	ok[i++] = pwrite(fd, "ABCDEFGH", 8, 6) == 4;
	ok[i++] = ftruncate(fd, 11) == -1 && errno == EFBIG;
	ok[i++] = xfsz == 2;
	ok[i++] = ftruncate(fd, 10) == 0;
	ok[i++] = ftruncate(fd, 3) == 0;
	close(fd);
	int p[2];
	pipe(p);
	ok[i++] = write(p[1], "0123456789abcdef", 16) == 16;
	return 0;
}

static void check_fsize(void)
{
	int n = sizeof fsize_steps / sizeof fsize_steps[0];
	int *ok = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	unlink(F);
	expect_exit(run_child(fsize_child, ok), 0, "the RLIMIT_FSIZE child");
	for (int i = 0; i < n; i++)
		CHECK(ok[i], fsize_steps[i]);
	munmap(ok, 4096);
	unlink(F);
}

static int fsize_default(void *arg)
{
	(void)arg;
	struct rlimit rl = { 0, RLIM_INFINITY };
	setrlimit(RLIMIT_CORE, &rl);
	setrlimit(RLIMIT_FSIZE, &rl);
	int fd = open(F, O_CREAT | O_WRONLY | O_TRUNC, 0644);
	write(fd, "x", 1);
	return 0;
}

static volatile int xcpu_pipe;          /* volatile: the loop never reads it, the handler does */

static void on_xcpu(int sig)
{
	(void)sig;
	struct rlimit rl;
	getrlimit(RLIMIT_CPU, &rl);
	char c = (char)('0' + rl.rlim_cur);
	write(xcpu_pipe, &c, 1);
}

static int cpu_hog(void *arg)
{
	xcpu_pipe = *(int *)arg;
	signal(SIGXCPU, on_xcpu);
	struct rlimit rl = { 1, 3 };
	setrlimit(RLIMIT_CPU, &rl);
	for (volatile unsigned long i = 0;; i++)
		;
	return 0;
}

static void check_cpu(void)
{
	int p[2];
	pipe(p);
	pid_t pid = spawn(cpu_hog, &p[1]);
	close(p[1]);
	int status = wait_status(pid);
	expect_signal(status, SIGKILL, "at the hard CPU limit: SIGKILL");
	char got[8] = "";
	CHECK(read(p[0], got, sizeof got - 1) == 2 && strcmp(got, "23") == 0,
	      "SIGXCPU at the soft limit and a second later, the soft limit one second on each time");
	close(p[0]);
}

static void *map(size_t len, int prot)
{
	return mmap(NULL, len, prot, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
}

/* Exit codes say which check failed. */
static int vm_limits(void *arg)
{
	(void)arg;
	struct rlimit rl = { 64 << 20, RLIM_INFINITY };
	setrlimit(RLIMIT_AS, &rl);
	if (map(128 << 20, PROT_READ) != MAP_FAILED || errno != ENOMEM)
		return 1;
	void *small = map(1 << 20, PROT_READ | PROT_WRITE);
	if (small == MAP_FAILED)
		return 2;
	munmap(small, 1 << 20);
	rl.rlim_cur = RLIM_INFINITY;
	setrlimit(RLIMIT_AS, &rl);
	rl.rlim_cur = 4 << 20;
	setrlimit(RLIMIT_DATA, &rl);
	if (map(8 << 20, PROT_READ | PROT_WRITE) != MAP_FAILED || errno != ENOMEM)
		return 3;
	void *ro = map(8 << 20, PROT_READ);
	if (ro == MAP_FAILED)
		return 4;
	void *sh = mmap(NULL, 8 << 20, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (sh == MAP_FAILED)
		return 5;
	long cur = raw_syscall(__NR_brk, 0, 0, 0);
	if (raw_syscall(__NR_brk, cur + (8 << 20), 0, 0) != cur)
		return 6;
	if (raw_syscall(__NR_brk, cur + 4096, 0, 0) != cur + 4096)
		return 7;
	return 0;
}

int main(void)
{
	check_fsize();
	expect_signal(run_child(fsize_default, NULL), SIGXFSZ, "SIGXFSZ's default action kills");
	unlink(F);
	expect_exit(run_child(vm_limits, NULL), 0, "RLIMIT_AS and RLIMIT_DATA: mmap and brk ENOMEM");
	check_cpu();
	return done();
}
