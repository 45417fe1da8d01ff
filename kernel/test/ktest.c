/* ktest.c: runs the in-kernel tests and reports them on COM1 in the same
 * "@@TEST name" / "@@RESULT name exit N" protocol as the user-space runner, so
 * the host harness counts both alike. The marker lines also go to debugcon,
 * where the harness cuts the kernel log into the part each test printed. */
#include "kernel.h"
#include "test/ktest.h"
#include "tty/console.h"
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

/* A protocol line, on COM1 and in debugcon. */
static void mark(const char *line)
{
	ktest_report("%s", line);
	debugcon_write(line);
}

/* Whether name is one of the comma-separated names of list. */
static bool in_list(const char *list, const char *name)
{
	size_t n = strlen(name);
	for (const char *p = list; *p; p++) {
		if (strncmp(p, name, n) == 0 && (p[n] == ',' || p[n] == '\0'))
			return true;
		p = strchr(p, ',');
		if (!p)
			break;
	}
	return false;
}

/* Runs every ordinary test, or, with `ktest=NAME,NAME...`, exactly the ones
 * named (broken ones included; `ktest=` alone runs none): the harness names
 * what is left after a crash, or what `make test T=...` selected. */
void ktest_run_all(const char *only)
{
	for (const struct ktest *t = __start_ktests; t < __stop_ktests; t++) {
		if (only ? !in_list(only, t->name) : t->broken)
			continue;
		char line[96];
		snprintf(line, sizeof(line), "@@TEST k_%s\n", t->name);
		mark(line);
		failures = 0;
		t->fn();
		snprintf(line, sizeof(line), "@@RESULT k_%s exit %d\n", t->name, failures ? 1 : 0);
		mark(line);
	}
}
