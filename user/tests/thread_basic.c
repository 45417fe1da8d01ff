/* thread_basic: threads, with each libc's pthreads:
 * create and join with a value, getpid the group's id and gettid the
 * thread's, a counter under a futex mutex from 8 threads, a shared fd table,
 * a shared working directory and umask,
 * exit of one thread vs exit_group, the group reported once by wait, 64
 * threads at once, 10,000 create/join cycles, detached threads. */
#include "check.h"
#include <pthread.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <stdint.h>

static pid_t main_pid;

static long gettid_(void)
{
	return raw_syscall(__NR_gettid, 0, 0, 0);
}

static void *ids(void *arg)
{
	(void)arg;
	long tid = gettid_();
	return (void *)(intptr_t)(getpid() == main_pid && tid != main_pid && tid > 0 ? 42 : 1);
}

static void test_create_join(void)
{
	pthread_t t;
	void *ret = NULL;
	CHECK_EQ(pthread_create(&t, NULL, ids, NULL), 0, "pthread_create");
	CHECK_EQ(pthread_join(t, &ret), 0, "pthread_join");
	CHECK_EQ((intptr_t)ret, 42, "the thread's getpid is ours, its gettid its own; join has its value");
	CHECK_EQ(gettid_(), main_pid, "the main thread's tid is the pid");
}

#define NTHREADS 8
#define NLOOPS 2000
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static volatile long counter;

static void *count(void *arg)
{
	(void)arg;
	for (int i = 0; i < NLOOPS; i++) {
		pthread_mutex_lock(&lock);
		long c = counter;
		if (i % 100 == 0)
			raw_syscall(__NR_sched_yield, 0, 0, 0);   /* let the others contend */
		counter = c + 1;
		pthread_mutex_unlock(&lock);
	}
	return NULL;
}

static void test_mutex(void)
{
	pthread_t t[NTHREADS];
	int ok = 0;
	for (int i = 0; i < NTHREADS; i++)
		ok += pthread_create(&t[i], NULL, count, NULL) == 0;
	for (int i = 0; i < NTHREADS; i++)
		pthread_join(t[i], NULL);
	CHECK_EQ(ok, NTHREADS, "8 threads created");
	CHECK_EQ(counter, NTHREADS * NLOOPS, "a counter under a mutex from 8 threads");
}

static int shared_fd;

static void *close_fd(void *arg)
{
	(void)arg;
	return (void *)(intptr_t)close(shared_fd);
}

static void test_files(void)
{
	shared_fd = open("/dev/null", O_RDONLY);
	pthread_t t;
	void *ret;
	pthread_create(&t, NULL, close_fd, NULL);
	pthread_join(t, &ret);
	CHECK_EQ((intptr_t)ret, 0, "a thread closes an fd");
	CHECK_ERR(fcntl(shared_fd, F_GETFD), EBADF, "the other thread sees it closed");
}

static void *change_fs(void *arg)
{
	(void)arg;
	umask(027);
	return (void *)(intptr_t)chdir("/dev");
}

static void test_fs(void)
{
	char old[256], now[256];
	getcwd(old, sizeof(old));
	mode_t mask = umask(022);
	pthread_t t;
	void *ret;
	pthread_create(&t, NULL, change_fs, NULL);
	pthread_join(t, &ret);
	CHECK_EQ((intptr_t)ret, 0, "a thread changes directory");
	CHECK(getcwd(now, sizeof(now)) && strcmp(now, "/dev") == 0, "the other thread is there too");
	CHECK_EQ(umask(mask), 027, "and has its umask");
	chdir(old);
}

static void *exit_thread(void *arg)
{
	(void)arg;
	raw_syscall(__NR_exit, 3, 0, 0);
	return NULL;
}

static void *exit_group_thread(void *arg)
{
	(void)arg;
	sleep_ms(20);
	_exit(5);
}

static void test_exits(void)
{
	pid_t pid = fork();
	if (pid == 0) {
		pthread_t t;
		pthread_create(&t, NULL, exit_thread, NULL);
		pthread_join(t, NULL);
		_exit(getpid() == gettid_() ? 7 : 8);
	}
	expect_exit(wait_status(pid), 7, "a thread's exit ends only that thread");

	pid = fork();
	if (pid == 0) {
		pthread_t t;
		pthread_create(&t, NULL, exit_group_thread, NULL);
		sleep_ms(5000);
		_exit(6);
	}
	long t0 = now_ms();
	expect_exit(wait_status(pid), 5, "exit_group from a thread ends the process with its status");
	CHECK(now_ms() - t0 < 4000, "at once, the main thread's sleep cut short");
	CHECK_ERR(waitpid(-1, NULL, WNOHANG), ECHILD, "the group was reported once");
}

static void *nothing(void *arg)
{
	return arg;
}

/* glibc's default stack is RLIMIT_STACK (8 MiB): 64 of them need not fit. */
static int create_small(pthread_t *t, void *(*fn)(void *), void *arg)
{
	pthread_attr_t attr;
	pthread_attr_init(&attr);
	pthread_attr_setstacksize(&attr, 65536);
	int r = pthread_create(t, &attr, fn, arg);
	pthread_attr_destroy(&attr);
	return r;
}

#define CYCLES 10000

static int count_maps(void)
{
	char buf[4096];
	int fd = open("/proc/self/maps", O_RDONLY), n = 0;
	ssize_t got;
	while (fd >= 0 && (got = read(fd, buf, sizeof buf)) > 0)
		for (ssize_t i = 0; i < got; i++)
			n += buf[i] == '\n';
	if (fd >= 0)
		close(fd);
	return n;
}

static void test_many(void)
{
	pthread_t t[64];
	int ok = 0;
	int made = 0;
	while (made < 64 && create_small(&t[made], nothing, (void *)(intptr_t)made) == 0)
		made++;
	for (int i = 0; i < made; i++) {
		void *ret;
		pthread_join(t[i], &ret);
		ok += (intptr_t)ret == i;
	}
	ok += made;
	CHECK_EQ(ok, 128, "64 threads at once, each joined with its value");
	ok = 0;
	int maps = count_maps();
	for (int i = 0; i < CYCLES; i++) {
		pthread_t one;
		void *ret;
		ok += create_small(&one, nothing, (void *)(intptr_t)i) == 0 && pthread_join(one, &ret) == 0 &&
		      (intptr_t)ret == i;
	}
	CHECK_EQ(ok, CYCLES, "10000 create/join cycles");
	CHECK_EQ(count_maps(), maps, "and no mapping more afterwards: the stacks were freed");
}

static volatile int detached_ran;

static void *detached(void *arg)
{
	(void)arg;
	__atomic_add_fetch(&detached_ran, 1, __ATOMIC_SEQ_CST);
	return NULL;
}

/* A detached thread frees its own stack as it goes (pthread_detach, or the attribute). */
static void test_detached(void)
{
	pthread_attr_t attr;
	int maps = count_maps(), ok = 0;
	pthread_attr_init(&attr);
	pthread_attr_setstacksize(&attr, 65536);
	pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
	/* In batches of ten, each let finish before the next: glibc keeps the
	 * stacks of exited threads in its cache and hands them to new ones, so
	 * only the threads alive at once may add stacks (on a loaded host all
	 * hundred could otherwise be alive together). */
	long t0 = now_ms();
	for (int i = 0; i < 100; i++) {
		pthread_t t;
		if (i % 2)
			ok += pthread_create(&t, &attr, detached, NULL) == 0;
		else
			ok += create_small(&t, detached, NULL) == 0 && pthread_detach(t) == 0;
		if (i % 10 == 9) {
			while (detached_ran < ok && now_ms() - t0 < 5000)
				sleep_ms(1);
			sleep_ms(10);
		}
	}
	pthread_attr_destroy(&attr);
	CHECK_EQ(ok, 100, "100 detached threads (by attribute or pthread_detach)");
	t0 = now_ms();
	while ((detached_ran < 100 || count_maps() > maps) && now_ms() - t0 < 5000)
		sleep_ms(5);
	CHECK_EQ(detached_ran, 100, "all ran");
	/* Kept, each would be a mapping or two more; glibc may keep a few in its cache. */
	CHECK_EQ(count_maps() - maps < 50, 1, "and their stacks went with them");
}

int main(void)
{
	main_pid = getpid();
	test_create_join();
	test_mutex();
	test_files();
	test_fs();
	test_exits();
	test_many();
	test_detached();
	return done();
}
