/* ktest.c: runs the in-kernel tests and reports them on COM1 in the same
 * "@@TEST name" / "@@RESULT name exit N" protocol as the user-space runner, so
 * the host harness counts both alike. */
#include "kernel.h"
#include "test/ktest.h"
#include "serial.h"

extern const struct ktest __start_ktests[], __stop_ktests[];
static int failures;

void ktest_report(const char *fmt, ...)
{
	char buf[256];
	va_list ap;
	va_start(ap, fmt);
	int n = kvsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	for (int i = 0; i < n && i < (int)sizeof(buf) - 1; i++)
		serial_putc_polled(buf[i]);
}

void ktest_check(bool ok, const char *what, const char *file, int line)
{
	if (ok)
		return;
	failures++;
	ktest_report("FAIL - %s (%s:%d)\n", what, file, line);
}

/* Runs every ordinary test, or only the one named by `ktest=NAME`. Returns
 * the number of failed tests. */
int ktest_run_all(const char *only)
{
	int failed = 0;
	for (const struct ktest *t = __start_ktests; t < __stop_ktests; t++) {
		if (only ? strcmp(only, t->name) != 0 : t->broken)
			continue;
		ktest_report("@@TEST k_%s\n", t->name);
		failures = 0;
		t->fn();
		ktest_report("@@RESULT k_%s exit %d\n", t->name, failures ? 1 : 0);
		failed += failures != 0;
	}
	return failed;
}
