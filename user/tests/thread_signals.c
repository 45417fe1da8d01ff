/* thread_signals: signals in a thread group, with each libc's pthreads:
 * tgkill runs the handler in the thread named, a signal sent to the process
 * is taken by the only thread that does not block it, tgkill with the wrong
 * group is ESRCH. */
#include "check.h"
#include <pthread.h>

#include <stdint.h>

static long gettid_(void)
{
	return raw_syscall(__NR_gettid, 0, 0, 0);
}

static volatile long handled_in;
static volatile int ready, stop;

static void handler(int sig)
{
	(void)sig;
	handled_in = gettid_();
}

static void block(int sig, int how)
{
	sigset_t s;
	sigemptyset(&s);
	sigaddset(&s, sig);
	sigprocmask(how, &s, NULL);
}

/* Reports its tid, then spins (bounded) until told to stop. */
static void *spinner(void *arg)
{
	if (arg)
		block(SIGUSR1, SIG_UNBLOCK);
	__atomic_store_n(&ready, (int)gettid_(), __ATOMIC_SEQ_CST);
	for (long t0 = now_ms(); !stop && now_ms() - t0 < 5000;)
		raw_syscall(__NR_sched_yield, 0, 0, 0);
	return NULL;
}

static long start_spinner(pthread_t *t, int unblock)
{
	ready = 0;
	stop = 0;
	pthread_create(t, NULL, spinner, unblock ? (void *)1 : NULL);
	for (long t0 = now_ms(); !ready && now_ms() - t0 < 5000;)
		raw_syscall(__NR_sched_yield, 0, 0, 0);
	return ready;
}

static void wait_handled(void)
{
	for (long t0 = now_ms(); !handled_in && now_ms() - t0 < 5000;)
		raw_syscall(__NR_sched_yield, 0, 0, 0);
}

static void test_signals(void)
{
	set_handler(SIGUSR1, handler, 0);
	pthread_t t;
	long tid = start_spinner(&t, 0);
	handled_in = 0;
	CHECK_EQ(raw_syscall(__NR_tgkill, getpid(), tid, SIGUSR1), 0, "tgkill to a thread");
	wait_handled();
	CHECK(handled_in == tid, "the handler ran in that thread");
	CHECK_EQ(raw_syscall(__NR_tgkill, getpid() + 100000, tid, SIGUSR1), -ESRCH, "tgkill with another group");
	stop = 1;
	pthread_join(t, NULL);

	block(SIGUSR1, SIG_BLOCK);      /* the new thread inherits the mask and unblocks it */
	tid = start_spinner(&t, 1);
	handled_in = 0;
	kill(getpid(), SIGUSR1);
	wait_handled();
	CHECK(handled_in == tid, "kill to the process: taken by the only thread that does not block it");
	stop = 1;
	pthread_join(t, NULL);
	block(SIGUSR1, SIG_UNBLOCK);
}

int main(void)
{
	test_signals();
	return done();
}
