/* ktest_lockdep.c: the lock validator catches what it exists to catch
 * (built with LOCKDEP=1 only): each test commits one locking bug on
 * purpose, without the deadlock it stands for (no lock word is ever taken
 * twice), then reads the kernel log for the report Linux's lockdep would
 * print: its title, the locks by name, and two stacks (the one saved when
 * the conflicting order or usage was first seen, and the current one). A
 * report turns the validator off; each test turns it back on. */
#include "kernel.h"
#include "locking/lockdep.h"
#include "locking/mutex.h"
#include "locking/preempt.h"
#include "locking/rwlock.h"
#include "locking/spinlock.h"
#include "printk.h"
#include "proc.h"
#include "test/ktest.h"
#include "locking/barrier.h"
#include "uaccess.h"
#include "uapi/syslog.h"
#include "waitqueue.h"
#include "x86/timer.h"

static char log_buf[LOG_BUF_LEN + 1];

/* A line in the log that the report after it is looked for behind. */
static void mark(const char *test)
{
	KCHECK(debug_locks_on());
	printk(KERN_INFO "ktest_lockdep: %s starts\n", test);
}

/* The log after the mark of test. */
static const char *log_since(const char *test)
{
	bool saved = uaccess_kernel_begin();
	long n = do_syslog(SYSLOG_ACTION_READ_ALL, log_buf, LOG_BUF_LEN);
	uaccess_kernel_end(saved);
	log_buf[n > 0 ? n : 0] = 0;
	char want[80];
	snprintf(want, sizeof(want), "ktest_lockdep: %s starts", test);
	const char *at = NULL;
	for (const char *p = log_buf; (p = strstr(p, want)); p++)
		at = p;
	return at ? at : "";
}

static int count(const char *s, const char *what)
{
	int n = 0;
	for (; (s = strstr(s, what)); s++)
		n++;
	return n;
}

/* The report's common part; names each function that must be on a stack. */
static void check_report(const char *test, const char *title, const char *lock1, const char *lock2,
			 const char *fn, int stacks)
{
	KCHECK(!debug_locks_on());
	const char *r = log_since(test);
	KCHECK(strstr(r, title) != NULL);
	KCHECK(strstr(r, lock1) != NULL && strstr(r, lock2) != NULL);
	KCHECK(strstr(r, "turning off the locking correctness validator") != NULL);
	KCHECK(strstr(r, "Call Trace:") != NULL);
	KCHECK(count(r, fn) >= stacks);
	if (count(r, fn) < stacks)
		printk(KERN_INFO "ktest_lockdep: %s: %d frames of %s, wanted %d\n", test, count(r, fn), fn,
		       stacks);
	lockdep_reset();
}

static DEFINE_SPINLOCK(lock_a);
static DEFINE_MUTEX(lock_m);

static __attribute__((noinline)) void take_a_then_m(void)
{
	mutex_lock(&lock_m);
	spin_lock(&lock_a);
	spin_unlock(&lock_a);
	mutex_unlock(&lock_m);
}

static __attribute__((noinline)) void take_m_then_a(void)
{
	spin_lock(&lock_a);
	mutex_trylock(&lock_m);                 /* a trylock orders nothing */
	mutex_unlock(&lock_m);
	spin_unlock(&lock_a);
	KCHECK(debug_locks_on());
	static DEFINE_SPINLOCK(lock_b);
	spin_lock(&lock_b);
	spin_lock(&lock_a);                     /* b -> a */
	spin_unlock(&lock_a);
	spin_unlock(&lock_b);
	mutex_lock(&lock_m);
	spin_lock(&lock_b);                     /* m -> b, so m -> b -> a: fine */
	spin_unlock(&lock_b);
	mutex_unlock(&lock_m);
	KCHECK(debug_locks_on());
	spin_lock(&lock_a);
	spin_lock(&lock_b);                     /* a -> b closes b -> a */
	spin_unlock(&lock_b);
	spin_unlock(&lock_a);
}

KTEST(lockdep_circular)
{
	mark("circular");
	take_a_then_m();
	take_m_then_a();
	/* The saved stack of b -> a and the current one of a -> b. */
	check_report("circular", "WARNING: possible circular locking dependency detected", "(lock_a)",
		     "(lock_b)", "take_m_then_a+", 2);
	KCHECK(strstr(log_since("circular"), "the existing dependency chain") != NULL);
}

KTEST(lockdep_recursive)
{
	static spinlock_t pair[2];
	static DEFINE_RWLOCK(rw);
	for (int i = 0; i < 2; i++)
		spin_lock_init(&pair[i]);       /* one init site: one class */
	mark("recursive");
	read_lock(&rw);
	read_lock(&rw);                         /* readers nest */
	read_unlock(&rw);
	read_unlock(&rw);
	KCHECK(debug_locks_on());
	spin_lock(&pair[0]);
	spin_lock(&pair[1]);
	spin_unlock(&pair[1]);
	spin_unlock(&pair[0]);
	check_report("recursive", "WARNING: possible recursive locking detected", "(&pair[i])",
		     "May be due to missing lock nesting notation", "ktest_lockdep_recursive+", 2);
}

KTEST(lockdep_sleep_in_atomic)
{
	static DEFINE_SPINLOCK(atomic_lock);
	static DEFINE_MUTEX(sleep_mutex);
	mark("sleep");
	mutex_lock(&sleep_mutex);               /* a mutex may be held across a sleep */
	schedule_timeout(1);
	mutex_unlock(&sleep_mutex);
	KCHECK(debug_locks_on());
	spin_lock(&atomic_lock);
	mutex_lock(&sleep_mutex);               /* might_sleep, with a spinlock held */
	mutex_unlock(&sleep_mutex);
	spin_unlock(&atomic_lock);
	/* The lock, where it was taken, and the stack. */
	check_report("sleep", "BUG: sleeping function called from invalid context at kernel/locking/mutex.c",
		     "(atomic_lock)", "1 lock held by", "ktest_lockdep_sleep_in_atomic+", 2);
	mark("schedule");
	spin_lock(&atomic_lock);
	schedule_timeout(1);                    /* schedule() itself, with a spinlock held */
	spin_unlock(&atomic_lock);
	check_report("schedule", "BUG: sleeping function called from invalid context at schedule_timeout",
		     "(atomic_lock)", "preempt_count: 1", "ktest_lockdep_sleep_in_atomic+", 2);
}

static DEFINE_SPINLOCK(irq_lock);
static volatile int timer_ran;

static void take_irq_lock(void)
{
	spin_lock(&irq_lock);                   /* in the timer interrupt */
	spin_unlock(&irq_lock);
	timer_ran = 1;
}

/* Runs take_irq_lock in the timer interrupt (its tick hook: the KTESTs run
 * before the scheduler takes the hook); whether it ran within 1 s. */
static bool in_timer_irq(void)
{
	timer_ran = 0;
	timer_set_tick_hook(take_irq_lock);
	for (uint32_t t0 = jiffies; !timer_ran && jiffies - t0 < HZ;)
		cpu_relax();
	timer_set_tick_hook(NULL);
	return timer_ran;
}

KTEST(lockdep_irq_inconsistent)
{
	unsigned long f;
	mark("irq");
	KCHECK(in_timer_irq());
	spin_lock_irqsave(&irq_lock, f);        /* right: interrupts off */
	spin_unlock_irqrestore(&irq_lock, f);
	KCHECK(debug_locks_on());
	spin_lock(&irq_lock);                   /* wrong: the interrupt may come now */
	spin_unlock(&irq_lock);
	check_report("irq", "inconsistent {IN-HARDIRQ-W} -> {HARDIRQ-ON-W} usage.", "(irq_lock)",
		     "{IN-HARDIRQ-W} state was registered at:", "ktest_lockdep_irq_inconsistent+", 2);
	/* The saved stack is the interrupt's: the hook called from trap(). */
	const char *r = log_since("irq");
	KCHECK(strstr(r, "take_irq_lock+") != NULL && strstr(r, "trap+") != NULL);
}

KTEST(lockdep_irq_inconsistent_reverse)
{
	static struct lockdep_map map = STATIC_LOCKDEP_MAP_INIT("irq_map", NULL, LD_SPIN);
	mark("irq-reverse");
	lock_acquire(&map, false, false, _THIS_IP_);    /* interrupts on */
	lock_release(&map, _THIS_IP_);
	irq_enter();                            /* what trap.c wraps a handler in */
	unsigned long f = irq_save();
	lock_acquire(&map, false, false, _THIS_IP_);
	lock_release(&map, _THIS_IP_);
	irq_restore(f);
	irq_exit();
	check_report("irq-reverse", "inconsistent {HARDIRQ-ON-W} -> {IN-HARDIRQ-W} usage.", "(irq_map)",
		     "HC1", "ktest_lockdep_irq_inconsistent_reverse+", 2);
}

KTEST(lockdep_bad_unlock_and_exit)
{
	static DEFINE_SPINLOCK(held_lock);
	static DEFINE_MUTEX(never_locked);
	mark("unlock");
	lock_release(&never_locked.dep_map, _THIS_IP_);        /* what mutex_unlock tells it */
	check_report("unlock", "WARNING: bad unlock balance detected!", "(never_locked)",
		     "but there are no more locks to release!", "ktest_lockdep_bad_unlock_and_exit+", 1);
	mark("exit");
	spin_lock(&held_lock);
	debug_check_no_locks_held();            /* what do_exit asks */
	spin_unlock(&held_lock);
	check_report("exit", "still has locks held!", "(held_lock)", "1 lock held by",
		     "ktest_lockdep_bad_unlock_and_exit+", 2);
	debug_check_no_locks_held();            /* none now: no report */
	KCHECK(debug_locks_on());
}
