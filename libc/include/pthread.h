/* pthread.h: POSIX threads on clone and futex (libc/pthread_*.c). The object types are small
 * structs whose all-zero value is the default one, so every static initialiser is { 0 }. */
#ifndef _PTHREAD_H
#define _PTHREAD_H

#include <sched.h>
#include <signal.h>
#include <time.h>
#include <sys/types.h>

typedef struct pthread *pthread_t;
typedef unsigned pthread_key_t;
typedef int pthread_once_t;
typedef volatile int pthread_spinlock_t;

typedef struct {
	size_t stacksize, guardsize;
	int detached;
} pthread_attr_t;

/* lock holds the owner's tid with FUTEX_WAITERS/FUTEX_OWNER_DIED, the kernel's robust-futex
 * protocol, so a robust mutex is one a dead owner's kernel exit path can find. */
typedef struct {
	volatile int lock;
	int type;			/* PTHREAD_MUTEX_* | the attribute flags of pthread_impl.h */
	int count;			/* extra locks of a recursive mutex */
	void *volatile next, *volatile prev;	/* on the owner's robust list */
} pthread_mutex_t;
typedef struct { int type; } pthread_mutexattr_t;

typedef struct {
	volatile int seq;		/* bumped by every signal: the futex word waiters sleep on */
	volatile int waiters;
	int clock;
	int shared;
} pthread_cond_t;
typedef struct { int clock; int shared; } pthread_condattr_t;

typedef struct {
	volatile int lock;		/* readers count, or 0x7fffffff for a writer; bit 31: waiters */
	volatile int waiters;
	int shared;
} pthread_rwlock_t;
typedef struct { int shared; } pthread_rwlockattr_t;

typedef struct {
	volatile int lock;
	volatile int arrived;
	volatile int generation;
	unsigned count;
} pthread_barrier_t;
typedef struct { int shared; } pthread_barrierattr_t;

#define PTHREAD_MUTEX_INITIALIZER { 0 }
#define PTHREAD_COND_INITIALIZER { 0 }
#define PTHREAD_RWLOCK_INITIALIZER { 0 }
#define PTHREAD_ONCE_INIT 0

enum { PTHREAD_CREATE_JOINABLE, PTHREAD_CREATE_DETACHED };
enum { PTHREAD_MUTEX_NORMAL, PTHREAD_MUTEX_RECURSIVE, PTHREAD_MUTEX_ERRORCHECK };
#define PTHREAD_MUTEX_DEFAULT PTHREAD_MUTEX_NORMAL
enum { PTHREAD_MUTEX_STALLED, PTHREAD_MUTEX_ROBUST };
enum { PTHREAD_PROCESS_PRIVATE, PTHREAD_PROCESS_SHARED };
enum { PTHREAD_CANCEL_ENABLE, PTHREAD_CANCEL_DISABLE };
enum { PTHREAD_CANCEL_DEFERRED, PTHREAD_CANCEL_ASYNCHRONOUS };
#define PTHREAD_CANCELED ((void *)-1)
#define PTHREAD_BARRIER_SERIAL_THREAD (-1)
#define PTHREAD_KEYS_MAX 128
#define PTHREAD_DESTRUCTOR_ITERATIONS 4
#define PTHREAD_STACK_MIN 16384

int pthread_create(pthread_t *t, const pthread_attr_t *attr, void *(*fn)(void *), void *arg);
int pthread_join(pthread_t t, void **ret);
int pthread_detach(pthread_t t);
_Noreturn void pthread_exit(void *ret);
pthread_t pthread_self(void);
int pthread_equal(pthread_t a, pthread_t b);
int pthread_kill(pthread_t t, int sig);
int pthread_sigmask(int how, const sigset_t *set, sigset_t *old);

int pthread_attr_init(pthread_attr_t *a);
int pthread_attr_destroy(pthread_attr_t *a);
int pthread_attr_setdetachstate(pthread_attr_t *a, int state);
int pthread_attr_getdetachstate(const pthread_attr_t *a, int *state);
int pthread_attr_setstacksize(pthread_attr_t *a, size_t size);
int pthread_attr_getstacksize(const pthread_attr_t *a, size_t *size);
int pthread_attr_setguardsize(pthread_attr_t *a, size_t size);
int pthread_attr_getguardsize(const pthread_attr_t *a, size_t *size);

int pthread_once(pthread_once_t *once, void (*fn)(void));
int pthread_key_create(pthread_key_t *k, void (*destructor)(void *));
int pthread_key_delete(pthread_key_t k);
void *pthread_getspecific(pthread_key_t k);
int pthread_setspecific(pthread_key_t k, const void *value);

int pthread_mutex_init(pthread_mutex_t *m, const pthread_mutexattr_t *a);
int pthread_mutex_destroy(pthread_mutex_t *m);
int pthread_mutex_lock(pthread_mutex_t *m);
int pthread_mutex_trylock(pthread_mutex_t *m);
int pthread_mutex_timedlock(pthread_mutex_t *m, const struct timespec *abstime);
int pthread_mutex_unlock(pthread_mutex_t *m);
int pthread_mutex_consistent(pthread_mutex_t *m);
int pthread_mutexattr_init(pthread_mutexattr_t *a);
int pthread_mutexattr_destroy(pthread_mutexattr_t *a);
int pthread_mutexattr_settype(pthread_mutexattr_t *a, int type);
int pthread_mutexattr_gettype(const pthread_mutexattr_t *a, int *type);
int pthread_mutexattr_setrobust(pthread_mutexattr_t *a, int robust);
int pthread_mutexattr_getrobust(const pthread_mutexattr_t *a, int *robust);
int pthread_mutexattr_setpshared(pthread_mutexattr_t *a, int shared);
int pthread_mutexattr_getpshared(const pthread_mutexattr_t *a, int *shared);

int pthread_cond_init(pthread_cond_t *c, const pthread_condattr_t *a);
int pthread_cond_destroy(pthread_cond_t *c);
int pthread_cond_wait(pthread_cond_t *c, pthread_mutex_t *m);
int pthread_cond_timedwait(pthread_cond_t *c, pthread_mutex_t *m, const struct timespec *abstime);
int pthread_cond_signal(pthread_cond_t *c);
int pthread_cond_broadcast(pthread_cond_t *c);
int pthread_condattr_init(pthread_condattr_t *a);
int pthread_condattr_destroy(pthread_condattr_t *a);
int pthread_condattr_setclock(pthread_condattr_t *a, clockid_t clk);
int pthread_condattr_getclock(const pthread_condattr_t *a, clockid_t *clk);
int pthread_condattr_setpshared(pthread_condattr_t *a, int shared);
int pthread_condattr_getpshared(const pthread_condattr_t *a, int *shared);

int pthread_rwlock_init(pthread_rwlock_t *l, const pthread_rwlockattr_t *a);
int pthread_rwlock_destroy(pthread_rwlock_t *l);
int pthread_rwlock_rdlock(pthread_rwlock_t *l);
int pthread_rwlock_tryrdlock(pthread_rwlock_t *l);
int pthread_rwlock_wrlock(pthread_rwlock_t *l);
int pthread_rwlock_trywrlock(pthread_rwlock_t *l);
int pthread_rwlock_unlock(pthread_rwlock_t *l);
int pthread_rwlockattr_init(pthread_rwlockattr_t *a);
int pthread_rwlockattr_destroy(pthread_rwlockattr_t *a);

int pthread_barrier_init(pthread_barrier_t *b, const pthread_barrierattr_t *a, unsigned count);
int pthread_barrier_destroy(pthread_barrier_t *b);
int pthread_barrier_wait(pthread_barrier_t *b);
int pthread_barrierattr_init(pthread_barrierattr_t *a);
int pthread_barrierattr_destroy(pthread_barrierattr_t *a);

int pthread_spin_init(pthread_spinlock_t *s, int shared);
int pthread_spin_destroy(pthread_spinlock_t *s);
int pthread_spin_lock(pthread_spinlock_t *s);
int pthread_spin_trylock(pthread_spinlock_t *s);
int pthread_spin_unlock(pthread_spinlock_t *s);

int pthread_cancel(pthread_t t);
int pthread_setcancelstate(int state, int *old);
int pthread_setcanceltype(int type, int *old);
void pthread_testcancel(void);

/* Cleanup handlers: a record on the caller's stack, pushed and popped in one block. */
struct __ptcb {
	void (*fn)(void *);
	void *arg;
	struct __ptcb *next;
};
void __pthread_cleanup_push(struct __ptcb *cb, void (*fn)(void *), void *arg);
void __pthread_cleanup_pop(struct __ptcb *cb, int run);
#define pthread_cleanup_push(fn, arg) do { struct __ptcb __cb; __pthread_cleanup_push(&__cb, fn, arg);
#define pthread_cleanup_pop(run) __pthread_cleanup_pop(&__cb, (run)); } while (0)

#endif
