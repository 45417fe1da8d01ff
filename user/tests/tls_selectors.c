/* tls_selectors: a process may leave any selector in %gs, or clear the TLS
 * slot its %gs points to; the kernel must survive reloading it on the way
 * out (it gives the process a null %gs or a signal, never a panic). Also
 * mixes processes with and without TLS descriptors across many switches.
 * Kernel-only: what Linux leaves in %gs in these cases is its own choice. */
#include "check.h"

#include <string.h>
#include <uapi/ldt.h>

static __thread int tls_marker = 7;

static unsigned read_gs(void)
{
	unsigned gs;
	__asm__ volatile("mov %%gs, %0" : "=r"(gs));
	return gs & 0xffff;
}

static void load_gs(unsigned sel)
{
	__asm__ volatile("mov %0, %%gs" : : "r"(sel));
}

static int set_area(struct user_desc *d)
{
	return (int)raw_syscall(__NR_set_thread_area, (long)d, 0, 0);
}

/* A flat 4 GiB, 32-bit writable data segment for any free TLS slot. */
static struct user_desc flat_desc(unsigned base)
{
	struct user_desc d;
	memset(&d, 0, sizeof d);
	d.entry_number = -1;
	d.base_addr = base;
	d.limit = 0xfffff;
	d.seg_32bit = 1;
	d.limit_in_pages = 1;
	d.useable = 1;
	return d;
}

/* Loads a fresh TLS slot into %gs, then empties that slot and makes a system call. */
static int cleared_slot(void *unused)
{
	(void)unused;
	static int target;
	struct user_desc d = flat_desc((unsigned)&target);
	if (set_area(&d) != 0)
		return 2;
	load_gs(d.entry_number * 8 + 3);
	unsigned slot = d.entry_number;
	memset(&d, 0, sizeof d);
	d.entry_number = slot;
	d.read_exec_only = 1;
	d.seg_not_present = 1;
	if (set_area(&d) != 0)
		return 3;
	getppid();                      /* the way out reloads %gs */
	return read_gs() == 0 ? 0 : 4;
}

/* A flat writable TLS segment (so the process keeps working with it in a
 * data or stack segment register); its slot number. */
static int flat_slot(void)
{
	struct user_desc d = flat_desc(0);
	return set_area(&d) == 0 ? (int)d.entry_number : -1;
}

/* Empties the slot with the selector still in %ds, %es or %ss (which = 0, 1,
 * 2): reloading it on the way out of that very system call must not fault in
 * the kernel. %ds and %es come back null (here the process restores its own
 * at once); an %ss that cannot be reloaded gives SIGSEGV, as on Linux. */
static int cleared_slot_in(void *which)
{
	int slot = flat_slot();
	if (slot < 0)
		return 2;
	static struct user_desc clear;
	clear.entry_number = slot;
	clear.read_exec_only = 1;
	clear.seg_not_present = 1;
	unsigned sel = slot * 8 + 3;
	long r;
	switch ((int)(long)which) {
	case 0:
		__asm__ volatile("push %%ds; mov %2, %%ds; int $0x80; pop %%ds"
				 : "=a"(r) : "a"(__NR_set_thread_area), "r"(sel), "b"(&clear) : "memory");
		break;
	case 1:
		__asm__ volatile("push %%es; mov %2, %%es; int $0x80; pop %%es"
				 : "=a"(r) : "a"(__NR_set_thread_area), "r"(sel), "b"(&clear) : "memory");
		break;
	default:
		__asm__ volatile("push %%ss; mov %2, %%ss; int $0x80; pop %%ss"
				 : "=a"(r) : "a"(__NR_set_thread_area), "r"(sel), "b"(&clear) : "memory");
		break;
	}
	return r == 0 ? 0 : 3;
}

/* Linux allows only 32-bit data segments in the TLS slots: a code segment
 * could end up in %cs, which no return to user mode can replace. */
static int code_or_16bit_slot(void *unused)
{
	(void)unused;
	struct user_desc d = flat_desc(0);
	d.useable = 0;
	d.contents = 2;
	if (set_area(&d) != -EINVAL)
		return 1;
	d.contents = 0;
	d.seg_32bit = 0;
	if (set_area(&d) != -EINVAL)
		return 2;
	return 0;
}

static int bogus_selector(void *unused)
{
	(void)unused;
	load_gs(0x4b);                  /* past the GDT: #GP in user mode */
	return 0;
}

int main(void)
{
	expect_exit(run_child(cleared_slot, NULL), 0, "a cleared TLS slot under %gs: null %gs after a system call");
	expect_signal(run_child(bogus_selector, NULL), SIGSEGV, "loading a selector past the GDT: SIGSEGV");
	expect_exit(run_child(cleared_slot_in, (void *)0), 0, "a cleared TLS slot under %ds: no panic");
	expect_exit(run_child(cleared_slot_in, (void *)1), 0, "a cleared TLS slot under %es: no panic");
	expect_signal(run_child(cleared_slot_in, (void *)2), SIGSEGV, "a cleared TLS slot under %ss: SIGSEGV, no panic");
	expect_exit(run_child(code_or_16bit_slot, NULL), 0, "code and 16-bit TLS segments: EINVAL");

	/* Processes with TLS (this one) and without (/bin/true) switching often. */
	int ok = 0;
	for (int i = 0; i < 60; i++) {
		pid_t pid = fork();
		if (pid == 0) {
			execl("/bin/true", "true", (char *)NULL);
			_exit(127);
		}
		int st;
		ok += waitpid(pid, &st, 0) == pid && WIFEXITED(st) && WEXITSTATUS(st) == 0;
		tls_marker++;
	}
	CHECK_EQ(ok, 60, "60 switches between processes with and without TLS");
	CHECK_EQ(tls_marker, 67, "this process's TLS survived them");
	return done();
}
