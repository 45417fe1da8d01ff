/* ktest.h: a small registry of tests that run inside the kernel at boot with
 * `mode=test`, before user space exists. Each reports like a user test does. */
#ifndef KTEST_H
#define KTEST_H

#include <stdbool.h>

struct ktest {
	const char *name;
	void (*fn)(void);
	bool broken;                    /* deliberately failing: only run when named */
};

#define KTEST_DEFINE(name, broken_)                                               \
	static void ktest_##name(void);                                               \
	static const struct ktest ktest_desc_##name                                   \
		__attribute__((used, section("ktests"))) = { #name, ktest_##name, broken_ }; \
	static void ktest_##name(void)

#define KTEST(name) KTEST_DEFINE(name, false)
#define KTEST_BROKEN(name) KTEST_DEFINE(name, true)

void ktest_check(bool ok, const char *what, const char *file, int line);
#define KCHECK(cond) ktest_check((cond), #cond, __FILE__, __LINE__)

void ktest_report(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int ktest_run_all(const char *only);

#endif
