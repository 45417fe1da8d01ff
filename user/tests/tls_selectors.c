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

/* Loads a fresh TLS slot into %gs, then empties that slot and makes a system call. */
static int cleared_slot(void *unused)
{
	(void)unused;
	static int target;
	struct user_desc d;
	memset(&d, 0, sizeof d);
	d.entry_number = -1;
	d.base_addr = (unsigned)&target;
	d.limit = 0xfffff;
	d.seg_32bit = 1;
	d.limit_in_pages = 1;
	d.useable = 1;
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
