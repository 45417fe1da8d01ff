/* bug.h: BUG(), BUG_ON(), WARN(), WARN_ON() and panic(), as in Linux. BUG and
 * WARN execute ud2 at a site recorded in the bug table (file, line, flags), so
 * the invalid-opcode trap reports them with the registers and the backtrace
 * of the site itself: BUG is an oops, WARN prints and continues. */
#ifndef BUG_H
#define BUG_H

#include <stdbool.h>
#include <stdint.h>

#define BUGFLAG_WARNING (1 << 0)
#define BUGFLAG_ONCE    (1 << 1)
#define BUGFLAG_DONE    (1 << 2)
#define BUGFLAG_NO_CUT_HERE (1 << 3)   /* WARN(): __warn_printk printed the cut line */

struct bug_entry {
	uint32_t addr;                  /* of the ud2 */
	const char *file;
	uint16_t line;
	uint16_t flags;
};

#define __BUG_FLAGS(flags)                                                      \
	__asm__ volatile("1: ud2\n"                                             \
			 ".pushsection __bug_table, \"aw\"\n"                   \
			 ".balign 4\n"                                          \
			 ".long 1b, %c0\n"                                      \
			 ".word %c1, %c2\n"                                     \
			 ".popsection" : : "i"(__FILE__), "i"(__LINE__), "i"(flags))

#define BUG() do { __BUG_FLAGS(0); __builtin_unreachable(); } while (0)
#define BUG_ON(cond) do { if (__builtin_expect(!!(cond), 0)) BUG(); } while (0)

struct trapframe;
/* The invalid-opcode trap asks this first: true for a WARN, to resume. */
bool report_bug(struct trapframe *tf);
void __warn_printk(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#define __WARN_FLAGS(flags) __BUG_FLAGS(BUGFLAG_WARNING | (flags))
#define WARN_ON(cond) ({                                                        \
	bool __ret = !!(cond);                                                  \
	if (__builtin_expect(__ret, 0))                                         \
		__WARN_FLAGS(0);                                                \
	__builtin_expect(__ret, 0); })
#define WARN(cond, fmt, ...) ({                                                 \
	bool __ret = !!(cond);                                                  \
	if (__builtin_expect(__ret, 0)) {                                       \
		__warn_printk(fmt, ##__VA_ARGS__);                              \
		__WARN_FLAGS(BUGFLAG_NO_CUT_HERE);                             \
	}                                                                       \
	__builtin_expect(__ret, 0); })
#define WARN_ON_ONCE(cond) ({                                                   \
	bool __ret = !!(cond);                                                  \
	if (__builtin_expect(__ret, 0))                                         \
		__WARN_FLAGS(BUGFLAG_ONCE);                                     \
	__builtin_expect(__ret, 0); })

_Noreturn void panic(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Taint flags (Linux's numbers: /proc/sys/kernel/tainted shows the mask). */
#define TAINT_PROPRIETARY_MODULE 0      /* a module without a GPL-compatible license */
#define TAINT_FORCED_RMMOD 3            /* rmmod -f */
#define TAINT_DIE  7                    /* an oops happened */
#define TAINT_WARN 9                    /* a WARN() fired */
#define TAINT_OOT_MODULE 12             /* a module built out of tree */
void add_taint(unsigned flag);
bool test_taint(unsigned flag);
unsigned long get_taint(void);
/* "Not tainted" or "Tainted: G      D W ..." into buf, as Linux prints it. */
const char *print_tainted(void);

extern int panic_on_oops;
extern int oops_in_progress;
bool oops_should_panic(void);

#endif
