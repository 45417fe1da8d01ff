/* thread_signals: signals in a thread group, with each libc's pthreads:
 * tgkill runs the handler in the thread named, a signal sent to the process
 * is taken by the only thread that does not block it, tgkill with the wrong
 * group is ESRCH, pthread_kill, sigwait in a thread, and cancellation: a
 * thread asleep in read() or nanosleep() is cancelled there with its cleanup
 * handlers run, one with cancellation disabled only once it enables it and
 * reaches a cancellation point. */
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

static void test_pthread_kill(void)
{
	pthread_t t;
	long tid = start_spinner(&t, 0);
	handled_in = 0;
	CHECK_EQ(pthread_kill(t, SIGUSR1), 0, "pthread_kill");
	wait_handled();
	CHECK(handled_in == tid, "runs the handler in that thread");
	stop = 1;
	pthread_join(t, NULL);
}

static void *waiter(void *arg)
{
	sigset_t *set = arg;
	int sig = 0;
	int r = sigwait(set, &sig);
	return (void *)(intptr_t)(r == 0 ? sig : -r);
}

static void test_sigwait(void)
{
	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGUSR2);
	pthread_sigmask(SIG_BLOCK, &set, NULL);      /* blocked in both threads: only sigwait takes it */
	pthread_t t;
	void *r = NULL;
	pthread_create(&t, NULL, waiter, &set);
	sleep_ms(20);
	kill(getpid(), SIGUSR2);
	pthread_join(t, &r);
	CHECK_EQ((intptr_t)r, SIGUSR2, "sigwait in a thread takes a process-directed signal");
	pthread_sigmask(SIG_UNBLOCK, &set, NULL);
}

static int cancel_pipe[2];
static volatile int cleaned, started;

static void cleanup(void *arg)
{
	cleaned = (int)(intptr_t)arg;
}

static void *reader(void *arg)
{
	char c;
	pthread_cleanup_push(cleanup, arg);
	started = 1;
	if ((intptr_t)arg == 1)
		read(cancel_pipe[0], &c, 1);    /* no writer ever writes: only cancellation ends it */
	else
		sleep(5);
	pthread_cleanup_pop(0);
	return NULL;
}

static void *disabled(void *arg)
{
	(void)arg;
	int old;
	pthread_setcancelstate(PTHREAD_CANCEL_DISABLE, &old);
	started = 1;
	while (started != 2)
		sleep_ms(5);                    /* cancellation points, but disabled */
	pthread_setcancelstate(old, NULL);
	pthread_testcancel();
	return (void *)1;
}

static void cancel_case(void *(*fn)(void *), intptr_t arg, const char *what)
{
	pthread_t t;
	void *r = NULL;
	cleaned = started = 0;
	pthread_create(&t, NULL, fn, (void *)arg);
	for (long t0 = now_ms(); !started && now_ms() - t0 < 5000;)
		sched_yield();
	sleep_ms(20);
	long t0 = now_ms();
	CHECK_EQ(pthread_cancel(t), 0, "pthread_cancel");
	if (fn == disabled) {
		sleep_ms(20);
		started = 2;
	}
	pthread_join(t, &r);
	CHECK(r == PTHREAD_CANCELED && now_ms() - t0 < 4000, what);
}

static void test_cancel(void)
{
	pipe(cancel_pipe);
	cancel_case(reader, 1, "a thread blocked in read() is cancelled there");
	CHECK_EQ(cleaned, 1, "its cleanup handler ran");
	cancel_case(reader, 2, "a thread asleep in nanosleep() is cancelled there");
	CHECK_EQ(cleaned, 2, "its cleanup handler ran");
	cancel_case(disabled, 0, "with cancellation disabled, at pthread_testcancel once enabled");
	close(cancel_pipe[0]);
	close(cancel_pipe[1]);
}

int main(void)
{
	test_signals();
	test_pthread_kill();
	test_sigwait();
	test_cancel();
	return done();
}
