/* bench: lmbench-style microbenchmarks. It prints figures and never passes
 * or fails; run it inside the kernel (tools/krun bench, with QEMU's -icount
 * for figures that do not depend on the host's load, see README.md) or on
 * Linux, and compare. Arguments: a scale for the counts, and the number of
 * CPU-bound processes of the latency figures (50); or `smp [THREADS
 * [MILLIONS]]` for the figures tools/smp-bench compares across CPU counts. */
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <uapi/chardev.h>
#include <uapi/futex.h>

/* Integer arithmetic only: the project's printf has no floating point. */
static long long now_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

/* Prints total/n with two decimals, in the unit's hundredths. */
static void report(const char *what, long long hundredths, const char *unit)
{
	printf("%-40s %9lld.%02lld %s\n", what, hundredths / 100, hundredths % 100, unit);
}

static void report_per_op(const char *what, long long ns, int n)
{
	report(what, ns / 10 / n, "us");
}

static void bench_null_syscall(int n)
{
	long long t = now_ns();
	for (int i = 0; i < n; i++)
		getppid();
	report_per_op("null system call (getppid)", now_ns() - t, n);
}

static void bench_ioctl(const char *what, const char *dev, unsigned long cmd, int n)
{
	int fd = open(dev, O_RDWR);
	if (fd < 0) {
		printf("%-40s %12s (%s: not here)\n", what, "n/a", dev);
		return;
	}
	long long t = now_ns();
	for (int i = 0; i < n; i++)
		ioctl(fd, cmd, 0);
	report_per_op(what, now_ns() - t, n);
	close(fd);
}

static void bench_pipe_pingpong(int n)
{
	int to_child[2], to_parent[2];
	char c = 'x';
	if (pipe(to_child) || pipe(to_parent))
		return;
	pid_t pid = fork();
	if (pid == 0) {
		for (int i = 0; i < n; i++) {
			if (read(to_child[0], &c, 1) != 1 || write(to_parent[1], &c, 1) != 1)
				_exit(1);
		}
		_exit(0);
	}
	long long t = now_ns();
	for (int i = 0; i < n; i++) {
		if (write(to_child[1], &c, 1) != 1 || read(to_parent[0], &c, 1) != 1)
			break;
	}
	long long dt = now_ns() - t;
	waitpid(pid, NULL, 0);
	report_per_op("pipe ping-pong round trip", dt, n);
	close(to_child[0]), close(to_child[1]), close(to_parent[0]), close(to_parent[1]);
}

static void bench_pipe_bandwidth(int mib, int chunk)
{
	static char buf[65536];
	int fds[2];
	if (pipe(fds))
		return;
	pid_t pid = fork();
	if (pid == 0) {
		close(fds[1]);
		while (read(fds[0], buf, chunk) > 0)
			;
		_exit(0);
	}
	close(fds[0]);
	long long t = now_ns();
	for (long left = (long)mib << 20; left > 0; left -= chunk)
		if (write(fds[1], buf, chunk) != chunk)
			break;
	close(fds[1]);
	waitpid(pid, NULL, 0);
	long long dt = now_ns() - t;
	char what[48];
	snprintf(what, sizeof what, "pipe bandwidth (%d KiB writes)", chunk / 1024);
	report(what, dt ? mib * 100LL * 1000000000LL / dt : 0, "MiB/s");
}

/* fork + exit + wait of a process with mib MiB of private memory touched. */
static void bench_fork(int n, int mib)
{
	size_t len = (size_t)mib << 20;
	char *mem = len ? malloc(len) : NULL;
	if (len && !mem)
		return;
	for (size_t i = 0; i < len; i += 4096)
		mem[i] = 1;
	long long t = now_ns();
	for (int i = 0; i < n; i++) {
		pid_t pid = fork();
		if (pid == 0)
			_exit(0);
		waitpid(pid, NULL, 0);
	}
	char what[48];
	snprintf(what, sizeof what, "fork + exit + wait (%d MiB touched)", mib);
	report_per_op(what, now_ns() - t, n);
	free(mem);
}

/* fork + execve of prog (argv[1] arg) + wait; a program that is not there is
 * left out. */
static void bench_fork_exec(const char *what, const char *prog, const char *arg, int n)
{
	if (access(prog, X_OK))
		return;
	long long t = now_ns();
	for (int i = 0; i < n; i++) {
		pid_t pid = fork();
		if (pid == 0) {
			execl(prog, prog, arg, (char *)NULL);
			_exit(1);
		}
		waitpid(pid, NULL, 0);
	}
	report_per_op(what, now_ns() - t, n);
}

static void bench_mmap(int n, int touch)
{
	size_t len = 64u << 20;
	long long t = now_ns();
	for (int i = 0; i < n; i++) {
		char *p = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		if (p == MAP_FAILED)
			return;
		for (size_t off = 0; touch && off < len; off += 4096)
			p[off] = 1;
		munmap(p, len);
	}
	report_per_op(touch ? "mmap + munmap 64 MiB, touched" : "mmap + munmap 64 MiB, untouched", now_ns() - t, n);
}

/* Creating (and removing) a file, and opening one, in a directory of nfiles:
 * lookup should not depend on the size. */
static void bench_dir(int nfiles, int n)
{
	char dir[64], name[96];
	snprintf(dir, sizeof dir, "/tmp/bench_dir_%d", nfiles);
	if (mkdir(dir, 0755))
		return;
	for (int i = 0; i < nfiles; i++) {
		snprintf(name, sizeof name, "%s/f%05d", dir, i);
		close(open(name, O_WRONLY | O_CREAT, 0644));
	}
	char what[64];
	snprintf(name, sizeof name, "%s/new", dir);
	long long t = now_ns();
	for (int i = 0; i < n; i++) {
		close(open(name, O_WRONLY | O_CREAT | O_EXCL, 0644));
		unlink(name);
	}
	snprintf(what, sizeof what, "create + unlink, %d-file directory", nfiles);
	report_per_op(what, now_ns() - t, n);
	snprintf(name, sizeof name, "%s/f%05d", dir, nfiles / 2);
	t = now_ns();
	for (int i = 0; i < n; i++)
		close(open(name, O_RDONLY));
	snprintf(what, sizeof what, "open + close, %d-file directory", nfiles);
	report_per_op(what, now_ns() - t, n);
	for (int i = 0; i < nfiles; i++) {
		snprintf(name, sizeof name, "%s/f%05d", dir, i);
		unlink(name);
	}
	rmdir(dir);
}

static void bench_dev_zero(int mib)
{
	static char buf[4096];
	int fd = open("/dev/zero", O_RDONLY);
	if (fd < 0)
		return;
	long long t = now_ns();
	for (long left = (long)mib << 20; left > 0; left -= sizeof buf)
		if (read(fd, buf, sizeof buf) != sizeof buf)
			break;
	report_per_op("read 1 MiB of /dev/zero (4 KiB reads)", now_ns() - t, mib);
	close(fd);
}

/* poll with a zero timeout on nfds entries, all for one idle pipe. */
static void bench_poll(int n, int nfds)
{
	static struct pollfd p[1000];
	int fds[2];
	if (pipe(fds))
		return;
	for (int i = 0; i < nfds; i++)
		p[i] = (struct pollfd){ .fd = fds[0], .events = POLLIN };
	long long t = now_ns();
	for (int i = 0; i < n; i++)
		poll(p, nfds, 0);
	char what[48];
	snprintf(what, sizeof what, "poll on %d descriptors", nfds);
	report_per_op(what, now_ns() - t, n);
	close(fds[0]), close(fds[1]);
}

/* Interactive response under load: n CPU-bound children run while the parent
 * measures how late a 10 ms nanosleep returns and how long a pipe round trip
 * to a sleeping child takes. Each measurement stops after a time budget, so
 * a scheduler that starves sleepers still finishes. */
enum { LAT_SAMPLES = 50, LAT_BUDGET_NS = 3000000000 };

static void report_latency(const char *what, int nhogs, long long sum, long long max, int n)
{
	char label[64];
	snprintf(label, sizeof(label), "%s, %d hogs: avg", what, nhogs);
	report(label, n ? sum / 10000 / n : 0, "ms");
	snprintf(label, sizeof(label), "%s, %d hogs: max", what, nhogs);
	report(label, max / 10000, "ms");
}

static void bench_latency(int nhogs)
{
	pid_t hogs[256];
	if (nhogs > 256)
		nhogs = 256;
	for (int i = 0; i < nhogs; i++) {
		hogs[i] = fork();
		if (hogs[i] == 0)
			for (volatile unsigned spin = 0;; spin++)
				;
		if (hogs[i] < 0) {
			nhogs = i;
			break;
		}
	}
	long long sum = 0, max = 0, start = now_ns();
	int n = 0;
	for (; n < LAT_SAMPLES && now_ns() - start < LAT_BUDGET_NS; n++) {
		struct timespec ten_ms = { 0, 10000000 };
		long long t = now_ns();
		nanosleep(&ten_ms, NULL);
		long long late = now_ns() - t - 10000000;
		sum += late;
		max = late > max ? late : max;
	}
	report_latency("10 ms nanosleep oversleep", nhogs, sum, max, n);

	int to_child[2], to_parent[2];
	char c = 'x';
	if (pipe(to_child) == 0 && pipe(to_parent) == 0) {
		pid_t echo = fork();
		if (echo == 0) {
			close(to_child[1]);
			while (read(to_child[0], &c, 1) == 1 && write(to_parent[1], &c, 1) == 1)
				;
			_exit(0);
		}
		sum = max = 0;
		start = now_ns();
		for (n = 0; n < LAT_SAMPLES && now_ns() - start < LAT_BUDGET_NS; n++) {
			long long t = now_ns();
			if (write(to_child[1], &c, 1) != 1 || read(to_parent[0], &c, 1) != 1)
				break;
			t = now_ns() - t;
			sum += t;
			max = t > max ? t : max;
		}
		close(to_child[1]);
		waitpid(echo, NULL, 0);
		report_latency("pipe round trip", nhogs, sum, max, n);
		close(to_child[0]), close(to_parent[0]), close(to_parent[1]);
	}
	for (int i = 0; i < nhogs; i++)
		kill(hogs[i], SIGKILL);
	for (int i = 0; i < nhogs; i++)
		waitpid(hogs[i], NULL, 0);
}

static void *thread_nothing(void *arg)
{
	return arg;
}

static void bench_thread_create(int n)
{
	long long t = now_ns();
	for (int i = 0; i < n; i++) {
		pthread_t th;
		if (pthread_create(&th, NULL, thread_nothing, NULL) == 0)
			pthread_join(th, NULL);
	}
	report_per_op("pthread_create + pthread_join", now_ns() - t, n);
}

/* The turn word: 0 the main thread's, 1 the partner's; each hands it over and wakes the other. */
static volatile int turn;

static void futex_handover(int mine, int n)
{
	for (int i = 0; i < n; i++) {
		while (turn != mine)
			syscall(SYS_futex, &turn, FUTEX_WAIT | FUTEX_PRIVATE_FLAG, !mine, NULL, NULL, 0);
		turn = !mine;
		syscall(SYS_futex, &turn, FUTEX_WAKE | FUTEX_PRIVATE_FLAG, 1, NULL, NULL, 0);
	}
}

static void *futex_partner(void *arg)
{
	futex_handover(1, (int)(long)arg);
	return NULL;
}

static void bench_futex_pingpong(int n)
{
	pthread_t th;
	turn = 0;
	long long t = now_ns();
	if (pthread_create(&th, NULL, futex_partner, (void *)(long)n) != 0)
		return;
	futex_handover(0, n);
	pthread_join(th, NULL);
	report_per_op("futex wake/wait round trip (2 threads)", now_ns() - t, n);
}

/* CPU-bound work with no system call and nothing shared: an LCG per thread. */
static void *spin(void *arg)
{
	unsigned x = 1;
	for (long i = (long)arg; i > 0; i--)
		x = x * 1103515245u + 12345u;
	return (void *)(unsigned long)(x & 1);
}

/* nthreads threads of millions * 2^20 LCG steps each, in wall-clock time: what
 * several CPUs gain (docs/bench.md, CPUS=1 against CPUS=4). */
static void bench_spin(int nthreads, int millions)
{
	pthread_t th[64];
	nthreads = nthreads < 1 ? 1 : nthreads > 64 ? 64 : nthreads;
	long long t = now_ns();
	for (int i = 0; i < nthreads; i++)
		if (pthread_create(&th[i], NULL, spin, (void *)((long)millions << 20)) != 0)
			return;
	for (int i = 0; i < nthreads; i++)
		pthread_join(th[i], NULL);
	char what[64];
	snprintf(what, sizeof what, "cpu-bound, %d threads, wall clock", nthreads);
	report(what, (now_ns() - t) / 10000000, "s");
}

/* `bench smp [THREADS [MILLIONS]]`: the figures of the SMP comparison only. */
static void bench_smp(int nthreads, int millions)
{
	bench_null_syscall(20000);
	bench_ioctl("ioctl round trip (/dev/null)", "/dev/null", FIONREAD, 20000);
	bench_pipe_pingpong(2000);
	bench_spin(nthreads, millions);
}

int main(int argc, char **argv)
{
	if (argc > 1 && !strcmp(argv[1], "exit"))
		return 0;
	if (argc > 1 && !strcmp(argv[1], "smp")) {
		setvbuf(stdout, NULL, _IOLBF, 0);
		bench_smp(argc > 2 ? atoi(argv[2]) : 4, argc > 3 ? atoi(argv[3]) : 64);
		return 0;
	}
	int scale = argc > 1 ? atoi(argv[1]) : 1;
	if (scale < 1)
		scale = 1;
	setvbuf(stdout, NULL, _IOLBF, 0);
	printf("%-40s %12s %s\n", "benchmark", "result", "unit");
	bench_null_syscall(20000 * scale);
	bench_ioctl("ioctl round trip (/dev/null)", "/dev/null", FIONREAD, 20000 * scale);
	bench_ioctl("ioctl round trip (/dev/chardev)", "/dev/chardev", CHARDEV_IOCTL_QUERY, 20000 * scale);
	bench_pipe_pingpong(2000 * scale);
	bench_pipe_bandwidth(16 * scale, 1024);
	bench_pipe_bandwidth(16 * scale, 4096);
	bench_pipe_bandwidth(16 * scale, 65536);
	bench_fork(100 * scale, 0);
	bench_fork(20 * scale, 4);
	bench_fork(5 * scale, 16);
	bench_fork(2 * scale, 64);
	char self[256];
	ssize_t k = readlink("/proc/self/exe", self, sizeof self - 1);
	self[k > 0 ? k : 0] = 0;
	bench_fork_exec("fork + execve + wait", self, "exit", 50 * scale);
	bench_fork_exec("fork + execve + wait (busybox true)", "/bin/busybox", "true", 50 * scale);
	bench_thread_create(200 * scale);
	bench_futex_pingpong(2000 * scale);
	bench_mmap(20 * scale, 0);
	bench_mmap(2 * scale, 1);
	bench_dev_zero(8 * scale);
	bench_dir(10, 2000 * scale);
	bench_dir(1000, 2000 * scale);
	bench_dir(10000, 2000 * scale);
	bench_poll(5000 * scale, 1);
	bench_poll(5000 * scale, 10);
	bench_poll(1000 * scale, 100);
	bench_poll(100 * scale, 1000);
	bench_latency(argc > 2 ? atoi(argv[2]) : 50);
	return 0;
}
