/* thread_process: threads and whole processes, with each libc: fork from a
 * threaded process gives a child with one thread; /proc/self/task lists the
 * threads and each TID has stat and status (/proc itself lists only the
 * process); execve from a thread that is not the leader ends the others and
 * the new program runs as the leader, with the process's pid; times and
 * getrusage count an exited thread's CPU time; system() status, popen()
 * output and posix_spawn (status, file actions, ENOENT), called from a
 * thread. Every wait is bounded. */
#include "check.h"

#include <dirent.h>
#include <pthread.h>
#include <spawn.h>
#include <stdint.h>
#include <sys/resource.h>
#include <sys/times.h>

#ifndef RUSAGE_THREAD
#define RUSAGE_THREAD 1         /* glibc's, with _GNU_SOURCE */
#endif

extern char **environ;

static long gettid_(void)
{
	return raw_syscall(__NR_gettid, 0, 0, 0);
}

static int count_tasks(void)
{
	DIR *d = opendir("/proc/self/task");
	struct dirent *e;
	int n = 0;
	if (!d)
		return -1;
	while ((e = readdir(d)))
		n += e->d_name[0] != '.';
	closedir(d);
	return n;
}

static volatile int stop;
static volatile long spinner_tid;

static void *spinner(void *arg)
{
	(void)arg;
	spinner_tid = gettid_();
	for (long t0 = now_ms(); !stop && now_ms() - t0 < 5000;)
		sleep_ms(5);
	return NULL;
}

static void *nothing(void *arg)
{
	return arg;
}

static int child_after_fork(void *arg)
{
	(void)arg;
	pthread_t t;
	void *r = NULL;
	if (count_tasks() != 1 || getpid() != gettid_())
		return 1;
	if (pthread_create(&t, NULL, nothing, (void *)5) || pthread_join(t, &r) || r != (void *)5)
		return 2;
	return 0;
}

static void *fork_in_thread(void *arg)
{
	(void)arg;
	return (void *)(intptr_t)wait_status(spawn(child_after_fork, NULL));
}

static void read_file(const char *path, char *buf, size_t n)
{
	int fd = open(path, O_RDONLY);
	ssize_t got = fd >= 0 ? read(fd, buf, n - 1) : -1;
	buf[got > 0 ? got : 0] = 0;
	if (fd >= 0)
		close(fd);
}

static void test_tasks_and_fork(void)
{
	pthread_t t[2];
	char path[64], buf[512], want[32];
	void *r = NULL;
	stop = 0;
	pthread_create(&t[0], NULL, spinner, NULL);
	for (long t0 = now_ms(); !spinner_tid && now_ms() - t0 < 5000;)
		sleep_ms(1);
	pthread_create(&t[1], NULL, fork_in_thread, NULL);
	pthread_join(t[1], &r);
	expect_exit((int)(intptr_t)r, 0, "fork from a thread: the child has one thread, and can make more");
	CHECK_EQ(count_tasks(), 2, "/proc/self/task lists both threads");
	snprintf(path, sizeof path, "/proc/self/task/%ld/stat", spinner_tid);
	read_file(path, buf, sizeof buf);
	snprintf(want, sizeof want, "%ld (", spinner_tid);
	CHECK(strncmp(buf, want, strlen(want)) == 0, "/proc/self/task/TID/stat is the thread's");
	snprintf(path, sizeof path, "/proc/self/task/%ld/status", spinner_tid);
	read_file(path, buf, sizeof buf);
	snprintf(want, sizeof want, "\nPid:\t%ld\n", spinner_tid);
	CHECK(strstr(buf, want) != NULL, "/proc/self/task/TID/status too");
	snprintf(want, sizeof want, "%ld", spinner_tid);
	int listed = 0;
	DIR *d = opendir("/proc");
	for (struct dirent *e; d && (e = readdir(d));)
		listed += strcmp(e->d_name, want) == 0;
	if (d)
		closedir(d);
	snprintf(path, sizeof path, "/proc/%ld/stat", spinner_tid);
	CHECK(listed == 0 && access(path, R_OK) == 0, "/proc lists the process, not its other thread, which lookup finds");
	pid_t other = fork();
	if (other == 0) {
		sleep_ms(2000);
		_exit(0);
	}
	snprintf(path, sizeof path, "/proc/self/task/%d", other);
	CHECK_ERR(open(path, O_RDONLY), ENOENT, "another process's pid is not one of our tasks");
	kill(other, SIGKILL);
	wait_status(other);
	stop = 1;
	pthread_join(t[0], NULL);
	CHECK_EQ(count_tasks(), 1, "once joined, one task");
}

/* ---- execve from a thread that is not the leader ---- */
static void *exec_thread(void *arg)
{
	(void)arg;
	char *argv[] = { "thread_process", "execed", NULL };
	execve("/proc/self/exe", argv, environ);
	_exit(99);
}

static int execs_from_thread(void *arg)
{
	(void)arg;
	pthread_t t;
	pthread_create(&t, NULL, exec_thread, NULL);
	sleep_ms(5000);                 /* SIGKILLed by the exec well before */
	return 98;
}

/* The new image: it must be the leader, alone, with the process's pid. */
static int after_exec(void)
{
	if (getpid() != gettid_())
		return 10;
	if (count_tasks() != 1)
		return 11;
	return 0;
}

static void test_exec_from_thread(void)
{
	long t0 = now_ms();
	expect_exit(wait_status(spawn(execs_from_thread, NULL)), 0,
		    "execve from a thread: the new program is the leader, alone, with the pid");
	CHECK(now_ms() - t0 < 4000, "the other threads did not hold it up");
}

/* ---- CPU time of an exited thread ---- */
static long ru_ms(int who)
{
	struct rusage ru;
	getrusage(who, &ru);
	return (ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1000 +
	       (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1000;
}

static void *burn(void *arg)
{
	(void)arg;
	for (long t0 = now_ms(); ru_ms(RUSAGE_THREAD) < 300 && now_ms() - t0 < 5000;)
		;
	return (void *)ru_ms(RUSAGE_THREAD);
}

static void test_times(void)
{
	pthread_t t;
	void *burnt = NULL;
	long before = ru_ms(RUSAGE_SELF);
	pthread_create(&t, NULL, burn, NULL);
	pthread_join(t, &burnt);
	CHECK((long)burnt >= 300, "a thread burns 300 ms of CPU (RUSAGE_THREAD)");
	CHECK(ru_ms(RUSAGE_SELF) - before >= 280, "getrusage(RUSAGE_SELF) still counts it after its exit");
	CHECK(ru_ms(RUSAGE_THREAD) < ru_ms(RUSAGE_SELF) - 250, "RUSAGE_THREAD of the main thread does not");
	struct tms tm;
	times(&tm);
	long hz = sysconf(_SC_CLK_TCK);
	CHECK((tm.tms_utime + tm.tms_stime) * 1000 / hz >= 280, "times() counts it too");
}

/* ---- system, popen, posix_spawn, from a thread ---- */
static void *run_commands(void *arg)
{
	(void)arg;
	char buf[64] = "";
	int st = system("exit 3");
	expect_exit(st, 3, "system(\"exit 3\") from a thread: its status");
	FILE *f = popen("echo hello from popen", "r");
	CHECK(f != NULL, "popen");
	if (f) {
		CHECK(fgets(buf, sizeof buf, f) && strcmp(buf, "hello from popen\n") == 0, "popen: the command's output");
		expect_exit(pclose(f), 0, "pclose: its status");
	}

	pid_t pid = 0;
	char *argv[] = { "sh", "-c", "exit 4", NULL };
	CHECK_EQ(posix_spawn(&pid, "/bin/sh", NULL, NULL, argv, environ), 0, "posix_spawn");
	expect_exit(wait_status(pid), 4, "posix_spawn: the child's status");

	int p[2];
	pipe(p);
	posix_spawn_file_actions_t fa;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_adddup2(&fa, p[1], 1);
	posix_spawn_file_actions_addclose(&fa, p[0]);
	char *echo[] = { "sh", "-c", "echo spawned", NULL };
	CHECK_EQ(posix_spawnp(&pid, "sh", &fa, NULL, echo, environ), 0, "posix_spawnp with file actions");
	close(p[1]);
	ssize_t n = read(p[0], buf, sizeof buf - 1);
	buf[n > 0 ? n : 0] = 0;
	CHECK(strcmp(buf, "spawned\n") == 0, "its output went through the dup2'd pipe");
	close(p[0]);
	expect_exit(wait_status(pid), 0, "and it exited 0");
	posix_spawn_file_actions_destroy(&fa);

	char *none[] = { "none", NULL };
	CHECK_EQ(posix_spawn(&pid, "/nonexistent/program", NULL, NULL, none, environ), ENOENT,
		 "posix_spawn of a missing program: ENOENT");
	return NULL;
}

static void test_commands(void)
{
	pthread_t t;
	pthread_create(&t, NULL, run_commands, NULL);
	pthread_join(t, NULL);
}

int main(int argc, char **argv)
{
	if (argc > 1 && strcmp(argv[1], "execed") == 0)
		return after_exec();
	test_tasks_and_fork();
	test_exec_from_thread();
	test_times();
	test_commands();
	return done();
}
