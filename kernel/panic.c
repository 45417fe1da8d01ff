/* panic.c: panic(), which reports and stops the machine (debugcon's
 * "@@PANIC" tells the host), and the taint mask that later reports show: an
 * oops taints the kernel with D, a WARN with W, as on Linux. */
#include "kernel.h"
#include "cmdline.h"
#include "x86/power.h"
#include "x86/x86.h"
#include "x86/smpboot.h"

int panic_on_oops;
static unsigned long tainted_mask;
int oops_in_progress;

/* Linux's taint letters, in bit order: the letter when set, else ' ' ('G'
 * for P, the kernel being all GPL). */
static const char taint_letters[] = "PFSRMBUDAWCIOELKXTN";

void add_taint(unsigned flag)
{
	tainted_mask |= 1ul << flag;
}

bool test_taint(unsigned flag)
{
	return tainted_mask & (1ul << flag);
}

unsigned long get_taint(void)
{
	return tainted_mask;
}

const char *print_tainted(void)
{
	static char buf[sizeof("Tainted: ") + sizeof(taint_letters)];
	if (!tainted_mask)
		return "Not tainted";
	char *s = buf + snprintf(buf, sizeof(buf), "Tainted: ");
	for (unsigned i = 0; taint_letters[i]; i++)
		*s++ = test_taint(i) ? taint_letters[i] : i == 0 ? 'G' : ' ';
	*s = 0;
	return buf;
}

/* `panic_on_oops=1` on the command line, or set at run time (sysrq c). */
bool oops_should_panic(void)
{
	const char *v = cmdline_get("panic_on_oops");
	return panic_on_oops || (v && strtoul(v, NULL, 10) != 0);
}

void panic(const char *fmt, ...)
{
	static bool in_panic;
	char buf[256];
	va_list ap;
	cli();
	if (in_panic)                       /* a panic while reporting one */
		machine_halt_failure();
	in_panic = true;
	smp_send_stop();                    /* the other CPUs stop where they are */
	printk_bust_locks();
	va_start(ap, fmt);
	int n = kvsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (n > 0 && n < (int)sizeof(buf) && buf[n - 1] == '\n')
		buf[n - 1] = 0;
	console_verbose();
	printk(KERN_EMERG "Kernel panic - not syncing: %s\n", buf);
	if (!oops_in_progress)              /* an oops has shown the stack already */
		dump_stack();
	printk(KERN_EMERG "---[ end Kernel panic - not syncing: %s ]---\n", buf);
	machine_halt_failure();
}
