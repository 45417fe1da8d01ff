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

/* The descriptor's symbol says which kind it is (ktest_desc_NAME or
 * ktest_broken_desc_NAME): the harness lists the tests with nm. */
#define KTEST_DEFINE(name, broken_, desc)                                         \
	static void ktest_##name(void);                                               \
	static const struct ktest desc                                                \
		__attribute__((used, section("ktests"))) = { #name, ktest_##name, broken_ }; \
	static void ktest_##name(void)

#define KTEST(name) KTEST_DEFINE(name, false, ktest_desc_##name)
#define KTEST_BROKEN(name) KTEST_DEFINE(name, true, ktest_broken_desc_##name)

void ktest_check(bool ok, const char *what, const char *file, int line);
#define KCHECK(cond) ktest_check((cond), #cond, __FILE__, __LINE__)

void ktest_report(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void ktest_run_all(const char *only);

#endif
