/* barrier.h: Linux's compiler and memory barriers and the one-access
 * macros, for i386 (x86's TSO order: loads are not reordered with loads,
 * nor stores with stores, so smp_rmb/smp_wmb and acquire/release need only
 * stop the compiler; mb orders stores before later loads too). */
#ifndef LOCKING_BARRIER_H
#define LOCKING_BARRIER_H

#define barrier() __asm__ volatile("" ::: "memory")

/* A locked add to the stack top: the fence i386 Linux uses (mfence needs SSE2). */
#define mb()  __asm__ volatile("lock; addl $0,0(%%esp)" ::: "memory", "cc")
#define rmb() mb()
#define wmb() mb()

#define smp_mb()  mb()
#define smp_rmb() barrier()
#define smp_wmb() barrier()
#define smp_mb__before_atomic() barrier()
#define smp_mb__after_atomic()  barrier()

/* One access the compiler may neither tear, merge nor repeat. */
#define READ_ONCE(x)     (*(const volatile __typeof__(x) *)&(x))
#define WRITE_ONCE(x, v) (*(volatile __typeof__(x) *)&(x) = (v))

#define smp_store_release(p, v) do { barrier(); WRITE_ONCE(*(p), (v)); } while (0)
#define smp_load_acquire(p) ({ __typeof__(*(p)) __v = READ_ONCE(*(p)); barrier(); __v; })
#define smp_store_mb(x, v) do { WRITE_ONCE(x, v); smp_mb(); } while (0)

/* What a spinning CPU does between two looks at the lock word. */
static inline void cpu_relax(void)
{
	__asm__ volatile("pause" ::: "memory");
}

#endif
