/* vm86_kill: a process that irets to virtual-8086 mode is killed with
 * SIGSEGV and the system keeps running. A real CPU ignores EFLAGS.VM in a
 * ring-3 iret; QEMU's TCG honours it, and its next trap arrived with CS 0,
 * which the kernel took for its own: a panic, or, with "jmp $" mapped at
 * address 0, a system hung because no timer tick was seen as user mode.
 * Kernel-only: it needs QEMU's TCG and root (to map page 0; a user can
 * still map 65536, which is 0x1000:0 in vm86). */
#include "check.h"

#define EFLAGS_VM 0x20000
#define EFLAGS_IF 0x200

/* Real-mode cs:ip = cs:0, ss:sp = 0:0x1000, the data segments 0. */
static _Noreturn void iret_to_vm86(unsigned cs)
{
	unsigned eflags = EFLAGS_VM | EFLAGS_IF | 2;
	__asm__ volatile("pushl $0; pushl $0; pushl $0; pushl $0\n\t"  /* gs fs ds es */
			 "pushl $0; pushl $0x1000\n\t"                 /* ss esp */
			 "pushl %0; pushl %1; pushl $0\n\t"            /* eflags cs eip */
			 "iret" : : "r"(eflags), "r"(cs) : "memory");
	__builtin_unreachable();
}

static int fault_at_zero(void *unused)
{
	(void)unused;
	iret_to_vm86(0);
}

/* "jmp $" at linear address 16 * cs, where vm86 code at cs:0 runs. */
static int spin_at(void *cs)
{
	unsigned char *at = (unsigned char *)(16 * (unsigned long)cs);
	if (at != NULL && setuid(1000) != 0)
		return 3;
	unsigned char *p = mmap(at, 4096, PROT_READ | PROT_WRITE | PROT_EXEC,
				MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
	if (p != at)
		return 2;
	__asm__("" : "+r"(p));          /* a store through NULL would be compiled as a trap */
	p[0] = 0xeb;            /* jmp $ */
	p[1] = 0xfe;
	iret_to_vm86((unsigned)(unsigned long)cs);
}

/* The child's wait status, or -1 if it was still running after 5 s. */
static int bounded_wait(pid_t pid)
{
	int st;
	for (int i = 0; i < 500; i++) {
		if (waitpid(pid, &st, WNOHANG) == pid)
			return st;
		sleep_ms(10);
	}
	kill(pid, SIGKILL);
	waitpid(pid, &st, 0);
	return -1;
}

int main(void)
{
	expect_signal(bounded_wait(spawn(fault_at_zero, NULL)), SIGSEGV,
		      "vm86 entered with nothing at 0: SIGSEGV");
	expect_signal(bounded_wait(spawn(spin_at, (void *)0)), SIGSEGV,
		      "vm86 spinning at 0 (root mapped page 0): SIGSEGV at the next tick");
	expect_signal(bounded_wait(spawn(spin_at, (void *)0x1000)), SIGSEGV,
		      "vm86 spinning at 0x1000:0 as uid 1000 (mapped at 65536): SIGSEGV");
	long t0 = now_ms();
	sleep_ms(20);
	CHECK(now_ms() - t0 >= 20, "time still passes afterwards");
	return done();
}
