/* atomic.h: Linux's atomic_t, on gcc's __atomic builtins (locked
 * instructions, correct on SMP too). Inline, as in Linux. */
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

#endif
