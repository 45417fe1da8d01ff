/* ptrace_basic: a tracee's stops and state as its tracer sees them, as on
 * Linux: PTRACE_TRACEME + raise(SIGSTOP) seen by waitpid (TracerPid, state
 * t, the siginfo); system call entry and exit stops with orig_eax and the
 * result, a call skipped (orig_eax -1: ENOSYS) and a result changed with
 * SETREGS; PEEKDATA/POKEDATA, POKETEXT on read-only memory (copy on write:
 * the tracer's own copy is untouched), process_vm_readv; SINGLESTEP after an
 * int3; a hardware watchpoint (DR0, DR7) set with POKEUSER; signal-delivery
 * stops that suppress or change the signal. */
#define _GNU_SOURCE
#include "ptrace_util.h"
#include <stdbool.h>
#include <stddef.h>
#include <sys/uio.h>

static int stop_only(void *arg)
{
	(void)arg;
	return 7;
}

static void traceme_stop(void)
{
	pid_t pid = spawn_traced(stop_only, NULL);
	int st = next_status(pid);
	CHECK(WIFSTOPPED(st) && WSTOPSIG(st) == SIGSTOP, "TRACEME + raise(SIGSTOP): waitpid sees the stop");
	CHECK_EQ(tracer_pid(pid), getpid(), "TracerPid is the parent");
	CHECK_EQ(proc_state(pid), 't', "state t (tracing stop)");
	siginfo_t si;
	memset(&si, 0, sizeof si);
	CHECK_OK(ptrace(PTRACE_GETSIGINFO, pid, NULL, &si), "GETSIGINFO");
	CHECK(si.si_signo == SIGSTOP && si.si_code == SI_TKILL && si.si_pid == pid, "siginfo: SIGSTOP from tkill");
	CHECK_EQ(waitpid(pid, &st, WNOHANG | __WALL), 0, "a stop is reported once");
	CHECK_OK(ptrace(PTRACE_CONT, pid, NULL, NULL), "CONT");
	st = next_status(pid);
	expect_exit(st, 7, "tracee runs on and exits");
}

static int syscalls_child(void *arg)
{
	(void)arg;
	long ppid = raw_syscall(__NR_getppid, 0, 0, 0);
	long skipped = raw_syscall(__NR_getpid, 0, 0, 0);
	long uid = raw_syscall(__NR_getuid32, 0, 0, 0);
	return (ppid == getppid() ? 0 : 1) | (skipped == -ENOSYS ? 0 : 2) | (uid == 4242 ? 0 : 4);
}

/* Resumes with PTRACE_SYSCALL up to the entry stop of call nr (at most 40 stops). */
static int to_entry_of(pid_t pid, long nr)
{
	bool entry = true;
	for (int i = 0; i < 40; i++) {
		if (ptrace(PTRACE_SYSCALL, pid, NULL, NULL) < 0)
			return 0;
		int st = next_status(pid);
		if (!WIFSTOPPED(st) || WSTOPSIG(st) != (SIGTRAP | 0x80))
			return 0;
		if (entry && get_regs(pid).orig_eax == nr)
			return 1;
		entry = !entry;
	}
	return 0;
}

static int to_exit_stop(pid_t pid)
{
	if (ptrace(PTRACE_SYSCALL, pid, NULL, NULL) < 0)
		return 0;
	int st = next_status(pid);
	return WIFSTOPPED(st) && WSTOPSIG(st) == (SIGTRAP | 0x80);
}

static void syscall_stops(void)
{
	pid_t pid = spawn_traced(syscalls_child, NULL);
	next_status(pid);
	CHECK_OK(ptrace(PTRACE_SETOPTIONS, pid, NULL, (void *)(PTRACE_O_TRACESYSGOOD | PTRACE_O_EXITKILL)),
		 "SETOPTIONS TRACESYSGOOD|EXITKILL");
	CHECK(to_entry_of(pid, __NR_getppid), "entry stop of getppid: SIGTRAP|0x80, orig_eax");
	struct user_regs_struct r = get_regs(pid);
	CHECK_EQ(r.eax, -ENOSYS, "at entry eax is -ENOSYS");
	CHECK(to_exit_stop(pid), "exit stop");
	r = get_regs(pid);
	CHECK(r.orig_eax == __NR_getppid && r.eax == getpid(), "at exit: orig_eax and the result");
	siginfo_t si;
	ptrace(PTRACE_GETSIGINFO, pid, NULL, &si);
	CHECK(si.si_signo == SIGTRAP && si.si_code == (SIGTRAP | 0x80), "a syscall stop's siginfo");

	CHECK(to_entry_of(pid, __NR_getpid), "entry stop of getpid");
	CHECK_OK(ptrace(PTRACE_POKEUSER, pid, (void *)offsetof(struct user_regs_struct, orig_eax), (void *)-1L),
		 "POKEUSER orig_eax = -1");
	CHECK_EQ(ptrace(PTRACE_PEEKUSER, pid, (void *)offsetof(struct user_regs_struct, orig_eax), NULL), -1,
		 "PEEKUSER reads it back");
	CHECK(to_exit_stop(pid), "exit stop of the skipped call");
	CHECK_EQ(get_regs(pid).eax, -ENOSYS, "skipped call: ENOSYS");

	CHECK(to_entry_of(pid, __NR_getuid32), "entry stop of getuid32");
	CHECK(to_exit_stop(pid), "its exit stop");
	r = get_regs(pid);
	CHECK_EQ(r.eax, getuid(), "getuid32's result");
	r.eax = 4242;
	CHECK_OK(ptrace(PTRACE_SETREGS, pid, NULL, &r), "SETREGS eax = 4242");
	CHECK_OK(ptrace(PTRACE_CONT, pid, NULL, NULL), "CONT");
	expect_exit(next_status(pid), 0, "the tracee saw getppid, ENOSYS and 4242");
}

static volatile long word = 0x11223344;
static const volatile long ro_word = 1;

static int memory_child(void *arg)
{
	(void)arg;
	return word == 0x55667788 && ro_word == 2 ? 0 : 1;
}

static void memory(void)
{
	pid_t pid = spawn_traced(memory_child, NULL);
	next_status(pid);
	ptrace(PTRACE_SETOPTIONS, pid, NULL, (void *)PTRACE_O_EXITKILL);
	errno = 0;
	CHECK(ptrace(PTRACE_PEEKDATA, pid, (void *)&word, NULL) == 0x11223344 && errno == 0, "PEEKDATA");
	CHECK_OK(ptrace(PTRACE_POKEDATA, pid, (void *)&word, (void *)0x55667788), "POKEDATA");
	CHECK_EQ(ptrace(PTRACE_PEEKDATA, pid, (void *)&word, NULL), 0x55667788, "PEEKDATA sees it");
	CHECK_EQ(word, 0x11223344, "the tracer's own word is unchanged");
	CHECK_EQ(ptrace(PTRACE_PEEKTEXT, pid, (void *)&ro_word, NULL), 1, "PEEKTEXT of read-only data");
	CHECK_OK(ptrace(PTRACE_POKETEXT, pid, (void *)&ro_word, (void *)2), "POKETEXT into read-only memory");
	CHECK_EQ(ro_word, 1, "copy on write: the tracer's page is unchanged");
	CHECK_ERR(ptrace(PTRACE_PEEKDATA, pid, NULL, NULL), EIO, "PEEKDATA of an unmapped address: EIO");
	CHECK_ERR(ptrace(PTRACE_POKEDATA, pid, NULL, NULL), EIO, "POKEDATA of an unmapped address: EIO");
	CHECK_ERR(ptrace(PTRACE_PEEKUSER, pid, (void *)2, NULL), EIO, "PEEKUSER unaligned: EIO");
	long got = 0;
	struct iovec local = { &got, sizeof got }, remote = { (void *)&word, sizeof got };
	CHECK_EQ(process_vm_readv(pid, &local, 1, &remote, 1, 0), sizeof got, "process_vm_readv");
	CHECK_EQ(got, 0x55667788, "process_vm_readv reads the tracee's word");
	remote.iov_base = NULL;
	CHECK_ERR(process_vm_readv(pid, &local, 1, &remote, 1, 0), EFAULT, "process_vm_readv of nothing: EFAULT");
	ptrace(PTRACE_CONT, pid, NULL, NULL);
	expect_exit(next_status(pid), 0, "the tracee reads the words poked");
}

static int step_child(void *arg)
{
	(void)arg;
	int x = 0;
	__asm__ volatile("int3\n\tnop\n\tinc %0\n\tnop" : "+r"(x));
	return x;
}

static void singlestep(void)
{
	pid_t pid = spawn_traced(step_child, NULL);
	next_status(pid);
	ptrace(PTRACE_SETOPTIONS, pid, NULL, (void *)PTRACE_O_EXITKILL);
	ptrace(PTRACE_CONT, pid, NULL, NULL);
	int st = next_status(pid);
	CHECK(WIFSTOPPED(st) && WSTOPSIG(st) == SIGTRAP, "int3: a SIGTRAP stop");
	siginfo_t si;
	ptrace(PTRACE_GETSIGINFO, pid, NULL, &si);
	CHECK_EQ(si.si_code, SI_KERNEL, "int3's si_code is SI_KERNEL");
	long eip = get_regs(pid).eip;
	int steps_ok = 1;
	static const int len[] = { 1, 1, 1 };      /* nop, inc reg, nop */
	for (int i = 0; i < 3; i++) {
		ptrace(PTRACE_SINGLESTEP, pid, NULL, NULL);
		st = next_status(pid);
		memset(&si, 0, sizeof si);
		ptrace(PTRACE_GETSIGINFO, pid, NULL, &si);
		struct user_regs_struct r = get_regs(pid);
		steps_ok &= WIFSTOPPED(st) && WSTOPSIG(st) == SIGTRAP && si.si_code == TRAP_TRACE &&
			    r.eip == eip + len[i] && !(r.eflags & 0x100);
		eip = r.eip;
	}
	CHECK(steps_ok, "SINGLESTEP: three SIGTRAP/TRAP_TRACE stops, one instruction each, TF hidden");
	ptrace(PTRACE_CONT, pid, NULL, NULL);
	expect_exit(next_status(pid), 1, "the tracee goes on after the steps");
}

static volatile long watched;

static int watch_child(void *arg)
{
	(void)arg;
	watched = 1;
	return watched == 1 ? 0 : 1;
}

static void watchpoint(void)
{
	pid_t pid = spawn_traced(watch_child, NULL);
	next_status(pid);
	ptrace(PTRACE_SETOPTIONS, pid, NULL, (void *)PTRACE_O_EXITKILL);
	long dr = offsetof(struct user, u_debugreg);
	CHECK_OK(ptrace(PTRACE_POKEUSER, pid, (void *)dr, (void *)&watched), "POKEUSER DR0: the word's address");
	/* L0, break on writes (RW0 01) of 4 bytes (LEN0 11). */
	CHECK_OK(ptrace(PTRACE_POKEUSER, pid, (void *)(dr + 7 * 4), (void *)0xd0001L), "POKEUSER DR7");
	CHECK_EQ(ptrace(PTRACE_PEEKUSER, pid, (void *)(dr + 7 * 4), NULL), 0xd0001L, "PEEKUSER DR7");
	CHECK_ERR(ptrace(PTRACE_POKEUSER, pid, (void *)(dr + 4 * 4), NULL), EIO, "POKEUSER DR4: EIO");
	ptrace(PTRACE_CONT, pid, NULL, NULL);
	int st = next_status(pid);
	CHECK(WIFSTOPPED(st) && WSTOPSIG(st) == SIGTRAP, "the write stops the tracee with SIGTRAP");
	siginfo_t si;
	memset(&si, 0, sizeof si);
	ptrace(PTRACE_GETSIGINFO, pid, NULL, &si);
	CHECK_EQ(si.si_code, TRAP_HWBKPT, "si_code TRAP_HWBKPT");
	CHECK_EQ(ptrace(PTRACE_PEEKUSER, pid, (void *)(dr + 6 * 4), NULL) & 0xf, 1, "DR6 says breakpoint 0");
	CHECK_EQ(ptrace(PTRACE_PEEKDATA, pid, (void *)&watched, NULL), 1, "the write is done (a trap, after it)");
	ptrace(PTRACE_POKEUSER, pid, (void *)(dr + 7 * 4), NULL);
	ptrace(PTRACE_CONT, pid, NULL, NULL);
	expect_exit(next_status(pid), 0, "the tracee goes on");
}

static volatile int got_usr1, got_usr2;

static void on_usr1(int sig)
{
	(void)sig;
	got_usr1++;
}

static void on_usr2(int sig)
{
	(void)sig;
	got_usr2++;
}

static int signal_child(void *arg)
{
	(void)arg;
	raise(SIGUSR1);
	raise(SIGUSR1);
	return got_usr1 * 10 + got_usr2;
}

static void signal_stops(void)
{
	set_handler(SIGUSR1, on_usr1, 0);
	set_handler(SIGUSR2, on_usr2, 0);
	pid_t pid = spawn_traced(signal_child, NULL);
	next_status(pid);
	ptrace(PTRACE_SETOPTIONS, pid, NULL, (void *)PTRACE_O_EXITKILL);
	ptrace(PTRACE_CONT, pid, NULL, NULL);
	int st = next_status(pid);
	CHECK(WIFSTOPPED(st) && WSTOPSIG(st) == SIGUSR1, "signal-delivery stop for SIGUSR1");
	CHECK_OK(ptrace(PTRACE_CONT, pid, NULL, NULL), "CONT with 0 suppresses it");
	st = next_status(pid);
	CHECK(WIFSTOPPED(st) && WSTOPSIG(st) == SIGUSR1, "the second SIGUSR1 stops too");
	CHECK_ERR(ptrace(PTRACE_CONT, pid, NULL, (void *)100L), EIO, "CONT with a bad signal: EIO");
	CHECK_OK(ptrace(PTRACE_CONT, pid, NULL, (void *)SIGUSR2), "CONT with SIGUSR2 changes it");
	expect_exit(next_status(pid), 1, "SIGUSR1's handler never ran, SIGUSR2's once");
	signal(SIGUSR1, SIG_DFL);
	signal(SIGUSR2, SIG_DFL);
}

int main(void)
{
	traceme_stop();
	syscall_stops();
	memory();
	singlestep();
	watchpoint();
	signal_stops();
	return done();
}
