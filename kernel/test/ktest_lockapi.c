/* ktest_lockapi.c: in-kernel tests of the rest of the locking API: the
 * reader-writer lock's sharing and exclusion, completions counted across a
 * waiter that sleeps and one that times out, the bit operations' old values
 * and searches, atomic_t/atomic_long_t's conditional forms, and the
 * preempt_count a spinlock and an interrupt raise. */
#include "kernel.h"
#include "locking/atomic.h"
#include "locking/bitops.h"
#include "locking/completion.h"
#include "locking/irqflags.h"
#include "locking/preempt.h"
#include "locking/rwlock.h"
#include "test/ktest.h"
#include "x86/timer.h"

static DEFINE_RWLOCK(test_rw);

KTEST(rwlock_sharing)
{
	read_lock(&test_rw);
	KCHECK(read_trylock(&test_rw));                 /* readers share */
	KCHECK(!write_trylock(&test_rw));               /* a writer waits for both */
	read_unlock(&test_rw);
	KCHECK(!write_trylock(&test_rw));
	read_unlock(&test_rw);
	KCHECK(write_trylock(&test_rw));
	KCHECK(!read_trylock(&test_rw) && !write_trylock(&test_rw));
	write_unlock(&test_rw);
	unsigned long f;
	write_lock_irqsave(&test_rw, f);
	KCHECK(irqs_disabled() && test_rw.raw_lock.cnt == RW_WRITER);
	write_unlock_irqrestore(&test_rw, f);
	KCHECK(!irqs_disabled() && test_rw.raw_lock.cnt == 0);
	read_lock_irq(&test_rw);
	KCHECK(irqs_disabled() && test_rw.raw_lock.cnt == 1 && preempt_count() == 1);
	read_unlock_irq(&test_rw);
	KCHECK(!irqs_disabled() && preempt_count() == 0);
	rwlock_t dyn;
	rwlock_init(&dyn);
	write_lock_bh(&dyn);
	KCHECK(!read_trylock(&dyn));
	write_unlock_bh(&dyn);
	KCHECK(read_trylock(&dyn));
	read_unlock(&dyn);
}

static DECLARE_COMPLETION(test_done);

KTEST(completion_counts)
{
	KCHECK(!completion_done(&test_done) && !try_wait_for_completion(&test_done));
	complete(&test_done);
	complete(&test_done);                   /* two completions, two waits */
	KCHECK(completion_done(&test_done));
	wait_for_completion(&test_done);
	KCHECK(wait_for_completion_timeout(&test_done, 5) > 0);
	KCHECK(!completion_done(&test_done));
	uint32_t t0 = jiffies;
	KCHECK(wait_for_completion_timeout(&test_done, 3) == 0);     /* nobody completes */
	KCHECK(jiffies - t0 >= 3);
	KCHECK(wait_for_completion_interruptible_timeout(&test_done, 0) == 0);
	complete_all(&test_done);               /* every wait returns, and keeps returning */
	KCHECK(wait_for_completion_interruptible(&test_done) == 0);
	KCHECK(try_wait_for_completion(&test_done) && completion_done(&test_done));
	reinit_completion(&test_done);
	KCHECK(!completion_done(&test_done));
	struct completion c;
	init_completion(&c);
	KCHECK(!try_wait_for_completion(&c));
}

KTEST(bitops_values)
{
	DECLARE_BITMAP(map, 100) = { 0 };
	set_bit(3, map);
	set_bit(64, map);
	__set_bit(99, map);
	KCHECK(map[0] == 8 && map[2] == 1 && map[3] == 1u << 3);
	KCHECK(test_bit(64, map) && !test_bit(65, map));
	KCHECK(test_and_set_bit(64, map) && !test_and_set_bit(65, map) && test_bit(65, map));
	KCHECK(test_and_clear_bit(65, map) && !test_and_clear_bit(65, map));
	KCHECK(!test_and_change_bit(40, map) && test_bit(40, map) && test_and_change_bit(40, map));
	change_bit(0, map);
	clear_bit(3, map);
	KCHECK(map[0] == 1 && !test_bit(40, map));
	KCHECK(find_first_bit(map, 100) == 0 && find_next_bit(map, 100, 1) == 64);
	KCHECK(find_next_bit(map, 100, 65) == 99 && find_next_bit(map, 99, 65) == 99);
	KCHECK(find_first_zero_bit(map, 100) == 1);
	__clear_bit(0, map);
	__clear_bit(64, map);
	__clear_bit(99, map);
	KCHECK(find_first_bit(map, 100) == 100);
	unsigned long full[2] = { ~0UL, ~0UL };
	KCHECK(find_first_zero_bit(full, 64) == 64 && find_first_zero_bit(full, 40) == 40);
	unsigned long n, seen = 0;
	full[1] = 0x5;
	full[0] = 0x80000000;
	for_each_set_bit(n, full, 64)
		seen += n;
	KCHECK(seen == 31 + 32 + 34);
}

KTEST(atomic_conditional)
{
	atomic_t v = ATOMIC_INIT(0);
	KCHECK(!atomic_inc_not_zero(&v) && atomic_read(&v) == 0);
	atomic_set(&v, 2);
	KCHECK(atomic_add_unless(&v, 5, 3) && atomic_read(&v) == 7);
	KCHECK(!atomic_add_unless(&v, 5, 7) && atomic_read(&v) == 7);
	KCHECK(atomic_cmpxchg(&v, 6, 0) == 7 && atomic_read(&v) == 7);
	KCHECK(atomic_cmpxchg(&v, 7, 1) == 7 && atomic_read(&v) == 1);
	KCHECK(atomic_xchg(&v, 9) == 1 && atomic_sub_and_test(9, &v));
	KCHECK(atomic_dec_if_positive(&v) == -1 && atomic_read(&v) == 0);
	atomic_inc(&v);
	KCHECK(atomic_dec_and_test(&v) && atomic_inc_return(&v) == 1);
	atomic_long_t l = ATOMIC_LONG_INIT(-1);
	KCHECK(atomic_long_inc_return(&l) == 0 && !atomic_long_inc_not_zero(&l));
	atomic_long_add(10, &l);
	KCHECK(atomic_long_sub_return(4, &l) == 6 && atomic_long_xchg(&l, 3) == 6);
	KCHECK(atomic_long_cmpxchg(&l, 3, 4) == 3 && atomic_long_read(&l) == 4);
	KCHECK(!atomic_long_sub_and_test(3, &l) && atomic_long_dec_and_test(&l));
}

KTEST(preempt_count_nesting)
{
	static DEFINE_SPINLOCK(outer);
	KCHECK(preempt_count() == 0 && !in_atomic() && !in_interrupt() && in_task());
	spin_lock(&outer);
	KCHECK(preempt_count() == 1 && in_atomic() && !in_irq());
	preempt_disable();
	KCHECK(preempt_count() == 2);
	preempt_enable();
	spin_unlock(&outer);
	KCHECK(preempt_count() == 0);
	irq_enter();            /* what trap.c wraps a handler in */
	KCHECK(in_irq() && in_interrupt() && in_atomic() && hardirq_count() == HARDIRQ_OFFSET);
	irq_exit();
	KCHECK(!in_interrupt());
	unsigned long f;
	local_irq_save(f);
	KCHECK(irqs_disabled() && !irqs_disabled_flags(f));
	local_irq_restore(f);
	KCHECK(!irqs_disabled());
	int x = 1;
	smp_store_release(&x, 2);
	KCHECK(smp_load_acquire(&x) == 2 && READ_ONCE(x) == 2);
}
