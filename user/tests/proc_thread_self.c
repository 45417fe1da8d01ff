/* proc_thread_self: /proc/self names the caller's process (its tgid, from a
 * thread too) and /proc/thread-self its thread, as TGID/task/TID, listed in
 * /proc after self; and the old getrlimit (76) reads limits above
 * 0x7fffffff, RLIM_INFINITY too, as 0x7fffffff, as Linux. */
#include "check.h"

#include <dirent.h>
#include <pthread.h>
#include <stdint.h>
#include <sys/resource.h>
#include <sys/stat.h>

static long gettid_(void)
{
	return raw_syscall(__NR_gettid, 0, 0, 0);
}

/* 0 if both links name the caller's process and thread. */
static int links_ok(void)
{
	char got[64], want[64];
	ssize_t n = readlink("/proc/self", got, sizeof got - 1);
	snprintf(want, sizeof want, "%d", (int)getpid());
	if (n < 0 || (got[n] = '\0', strcmp(got, want)))
		return 1;
	n = readlink("/proc/thread-self", got, sizeof got - 1);
	snprintf(want, sizeof want, "%d/task/%ld", (int)getpid(), gettid_());
	if (n < 0 || (got[n] = '\0', strcmp(got, want)))
		return 2;
	struct stat st;
	if (stat("/proc/thread-self/status", &st) || !S_ISREG(st.st_mode))
		return 3;
	return 0;
}

static void *in_thread(void *arg)
{
	(void)arg;
	return (void *)(intptr_t)links_ok();
}

int main(void)
{
	CHECK_EQ(links_ok(), 0, "self is the pid, thread-self pid/task/tid, in the main thread");
	pthread_t t;
	void *r = (void *)1;
	CHECK(pthread_create(&t, NULL, in_thread, NULL) == 0 && pthread_join(t, &r) == 0, "a thread");
	CHECK_EQ((intptr_t)r, 0, "in another thread: self still the pid, thread-self its own tid");

	DIR *d = opendir("/proc");
	int self = 0, thread_self = 0;
	for (struct dirent *e; d && (e = readdir(d));) {
		self |= !strcmp(e->d_name, "self") && e->d_type == DT_LNK;
		thread_self |= !strcmp(e->d_name, "thread-self") && e->d_type == DT_LNK;
	}
	if (d)
		closedir(d);
	CHECK(self && thread_self, "/proc lists self and thread-self, as links");

	uint32_t lim[2] = { 0, 0 };
	struct rlimit rl = { 8 << 20, RLIM_INFINITY };
	CHECK_OK(setrlimit(RLIMIT_STACK, &rl), "stack limit 8 MiB, unlimited hard");
	CHECK_EQ(raw_syscall(__NR_getrlimit, RLIMIT_STACK, (long)lim, 0), 0, "old getrlimit");
	CHECK(lim[0] == 8u << 20 && lim[1] == 0x7fffffff, "infinity reads as 0x7fffffff");
	CHECK_EQ(raw_syscall(__NR_ugetrlimit, RLIMIT_STACK, (long)lim, 0), 0, "ugetrlimit");
	CHECK(lim[0] == 8u << 20 && lim[1] == 0xffffffff, "reads it as 0xffffffff");
	CHECK_EQ(raw_syscall(__NR_getrlimit, 99, (long)lim, 0), -EINVAL, "old getrlimit of resource 99: EINVAL");
	return done();
}
