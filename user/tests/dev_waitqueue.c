/* dev_waitqueue: wait queues driven from user space through /dev/wq_test.
 * wake_up_all wakes 50 sleepers; wake_up wakes exactly one exclusive sleeper,
 * and all non-exclusive ones plus one exclusive one on a mixed queue; a signal
 * ends a sleep with EINTR, or restarts it under SA_RESTART; SIGKILL kills a
 * sleeper; and a sleep/wake ping-pong of many rounds never loses a wake-up.
 * Every wait on the kernel is bounded: a lost wake-up fails a check, it does
 * not hang the test. */
#include "check.h"

#include <fcntl.h>
#include <sched.h>
#include <sys/ioctl.h>
#include <uapi/wq_test.h>

#define MANY 50
#define TIMEOUT_MS 10000
#define STRESS_ROUNDS 2000

static int dev = -1;

/* Written by children, read by the parent: MAP_SHARED survives fork. */
struct shared {
	volatile int handler_ran;
	volatile int progress;
};
static struct shared *sh;

static int wq(unsigned long cmd, long arg)
{
	return ioctl(dev, cmd, arg);
}

/* Polls until the queue holds n sleepers; 0 if it never does. */
static int wait_for_sleepers(int n)
{
	for (long end = now_ms() + TIMEOUT_MS; now_ms() < end; sleep_ms(2))
		if (wq(WQ_TEST_SLEEPERS, 0) == n)
			return 1;
	return 0;
}

static int wait_for_woken(int n)
{
	for (long end = now_ms() + TIMEOUT_MS; now_ms() < end; sleep_ms(2))
		if (wq(WQ_TEST_WOKEN, 0) == n)
			return 1;
	return 0;
}

/* Waits for every child, SIGKILLing those still there after the timeout so that
 * a lost wake-up cannot hang the test. Returns how many exited 0. */
static int reap(const pid_t *pids, int n)
{
	int ok = 0, left = n;
	int gone[MANY] = { 0 };
	for (long end = now_ms() + TIMEOUT_MS; left && now_ms() < end; sleep_ms(2)) {
		for (int i = 0; i < n; i++) {
			int st;
			if (gone[i] || waitpid(pids[i], &st, WNOHANG) != pids[i])
				continue;
			gone[i] = 1;
			left--;
			ok += WIFEXITED(st) && WEXITSTATUS(st) == 0;
		}
	}
	for (int i = 0; i < n; i++) {
		if (!gone[i]) {
			kill(pids[i], SIGKILL);
			waitpid(pids[i], NULL, 0);
		}
	}
	return ok;
}

/* What a sleeping child waits past: the generation when the parent forked it. */
static int seen;

static int sleeper(void *cmd)
{
	return wq((unsigned long)cmd, seen) == 0 ? 0 : 1;
}

/* Forks n children that sleep with cmd (after reading the generation). */
static void spawn_sleepers(pid_t *pids, int n, unsigned long cmd)
{
	seen = wq(WQ_TEST_GENERATION, 0);
	for (int i = 0; i < n; i++)
		pids[i] = spawn(sleeper, (void *)cmd);
}

static void test_wake_all_many(void)
{
	pid_t pids[MANY];
	int w0 = wq(WQ_TEST_WOKEN, 0);
	spawn_sleepers(pids, MANY, WQ_TEST_SLEEP);
	CHECK(wait_for_sleepers(MANY), "50 sleepers queued");
	wq(WQ_TEST_WAKE_ALL, 0);
	CHECK_EQ(reap(pids, MANY), MANY, "wake_up_all: all 50 sleepers return 0 and exit 0");
	CHECK_EQ(wq(WQ_TEST_WOKEN, 0) - w0, MANY, "wake_up_all: 50 sleepers counted as woken");
	CHECK_EQ(wq(WQ_TEST_SLEEPERS, 0), 0, "wake_up_all: queue empty afterwards");
}

static void test_exclusive(void)
{
	pid_t pids[5];
	int w0 = wq(WQ_TEST_WOKEN, 0);
	spawn_sleepers(pids, 5, WQ_TEST_SLEEP_EXCL);
	CHECK(wait_for_sleepers(5), "5 exclusive sleepers queued");
	wq(WQ_TEST_WAKE, 0);
	CHECK(wait_for_woken(w0 + 1), "wake_up on exclusive sleepers: one returns");
	sleep_ms(50);   /* time for a wrongly woken second one to show up */
	CHECK_EQ(wq(WQ_TEST_WOKEN, 0) - w0, 1, "wake_up on exclusive sleepers: only one returns");
	CHECK_EQ(wq(WQ_TEST_SLEEPERS, 0), 4, "wake_up on exclusive sleepers: 4 still queued");
	wq(WQ_TEST_WAKE_ALL, 0);
	CHECK_EQ(reap(pids, 5), 5, "wake_up_all releases the other exclusive sleepers");
	CHECK_EQ(wq(WQ_TEST_WOKEN, 0) - w0, 5, "exclusive: 5 woken in all");
}

static void test_mixed(void)
{
	pid_t pids[6];
	int w0 = wq(WQ_TEST_WOKEN, 0);
	spawn_sleepers(pids, 3, WQ_TEST_SLEEP);
	spawn_sleepers(pids + 3, 3, WQ_TEST_SLEEP_EXCL);
	CHECK(wait_for_sleepers(6), "3 plain and 3 exclusive sleepers queued");
	wq(WQ_TEST_WAKE, 0);
	CHECK(wait_for_woken(w0 + 4), "wake_up on a mixed queue: 4 return");
	sleep_ms(50);
	CHECK_EQ(wq(WQ_TEST_WOKEN, 0) - w0, 4,
		 "wake_up on a mixed queue: the 3 plain sleepers and 1 exclusive");
	CHECK_EQ(wq(WQ_TEST_SLEEPERS, 0), 2, "wake_up on a mixed queue: 2 exclusive still queued");
	CHECK_EQ(reap(pids, 3), 3, "wake_up on a mixed queue: every plain sleeper exited 0");
	wq(WQ_TEST_WAKE_ALL, 0);
	CHECK_EQ(reap(pids + 3, 3), 3, "wake_up_all releases the other exclusive sleepers");
}

static void on_usr1(int sig)
{
	(void)sig;
	sh->handler_ran = 1;
}

/* Exit 0: the sleep ended as flags says it must (EINTR, or 0 after a restart),
 * and the handler ran. */
static int signalled_sleeper(void *flags)
{
	set_handler(SIGUSR1, on_usr1, (int)(long)flags);
	errno = 0;
	int r = wq(WQ_TEST_SLEEP, seen);
	if (!sh->handler_ran)
		return 2;
	if ((long)flags & SA_RESTART)
		return r == 0 ? 0 : 1;
	return r == -1 && errno == EINTR ? 0 : 1;
}

static void test_signal(int flags, const char *what_sleep, const char *what_result)
{
	sh->handler_ran = 0;
	seen = wq(WQ_TEST_GENERATION, 0);
	pid_t pid = spawn(signalled_sleeper, (void *)(long)flags);
	CHECK(wait_for_sleepers(1), what_sleep);
	kill(pid, SIGUSR1);
	if (flags & SA_RESTART) {
		/* Wake only once the handler has run and the call is asleep again, so
		 * that the 0 it returns comes from the restarted sleep. */
		for (long end = now_ms() + TIMEOUT_MS; !sh->handler_ran && now_ms() < end;)
			sleep_ms(2);
		CHECK(wait_for_sleepers(1), "SA_RESTART: the sleep restarts after the handler");
		wq(WQ_TEST_WAKE_ALL, 0);
	}
	CHECK_EQ(reap(&pid, 1), 1, what_result);
	CHECK_EQ(wq(WQ_TEST_SLEEPERS, 0), 0, "queue empty after the signalled sleeper");
}

static void test_sigkill(void)
{
	seen = wq(WQ_TEST_GENERATION, 0);
	pid_t pid = spawn(sleeper, (void *)WQ_TEST_SLEEP);
	CHECK(wait_for_sleepers(1), "sleeper queued before SIGKILL");
	kill(pid, SIGKILL);
	expect_signal(wait_status(pid), SIGKILL, "SIGKILL kills a sleeper");
	CHECK_EQ(wq(WQ_TEST_SLEEPERS, 0), 0, "queue empty after the killed sleeper");
}

/* Round i sleeps past generation seen + i, so it needs the parent's wake i + 1;
 * if that one may already have happened, it must not sleep at all. */
static int stress_child(void *unused)
{
	(void)unused;
	for (int i = 0; i < STRESS_ROUNDS; i++) {
		if (wq(WQ_TEST_SLEEP, seen + i) != 0)
			return 1;
		sh->progress = i + 1;
	}
	return 0;
}

static void test_no_lost_wakeup(void)
{
	sh->progress = 0;
	seen = wq(WQ_TEST_GENERATION, 0);
	pid_t pid = spawn(stress_child, NULL);
	/* Yielding on most rounds, not all, varies where each wake lands: before
	 * the child sleeps, while it sleeps, or while it runs in user space. */
	for (int i = 0; i < STRESS_ROUNDS; i++) {
		wq(WQ_TEST_WAKE, 0);
		if (i % 4)
			sched_yield();
	}
	CHECK_EQ(reap(&pid, 1), 1, "2000 sleep/wake rounds: the sleeper finishes");
	CHECK_EQ(sh->progress, STRESS_ROUNDS, "2000 sleep/wake rounds: no wake-up lost");
}

int main(void)
{
	dev = open(WQ_TEST_PATH, O_RDWR);
	if (!CHECK(dev >= 0, "open " WQ_TEST_PATH))
		return done();
	sh = mmap(NULL, sizeof *sh, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	test_wake_all_many();
	test_exclusive();
	test_mixed();
	test_signal(0, "sleeper queued before SIGUSR1",
		    "a signal without SA_RESTART ends the sleep with EINTR");
	test_signal(SA_RESTART, "SA_RESTART sleeper queued before SIGUSR1",
		    "with SA_RESTART the sleep completes after a later wake");
	test_sigkill();
	test_no_lost_wakeup();
	close(dev);
	return done();
}
