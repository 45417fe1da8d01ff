/* atomic.h: Linux's atomic_t and atomic_long_t, on gcc's __atomic builtins
 * (locked instructions, correct on SMP too). Inline, as in Linux; long is
 * int's size on i386, so atomic_long_* are atomic_* on the same layout. */
#ifndef LOCKING_ATOMIC_H
#define LOCKING_ATOMIC_H

#include <stdbool.h>

typedef struct {
	int counter;
} atomic_t;

#define ATOMIC_INIT(i) { (i) }

static inline int atomic_read(const atomic_t *v)
{
	return __atomic_load_n(&v->counter, __ATOMIC_RELAXED);
}

static inline void atomic_set(atomic_t *v, int i)
{
	__atomic_store_n(&v->counter, i, __ATOMIC_RELAXED);
}

static inline int atomic_add_return(int i, atomic_t *v)
{
	return __atomic_add_fetch(&v->counter, i, __ATOMIC_SEQ_CST);
}

static inline int atomic_sub_return(int i, atomic_t *v)
{
	return __atomic_sub_fetch(&v->counter, i, __ATOMIC_SEQ_CST);
}

static inline int atomic_fetch_add(int i, atomic_t *v)
{
	return __atomic_fetch_add(&v->counter, i, __ATOMIC_SEQ_CST);
}

static inline int atomic_fetch_sub(int i, atomic_t *v)
{
	return __atomic_fetch_sub(&v->counter, i, __ATOMIC_SEQ_CST);
}

/* The old value; *v becomes new only if it was old. */
static inline int atomic_cmpxchg(atomic_t *v, int old, int new)
{
	__atomic_compare_exchange_n(&v->counter, &old, new, false, __ATOMIC_SEQ_CST,
				    __ATOMIC_SEQ_CST);
	return old;
}

static inline int atomic_xchg(atomic_t *v, int new)
{
	return __atomic_exchange_n(&v->counter, new, __ATOMIC_SEQ_CST);
}

/* Adds a to *v unless it is u; whether it added. */
static inline bool atomic_add_unless(atomic_t *v, int a, int u)
{
	int c = atomic_read(v);
	do {
		if (c == u)
			return false;
	} while (!__atomic_compare_exchange_n(&v->counter, &c, c + a, false, __ATOMIC_SEQ_CST,
					      __ATOMIC_RELAXED));
	return true;
}

/* *v - 1, stored only when it is not negative (Linux's). */
static inline int atomic_dec_if_positive(atomic_t *v)
{
	int c = atomic_read(v);
	do {
		if (c <= 0)
			return c - 1;
	} while (!__atomic_compare_exchange_n(&v->counter, &c, c - 1, false, __ATOMIC_SEQ_CST,
					      __ATOMIC_RELAXED));
	return c - 1;
}

#define atomic_add(i, v)          ((void)atomic_add_return(i, v))
#define atomic_sub(i, v)          ((void)atomic_sub_return(i, v))
#define atomic_inc(v)             atomic_add(1, v)
#define atomic_dec(v)             atomic_sub(1, v)
#define atomic_inc_return(v)      atomic_add_return(1, v)
#define atomic_dec_return(v)      atomic_sub_return(1, v)
#define atomic_inc_and_test(v)    (atomic_add_return(1, v) == 0)
#define atomic_dec_and_test(v)    (atomic_sub_return(1, v) == 0)
#define atomic_sub_and_test(i, v) (atomic_sub_return(i, v) == 0)
#define atomic_add_negative(i, v) (atomic_add_return(i, v) < 0)
#define atomic_inc_not_zero(v)    atomic_add_unless((v), 1, 0)

typedef struct {
	long counter;
} atomic_long_t;

_Static_assert(sizeof(long) == sizeof(int), "atomic_long_t is atomic_t's layout");
#define ATOMIC_LONG_INIT(i) { (i) }
#define __AL(v) ((atomic_t *)(v))
#define atomic_long_read(v)              ((long)atomic_read(__AL(v)))
#define atomic_long_set(v, i)            atomic_set(__AL(v), (int)(i))
#define atomic_long_add(i, v)            atomic_add((int)(i), __AL(v))
#define atomic_long_sub(i, v)            atomic_sub((int)(i), __AL(v))
#define atomic_long_inc(v)               atomic_inc(__AL(v))
#define atomic_long_dec(v)               atomic_dec(__AL(v))
#define atomic_long_add_return(i, v)     ((long)atomic_add_return((int)(i), __AL(v)))
#define atomic_long_sub_return(i, v)     ((long)atomic_sub_return((int)(i), __AL(v)))
#define atomic_long_inc_return(v)        ((long)atomic_inc_return(__AL(v)))
#define atomic_long_dec_return(v)        ((long)atomic_dec_return(__AL(v)))
#define atomic_long_dec_and_test(v)      atomic_dec_and_test(__AL(v))
#define atomic_long_sub_and_test(i, v)   atomic_sub_and_test((int)(i), __AL(v))
#define atomic_long_cmpxchg(v, o, n)     ((long)atomic_cmpxchg(__AL(v), (int)(o), (int)(n)))
#define atomic_long_xchg(v, n)           ((long)atomic_xchg(__AL(v), (int)(n)))
#define atomic_long_add_unless(v, a, u)  atomic_add_unless(__AL(v), (int)(a), (int)(u))
#define atomic_long_inc_not_zero(v)      atomic_inc_not_zero(__AL(v))

#endif
