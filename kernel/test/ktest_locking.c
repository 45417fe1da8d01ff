/* ktest_locking.c: in-kernel tests of kernel/locking: what a user test
 * cannot see through /dev/lock_test (dev_locking.c): the interrupt flag the
 * spinlock forms leave behind, nested irqsave, and a semaphore counting
 * units without a process to sleep. */
#include "kernel.h"
#include "locking/atomic.h"
#include "locking/semaphore.h"
#include "locking/spinlock.h"
#include "test/ktest.h"
#include "x86/x86.h"

static bool irqs_on(void)
{
	return read_eflags() & EFLAGS_IF;
}

KTEST(spinlock_irq_state)
{
	static DEFINE_SPINLOCK(a);
	static DEFINE_SPINLOCK(b);
	unsigned long fa, fb;
	bool was_on = irqs_on();
	spin_lock_irqsave(&a, fa);
	KCHECK(!irqs_on() && spin_is_locked(&a));
	spin_lock_irqsave(&b, fb);
	KCHECK(!irqs_on() && spin_is_locked(&b));
	spin_unlock_irqrestore(&b, fb);
	KCHECK(!irqs_on() && !spin_is_locked(&b));        /* the outer lock's state */
	spin_unlock_irqrestore(&a, fa);
	KCHECK(irqs_on() == was_on && !spin_is_locked(&a));
	KCHECK(was_on);         /* tests run with interrupts on, so _irq's unlock may turn them on */
	spin_lock_irq(&a);
	KCHECK(!irqs_on());
	spin_unlock_irq(&a);
	KCHECK(irqs_on());
	spin_lock(&a);
	KCHECK(spin_is_locked(&a) && !spin_trylock(&a));
	spin_unlock(&a);
	KCHECK(spin_trylock(&a));
	spin_unlock(&a);
}

KTEST(semaphore_counts)
{
	struct semaphore sem;
	sema_init(&sem, 3);
	KCHECK(down_trylock(&sem) == 0 && down_trylock(&sem) == 0 && down_trylock(&sem) == 0);
	KCHECK(down_trylock(&sem) == 1 && sem.count == 0);
	up(&sem);
	KCHECK(sem.count == 1 && down_trylock(&sem) == 0 && down_trylock(&sem) == 1);
	atomic_t v = ATOMIC_INIT(0);
	for (int i = 0; i < 1000; i++)
		atomic_inc(&v);
	KCHECK(atomic_read(&v) == 1000 && atomic_fetch_sub(1000, &v) == 1000 && atomic_read(&v) == 0);
}
