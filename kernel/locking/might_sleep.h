/* might_sleep.h: Linux's might_sleep(): "the caller may sleep here", which
 * a debug kernel checks (lockdep.c): not in an interrupt handler, not with
 * interrupts off, not holding a spinning lock. Without CONFIG_LOCKDEP, a
 * no-op, as in Linux without CONFIG_DEBUG_ATOMIC_SLEEP. */
#ifndef LOCKING_MIGHT_SLEEP_H
#define LOCKING_MIGHT_SLEEP_H

#ifdef CONFIG_LOCKDEP
void __might_sleep(const char *file, int line);
#define might_sleep() __might_sleep(__FILE__, __LINE__)
#else
#define might_sleep() do { } while (0)
#endif

#endif
