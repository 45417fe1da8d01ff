/* thread_sync: the pthread synchronisation objects, with each libc's own:
 * a condvar producer/consumer that hands items over in order, condvar timed
 * waits on CLOCK_REALTIME and (pthread_condattr_setclock) CLOCK_MONOTONIC,
 * the mutex types (recursive counts, error-checking EDEADLK/EPERM, trylock
 * EBUSY, timedlock ETIMEDOUT), a robust mutex whose owner died (EOWNERDEAD,
 * consistent, ENOTRECOVERABLE), once, keys with destructors, __thread per
 * thread, rwlock, barrier and spinlock, and stdio from several threads.
 * Every wait is bounded. */
#include "check.h"

#include <pthread.h>
#include <stdint.h>

/* ---- condvar producer/consumer: a one-slot queue ---- */
#define ITEMS 200
static pthread_mutex_t qlock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t qcond = PTHREAD_COND_INITIALIZER;
static int slot, full;

static void *consumer(void *arg)
{
	(void)arg;
	intptr_t in_order = 0;
	for (int i = 1; i <= ITEMS; i++) {
		pthread_mutex_lock(&qlock);
		while (!full)
			pthread_cond_wait(&qcond, &qlock);
		in_order += slot == i;
		full = 0;
		pthread_cond_broadcast(&qcond);
		pthread_mutex_unlock(&qlock);
	}
	return (void *)in_order;
}

static void test_condvar(void)
{
	pthread_t t;
	void *got = NULL;
	CHECK_EQ(pthread_create(&t, NULL, consumer, NULL), 0, "consumer started");
	for (int i = 1; i <= ITEMS; i++) {
		pthread_mutex_lock(&qlock);
		while (full)
			pthread_cond_wait(&qcond, &qlock);
		slot = i;
		full = 1;
		pthread_cond_signal(&qcond);
		pthread_mutex_unlock(&qlock);
	}
	pthread_join(t, &got);
	CHECK_EQ((intptr_t)got, ITEMS, "a condvar producer/consumer: every item, in order");
}

static struct timespec in_ms(clockid_t clk, long ms)
{
	struct timespec ts;
	clock_gettime(clk, &ts);
	ts.tv_nsec += (ms % 1000) * 1000000;
	ts.tv_sec += ms / 1000 + ts.tv_nsec / 1000000000;
	ts.tv_nsec %= 1000000000;
	return ts;
}

static void test_timedwait(void)
{
	pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
	pthread_cond_t c = PTHREAD_COND_INITIALIZER, mc;
	pthread_condattr_t a;
	struct timespec ts = in_ms(CLOCK_REALTIME, 50);
	long t0 = now_ms();

	pthread_mutex_lock(&m);
	CHECK_EQ(pthread_cond_timedwait(&c, &m, &ts), ETIMEDOUT, "cond_timedwait on CLOCK_REALTIME: ETIMEDOUT");
	long dt = now_ms() - t0;
	CHECK(dt >= 40 && dt < 3000, "after about 50 ms");
	CHECK_EQ(pthread_mutex_trylock(&m), EBUSY, "with the mutex held again");

	pthread_condattr_init(&a);
	CHECK_EQ(pthread_condattr_setclock(&a, CLOCK_MONOTONIC), 0, "condattr_setclock(CLOCK_MONOTONIC)");
	CHECK_EQ(pthread_condattr_setclock(&a, CLOCK_PROCESS_CPUTIME_ID), EINVAL, "a CPU-time clock: EINVAL");
	clockid_t clk = -1;
	pthread_condattr_getclock(&a, &clk);
	CHECK_EQ(clk, CLOCK_MONOTONIC, "condattr_getclock");
	pthread_cond_init(&mc, &a);
	ts = in_ms(CLOCK_MONOTONIC, 50);
	t0 = now_ms();
	CHECK_EQ(pthread_cond_timedwait(&mc, &m, &ts), ETIMEDOUT, "cond_timedwait on CLOCK_MONOTONIC: ETIMEDOUT");
	dt = now_ms() - t0;
	CHECK(dt >= 40 && dt < 3000, "after about 50 ms too");
	ts.tv_nsec = 1000000000;
	CHECK_EQ(pthread_cond_timedwait(&mc, &m, &ts), EINVAL, "a bad tv_nsec: EINVAL");
	pthread_mutex_unlock(&m);
	pthread_cond_destroy(&mc);
	pthread_condattr_destroy(&a);
}

/* ---- mutex types ---- */
static pthread_mutex_t shared_m;

static void *try_other(void *arg)
{
	(void)arg;
	return (void *)(intptr_t)(pthread_mutex_trylock(&shared_m) * 1000 + pthread_mutex_unlock(&shared_m));
}

static void *timed_other(void *arg)
{
	(void)arg;
	struct timespec ts = in_ms(CLOCK_REALTIME, 30);
	return (void *)(intptr_t)pthread_mutex_timedlock(&shared_m, &ts);
}

static intptr_t in_thread(void *(*fn)(void *))
{
	pthread_t t;
	void *r = NULL;
	pthread_create(&t, NULL, fn, NULL);
	pthread_join(t, &r);
	return (intptr_t)r;
}

static void init_type(pthread_mutex_t *m, int type, int robust)
{
	pthread_mutexattr_t a;
	pthread_mutexattr_init(&a);
	pthread_mutexattr_settype(&a, type);
	if (robust)
		pthread_mutexattr_setrobust(&a, PTHREAD_MUTEX_ROBUST);
	pthread_mutex_init(m, &a);
	pthread_mutexattr_destroy(&a);
}

static void test_mutex_types(void)
{
	init_type(&shared_m, PTHREAD_MUTEX_RECURSIVE, 0);
	CHECK_EQ(pthread_mutex_lock(&shared_m) + pthread_mutex_lock(&shared_m) + pthread_mutex_trylock(&shared_m), 0,
		 "a recursive mutex: locked three times by its owner");
	CHECK_EQ(in_thread(try_other), EBUSY * 1000 + EPERM, "another thread: trylock EBUSY, unlock EPERM");
	CHECK_EQ(pthread_mutex_unlock(&shared_m) + pthread_mutex_unlock(&shared_m), 0, "two unlocks");
	CHECK_EQ(in_thread(try_other), EBUSY * 1000 + EPERM, "still held after two of three");
	CHECK_EQ(pthread_mutex_unlock(&shared_m), 0, "the third unlock");
	CHECK_EQ(in_thread(try_other), 0, "then free for another thread");
	CHECK_EQ(pthread_mutex_unlock(&shared_m), EPERM, "unlocked: unlock is EPERM");

	init_type(&shared_m, PTHREAD_MUTEX_ERRORCHECK, 0);
	pthread_mutex_lock(&shared_m);
	CHECK_EQ(pthread_mutex_lock(&shared_m), EDEADLK, "an error-checking mutex relocked: EDEADLK");
	CHECK_EQ(pthread_mutex_trylock(&shared_m), EBUSY, "trylock by its owner: EBUSY");
	CHECK_EQ(in_thread(timed_other), ETIMEDOUT, "timedlock from another thread: ETIMEDOUT");
	CHECK_EQ(pthread_mutex_unlock(&shared_m), 0, "unlock");
	CHECK_EQ(pthread_mutex_unlock(&shared_m), EPERM, "unlock again: EPERM");
	pthread_mutex_destroy(&shared_m);
}

static void *die_holding(void *arg)
{
	(void)arg;
	pthread_mutex_lock(&shared_m);
	return NULL;    /* ends holding it: the kernel marks it owner-died */
}

static volatile int holding;

static void *die_holding_later(void *arg)
{
	(void)arg;
	pthread_mutex_lock(&shared_m);
	holding = 1;
	sleep_ms(50);                   /* the main thread is asleep on the mutex by then */
	return NULL;
}

static void test_robust(void)
{
	init_type(&shared_m, PTHREAD_MUTEX_NORMAL, 1);
	in_thread(die_holding);
	CHECK_EQ(pthread_mutex_lock(&shared_m), EOWNERDEAD, "a robust mutex whose owner died: EOWNERDEAD");
	CHECK_EQ(pthread_mutex_consistent(&shared_m), 0, "made consistent");
	CHECK_EQ(pthread_mutex_unlock(&shared_m), 0, "unlocked");
	CHECK_EQ(pthread_mutex_lock(&shared_m), 0, "and usable again");
	pthread_mutex_unlock(&shared_m);

	in_thread(die_holding);
	CHECK_EQ(pthread_mutex_trylock(&shared_m), EOWNERDEAD, "trylock: EOWNERDEAD too");
	pthread_mutex_unlock(&shared_m);
	CHECK_EQ(pthread_mutex_lock(&shared_m), ENOTRECOVERABLE, "unlocked without consistent: ENOTRECOVERABLE");

	init_type(&shared_m, PTHREAD_MUTEX_NORMAL, 1);
	pthread_t t;
	holding = 0;
	pthread_create(&t, NULL, die_holding_later, NULL);
	for (long t0 = now_ms(); !holding && now_ms() - t0 < 5000;)
		sleep_ms(1);
	struct timespec ts = in_ms(CLOCK_REALTIME, 3000);
	CHECK_EQ(pthread_mutex_timedlock(&shared_m, &ts), EOWNERDEAD, "a waiter is woken when the owner dies: EOWNERDEAD");
	pthread_mutex_consistent(&shared_m);
	pthread_mutex_unlock(&shared_m);
	pthread_join(t, NULL);

	pthread_attr_t a;
	pthread_attr_init(&a);
	pthread_attr_setdetachstate(&a, PTHREAD_CREATE_DETACHED);
	holding = 0;
	pthread_create(&t, &a, die_holding_later, NULL);
	pthread_attr_destroy(&a);
	for (long t0 = now_ms(); !holding && now_ms() - t0 < 5000;)
		sleep_ms(1);
	ts = in_ms(CLOCK_REALTIME, 3000);
	CHECK_EQ(pthread_mutex_timedlock(&shared_m, &ts), EOWNERDEAD, "a detached owner's death too");
	pthread_mutex_consistent(&shared_m);
	pthread_mutex_unlock(&shared_m);
}

/* ---- once, keys, __thread ---- */
static pthread_once_t once = PTHREAD_ONCE_INIT;
static int once_runs;
static pthread_key_t key;
static volatile int destroyed;
static __thread int tls_value = 7;
static __thread char tls_zero[64];

static void once_fn(void)
{
	once_runs++;
}

static void destructor(void *v)
{
	__atomic_add_fetch(&destroyed, (int)(intptr_t)v, __ATOMIC_SEQ_CST);
}

static void *per_thread(void *arg)
{
	intptr_t n = (intptr_t)arg, ok = 0;
	pthread_once(&once, once_fn);
	ok += pthread_getspecific(key) == NULL;
	pthread_setspecific(key, (void *)n);
	ok += tls_value == 7 && tls_zero[63] == 0;
	tls_value = (int)n * 10;
	tls_zero[63] = (char)n;
	sched_yield();
	ok += pthread_getspecific(key) == (void *)n && tls_value == n * 10 && tls_zero[63] == n;
	return (void *)ok;
}

static void test_specific(void)
{
	pthread_t t[4];
	int ok = 0;
	CHECK_EQ(pthread_key_create(&key, destructor), 0, "key_create");
	pthread_setspecific(key, (void *)100);
	tls_value = 1;
	for (int i = 0; i < 4; i++)
		pthread_create(&t[i], NULL, per_thread, (void *)(intptr_t)(i + 1));
	for (int i = 0; i < 4; i++) {
		void *r;
		pthread_join(t[i], &r);
		ok += (intptr_t)r;
	}
	CHECK_EQ(ok, 12, "each thread starts with a NULL key and its own __thread copies from the image");
	CHECK_EQ(once_runs, 1, "pthread_once ran once among 4 threads");
	CHECK_EQ(destroyed, 1 + 2 + 3 + 4, "each thread's destructor ran with its value");
	CHECK(pthread_getspecific(key) == (void *)100 && tls_value == 1, "the main thread's are untouched");
	CHECK_EQ(pthread_key_delete(key), 0, "key_delete");
}

/* ---- rwlock, barrier, spinlock ---- */
static pthread_rwlock_t rw = PTHREAD_RWLOCK_INITIALIZER;
static pthread_barrier_t barrier;
static pthread_spinlock_t spin;
static volatile long spin_count;

static void *try_rw(void *arg)
{
	(void)arg;
	int rd = pthread_rwlock_tryrdlock(&rw);
	if (rd == 0)
		pthread_rwlock_unlock(&rw);
	return (void *)(intptr_t)(rd * 1000 + pthread_rwlock_trywrlock(&rw));
}

static void *at_barrier(void *arg)
{
	(void)arg;
	for (int i = 0; i < 1000; i++) {
		pthread_spin_lock(&spin);
		spin_count++;
		pthread_spin_unlock(&spin);
	}
	return (void *)(intptr_t)pthread_barrier_wait(&barrier);
}

static void test_rw_barrier_spin(void)
{
	CHECK_EQ(pthread_rwlock_rdlock(&rw) + pthread_rwlock_rdlock(&rw), 0, "two read locks");
	CHECK_EQ(in_thread(try_rw), EBUSY, "another thread may read but not write");
	pthread_rwlock_unlock(&rw);
	pthread_rwlock_unlock(&rw);
	CHECK_EQ(pthread_rwlock_wrlock(&rw), 0, "write lock");
	CHECK_EQ(in_thread(try_rw), EBUSY * 1000 + EBUSY, "then neither");
	pthread_rwlock_unlock(&rw);
	CHECK_EQ(in_thread(try_rw), 0, "after unlock, both");
	pthread_rwlock_unlock(&rw);

	pthread_t t[3];
	int serial = 0, zero = 0;
	CHECK_EQ(pthread_barrier_init(&barrier, NULL, 0), EINVAL, "a barrier of 0: EINVAL");
	pthread_barrier_init(&barrier, NULL, 4);
	pthread_spin_init(&spin, PTHREAD_PROCESS_PRIVATE);
	for (int i = 0; i < 3; i++)
		pthread_create(&t[i], NULL, at_barrier, NULL);
	intptr_t mine = (intptr_t)at_barrier(NULL);
	serial += mine == PTHREAD_BARRIER_SERIAL_THREAD;
	zero += mine == 0;
	for (int i = 0; i < 3; i++) {
		void *r;
		pthread_join(t[i], &r);
		serial += (intptr_t)r == PTHREAD_BARRIER_SERIAL_THREAD;
		zero += (intptr_t)r == 0;
	}
	CHECK(serial == 1 && zero == 3, "a barrier of 4: one serial thread, three zeros");
	CHECK_EQ(spin_count, 4000, "a counter under a spinlock from 4 threads");
	CHECK_EQ(pthread_spin_trylock(&spin), 0, "spin_trylock");
	CHECK_EQ(pthread_spin_trylock(&spin), EBUSY, "spin_trylock again: EBUSY");
	pthread_spin_unlock(&spin);
	pthread_barrier_destroy(&barrier);
}

/* ---- stdio from several threads: each line whole ---- */
static FILE *shared_out;

static void *print_lines(void *arg)
{
	for (int i = 0; i < 300; i++)
		fprintf(shared_out, "thread %d line %03d %s\n", (int)(intptr_t)arg, i, "................");
	return NULL;
}

static void test_stdio(void)
{
	const char *path = "/tmp/thread_sync.out";
	pthread_t t[4];
	char line[128];
	int good = 0, bad = 0;
	shared_out = fopen(path, "w");
	if (!shared_out) {
		CHECK(0, "fopen");
		return;
	}
	for (int i = 0; i < 4; i++)
		pthread_create(&t[i], NULL, print_lines, (void *)(intptr_t)i);
	for (int i = 0; i < 4; i++)
		pthread_join(t[i], NULL);
	fclose(shared_out);
	FILE *in = fopen(path, "r");
	while (in && fgets(line, sizeof line, in)) {
		char want[64];
		snprintf(want, sizeof want, "thread %c line %.3s %s\n", line[7], line + 14, "................");
		if (strcmp(line, want) == 0 && line[7] >= '0' && line[7] <= '3')
			good++;
		else
			bad++;
	}
	if (in)
		fclose(in);
	unlink(path);
	CHECK(good == 1200 && bad == 0, "fprintf to one stream from 4 threads: every line whole");
}

int main(void)
{
	test_condvar();
	test_timedwait();
	test_mutex_types();
	test_robust();
	test_specific();
	test_rw_barrier_spin();
	test_stdio();
	return done();
}
