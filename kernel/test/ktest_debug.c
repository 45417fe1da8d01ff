/* ktest_debug.c: in-kernel tests of what reports are made of: the symbol and
 * line tables linked into the image, and WARN_ON, which reports, taints W
 * and goes on. */
#include "kernel.h"
#include "kallsyms.h"
#include "test/ktest.h"

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
