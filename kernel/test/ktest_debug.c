/* ktest_debug.c: in-kernel tests of what reports are made of: the symbol and
 * line tables linked into the image, WARN_ON, which reports, taints W and
 * goes on, and the log ring, which drops whole lines when it wraps. */
#include "kernel.h"
#include "kallsyms.h"
#include "test/ktest.h"
#include "uaccess.h"
#include "uapi/syslog.h"

void kmain(uint32_t magic, uint32_t mbi_pa);

static __attribute__((noinline)) uint32_t return_address_here(void)
{
	return (uint32_t)__builtin_return_address(0);
}

KTEST(kallsyms_names_functions)
{
	const char *name;
	uint32_t off, size;
	KCHECK(kallsyms_lookup((uint32_t)kmain + 3, &name, &off, &size));
	KCHECK(strcmp(name, "kmain") == 0 && off == 3 && size > 3);
	KCHECK(kallsyms_lookup((uint32_t)printk, &name, &off, &size) && strcmp(name, "printk") == 0 && off == 0);
	KCHECK(kallsyms_lookup_name("kallsyms_lookup") == (uint32_t)kallsyms_lookup);
	KCHECK(kallsyms_lookup_name("no_such_function") == 0);
	KCHECK(!kallsyms_lookup(0x1000, &name, &off, &size));
}

KTEST(kallsyms_names_lines)
{
	const char *file;
	unsigned line;
	uint32_t ret = return_address_here();
	unsigned call_line = __LINE__ - 1;
	KCHECK(kallsyms_line(ret - 1, &file, &line));
	KCHECK(strcmp(file, "kernel/test/ktest_debug.c") == 0 && line == call_line);
	char buf[160], want[64];
	sprint_symbol(buf, sizeof(buf), ret, true);
	snprintf(want, sizeof(want), " kernel/test/ktest_debug.c:%u", call_line);
	size_t n = strlen(buf), w = strlen(want);
	KCHECK(strncmp(buf, "ktest_kallsyms_names_lines+0x", 29) == 0 && n > w && strcmp(buf + n - w, want) == 0);
	sprint_symbol(buf, sizeof(buf), 0x1234, false);
	KCHECK(strcmp(buf, "0x00001234") == 0);
	snprintf(buf, sizeof(buf), "[%pS]", (void *)((uint32_t)kmain + 3));
	KCHECK(strncmp(buf, "[kmain+0x3/0x", 13) == 0 && buf[strlen(buf) - 1] == ']');
	snprintf(buf, sizeof(buf), "%pB", (void *)((uint32_t)kmain + 1));
	KCHECK(strncmp(buf, "kmain+0x1/0x", 12) == 0);
}

KTEST(warn_on_goes_on)
{
	int x = 1;
	KCHECK(WARN_ON(x == 1));
	KCHECK(!WARN_ON(x == 2));
	KCHECK(WARN(x == 1, "ktest: a deliberate warning %d\n", x));
	KCHECK(test_taint(TAINT_WARN));
	KCHECK(strncmp(print_tainted(), "Tainted: G", 10) == 0 && print_tainted()[9 + TAINT_WARN] == 'W');
}

#define FILL_LINES 1500

KTEST(printk_ring_wraps_by_lines)
{
	static char buf[LOG_BUF_LEN + 1];
	for (int i = 0; i < FILL_LINES; i++)
		printk(KERN_DEBUG "ktest: filling the log ring, line %04d of %d\n", i, FILL_LINES);
	bool saved = uaccess_kernel_begin();
	long n = do_syslog(SYSLOG_ACTION_READ_ALL, buf, LOG_BUF_LEN);
	uaccess_kernel_end(saved);
	KCHECK(n > LOG_BUF_LEN - 128 && n <= LOG_BUF_LEN);
	if (n <= 0)
		return;
	buf[n] = 0;
	KCHECK(strncmp(buf, "<7>[", 4) == 0 && buf[n - 1] == '\n');
	/* Whole lines, consecutive, the newest last. */
	int lines = 0, first = -1, good = 0;
	for (char *l = buf; *l; lines++) {
		char *nl = strchr(l, '\n');
		char *at = strchr(l, ']');
		if (!nl || !at || nl < at)
			break;
		char want[64];
		if (first < 0)         /* the number after "] ktest: filling the log ring, line " */
			first = (int)strtoul(at + 36, NULL, 10);
		snprintf(want, sizeof(want), "] ktest: filling the log ring, line %04d of %d", first + lines, FILL_LINES);
		good += strncmp(at, want, strlen(want)) == 0 && strncmp(l, "<7>[", 4) == 0;
		l = nl + 1;
	}
	KCHECK(lines > 0 && good == lines);
	KCHECK(first + lines == FILL_LINES);
}
