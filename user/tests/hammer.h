/* hammer.h: runs one function in several threads at once, for the tests
 * that hammer a kernel object from many threads (hammer_*.c,
 * dev_race_counter, dev_wq_stress, dev_char_dev): the threads wait at a
 * gate that opens once all are made, so that they start together, which on
 * several CPUs puts them in the kernel at the same moment. */
#ifndef USER_TESTS_HAMMER_H
#define USER_TESTS_HAMMER_H

#include "check.h"

#include <pthread.h>

#define HAMMER_MAX 128

/* One thread's work: 0 when it went right. */
typedef int (*hammer_fn)(int i, void *arg);

struct hammer_thread {
	hammer_fn fn;
	void *arg;
	int i;
	pthread_t t;
};

static pthread_mutex_t hammer_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t hammer_cond = PTHREAD_COND_INITIALIZER;
static int hammer_open;

CHECK_FN void *hammer_body(void *p)
{
	struct hammer_thread *h = p;
	pthread_mutex_lock(&hammer_lock);
	while (!hammer_open)
		pthread_cond_wait(&hammer_cond, &hammer_lock);
	pthread_mutex_unlock(&hammer_lock);
	return (void *)(long)h->fn(h->i, h->arg);
}

/* Runs fn(i, arg) for i = 0 .. n-1 (n <= HAMMER_MAX), each in a thread of
 * its own with a 64 KiB stack; returns how many failed or could not start. */
CHECK_FN int hammer(int n, hammer_fn fn, void *arg)
{
	static struct hammer_thread threads[HAMMER_MAX];
	pthread_attr_t attr;
	int made = 0, failed;
	pthread_attr_init(&attr);
	pthread_attr_setstacksize(&attr, 64 * 1024);
	hammer_open = 0;
	for (; made < n && made < HAMMER_MAX; made++) {
		threads[made] = (struct hammer_thread){ fn, arg, made, 0 };
		if (pthread_create(&threads[made].t, &attr, hammer_body, &threads[made]) != 0)
			break;
	}
	failed = n - made;
	pthread_mutex_lock(&hammer_lock);
	hammer_open = 1;
	pthread_cond_broadcast(&hammer_cond);
	pthread_mutex_unlock(&hammer_lock);
	for (int i = 0; i < made; i++) {
		void *r;
		failed += pthread_join(threads[i].t, &r) != 0 || r != NULL;
	}
	pthread_attr_destroy(&attr);
	return failed;
}

#endif
