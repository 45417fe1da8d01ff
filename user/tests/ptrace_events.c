/* ptrace_events: ptrace's events and rules, as on Linux: the SIGTRAP after
 * an exec without TRACEEXEC; TRACEFORK auto-attaching the child (SIGSTOP
 * first, the fork event's GETEVENTMSG is its pid), TRACEEXEC and TRACEEXIT
 * events, the tracer seeing a grandchild's exit before its parent does;
 * ATTACH and DETACH of a sleeping child; SEIZE, INTERRUPT (PTRACE_EVENT_STOP)
 * and KILL; a passed-on stop signal's group stop; EPERM for self, init, another uid and a second tracer; ESRCH
 * for a process not traced or not stopped. */
#define _GNU_SOURCE
#include "ptrace_util.h"

static int exec_self(void *arg)
{
	execl("/proc/self/exe", "ptrace_events", (const char *)arg, (char *)NULL);
	return 99;
}

static void exec_sigtrap(void)
{
	pid_t pid = spawn_traced(exec_self, "exit5");
	next_status(pid);
	ptrace(PTRACE_SETOPTIONS, pid, NULL, (void *)PTRACE_O_EXITKILL);
	ptrace(PTRACE_CONT, pid, NULL, NULL);
	int st = next_status(pid);
	CHECK(WIFSTOPPED(st) && WSTOPSIG(st) == SIGTRAP && STOP_EVENT(st) == 0, "exec without TRACEEXEC: SIGTRAP");
	ptrace(PTRACE_CONT, pid, NULL, NULL);
	expect_exit(next_status(pid), 5, "the new program runs");
}

static int fork_exec(void *arg)
{
	(void)arg;
	pid_t g = fork();
	if (g == 0)
		_exit(exec_self("exit5"));
	int st;
	return waitpid(g, &st, 0) == g && WIFEXITED(st) && WEXITSTATUS(st) == 5 ? 0 : 1;
}

static void fork_events(void)
{
	pid_t pid = spawn_traced(fork_exec, NULL);
	next_status(pid);
	long opts = PTRACE_O_TRACEFORK | PTRACE_O_TRACEEXEC | PTRACE_O_TRACEEXIT | PTRACE_O_EXITKILL;
	ptrace(PTRACE_SETOPTIONS, pid, NULL, (void *)opts);
	ptrace(PTRACE_CONT, pid, NULL, NULL);
	int st = next_status(pid);
	CHECK(WIFSTOPPED(st) && WSTOPSIG(st) == SIGTRAP && STOP_EVENT(st) == PTRACE_EVENT_FORK, "PTRACE_EVENT_FORK stop");
	unsigned long g = 0;
	CHECK_OK(ptrace(PTRACE_GETEVENTMSG, pid, NULL, &g), "GETEVENTMSG");
	st = next_status(g);
	CHECK(WIFSTOPPED(st) && WSTOPSIG(st) == SIGSTOP, "the new child (the event's pid) is traced: SIGSTOP stop");
	CHECK_EQ(tracer_pid(g), getpid(), "its TracerPid is ours");
	ptrace(PTRACE_CONT, g, NULL, NULL);
	ptrace(PTRACE_CONT, pid, NULL, NULL);
	st = next_status(g);
	CHECK(WIFSTOPPED(st) && STOP_EVENT(st) == PTRACE_EVENT_EXEC, "PTRACE_EVENT_EXEC stop (options inherited)");
	unsigned long msg = 0;
	ptrace(PTRACE_GETEVENTMSG, g, NULL, &msg);
	CHECK_EQ(msg, g, "exec event message: the thread id");
	ptrace(PTRACE_CONT, g, NULL, NULL);
	st = next_status(g);
	CHECK(WIFSTOPPED(st) && STOP_EVENT(st) == PTRACE_EVENT_EXIT, "PTRACE_EVENT_EXIT stop");
	ptrace(PTRACE_GETEVENTMSG, g, NULL, &msg);
	CHECK_EQ(msg, 5 << 8, "exit event message: the wait status");
	ptrace(PTRACE_CONT, g, NULL, NULL);
	expect_exit(next_status(g), 5, "the tracer sees the grandchild's exit");
	st = next_status(pid);
	CHECK(WIFSTOPPED(st) && WSTOPSIG(st) == SIGCHLD, "the tracer sees the child's SIGCHLD, ignored or not");
	ptrace(PTRACE_CONT, pid, NULL, NULL);
	st = next_status(pid);
	CHECK(WIFSTOPPED(st) && STOP_EVENT(st) == PTRACE_EVENT_EXIT, "the child's own exit event");
	ptrace(PTRACE_CONT, pid, NULL, NULL);
	expect_exit(next_status(pid), 0, "then its real parent reaps it with status 5");
}

static int naps(void *arg)
{
	(void)arg;
	sleep_ms(300);
	return 3;
}

static void attach_detach(void)
{
	pid_t pid = spawn(naps, NULL);
	sleep_ms(50);
	CHECK_OK(ptrace(PTRACE_ATTACH, pid, NULL, NULL), "ATTACH a sleeping child");
	int st = next_status(pid);
	CHECK(WIFSTOPPED(st) && WSTOPSIG(st) == SIGSTOP, "ATTACH: a SIGSTOP stop");
	CHECK_ERR(ptrace(PTRACE_ATTACH, pid, NULL, NULL), EPERM, "ATTACH twice: EPERM");
	CHECK_OK(ptrace(PTRACE_DETACH, pid, NULL, NULL), "DETACH");
	CHECK_EQ(tracer_pid(pid), 0, "TracerPid 0 after DETACH");
	CHECK_ERR(ptrace(PTRACE_CONT, pid, NULL, NULL), ESRCH, "CONT after DETACH: ESRCH");
	expect_exit(next_status(pid), 3, "the child's sleep goes on to its end");
}

static int spins(void *arg)
{
	(void)arg;
	for (int i = 0; i < 2000; i++)
		sleep_ms(5);
	return 0;
}

static void seize_interrupt(void)
{
	pid_t pid = spawn(spins, NULL);
	CHECK_ERR(ptrace(PTRACE_SEIZE, pid, (void *)1, NULL), EIO, "SEIZE with an address: EIO");
	CHECK_OK(ptrace(PTRACE_SEIZE, pid, NULL, (void *)PTRACE_O_EXITKILL), "SEIZE");
	int st;
	CHECK_EQ(waitpid(pid, &st, WNOHANG | __WALL), 0, "SEIZE does not stop the tracee");
	CHECK_ERR(ptrace(PTRACE_GETREGS, pid, NULL, &(struct user_regs_struct){ 0 }), ESRCH,
		  "GETREGS of a running tracee: ESRCH");
	CHECK_OK(ptrace(PTRACE_INTERRUPT, pid, NULL, NULL), "INTERRUPT");
	st = next_status(pid);
	CHECK(WIFSTOPPED(st) && WSTOPSIG(st) == SIGTRAP && STOP_EVENT(st) == PTRACE_EVENT_STOP,
	      "INTERRUPT: a PTRACE_EVENT_STOP stop");
	CHECK_OK(ptrace(PTRACE_GETREGS, pid, NULL, &(struct user_regs_struct){ 0 }), "GETREGS while stopped");
	CHECK_OK(ptrace(PTRACE_KILL, pid, NULL, NULL), "KILL");
	expect_signal(next_status(pid), SIGKILL, "KILL ends the tracee");
}

static int exit7(void *arg)
{
	(void)arg;
	return 7;
}

/* A stop signal the tracer passes on is a group stop: reported as a stop
 * with that signal and no siginfo (EINVAL), with PTRACE_EVENT_STOP when
 * seized; CONT ends it. */
static void group_stop(void)
{
	siginfo_t si;
	pid_t pid = spawn_traced(exit7, NULL);
	int st = next_status(pid);
	CHECK(WIFSTOPPED(st) && WSTOPSIG(st) == SIGSTOP && ptrace(PTRACE_GETSIGINFO, pid, NULL, &si) == 0,
	      "SIGSTOP: a signal-delivery stop with siginfo");
	ptrace(PTRACE_CONT, pid, NULL, (void *)SIGSTOP);
	st = next_status(pid);
	CHECK(WIFSTOPPED(st) && WSTOPSIG(st) == SIGSTOP && STOP_EVENT(st) == 0, "passed on: a group stop, SIGSTOP");
	CHECK_ERR(ptrace(PTRACE_GETSIGINFO, pid, NULL, &si), EINVAL, "a group stop has no siginfo");
	ptrace(PTRACE_CONT, pid, NULL, NULL);
	expect_exit(next_status(pid), 7, "CONT ends the group stop");

	pid = spawn(spins, NULL);
	ptrace(PTRACE_SEIZE, pid, NULL, (void *)PTRACE_O_EXITKILL);
	kill(pid, SIGSTOP);
	st = next_status(pid);
	CHECK(WIFSTOPPED(st) && WSTOPSIG(st) == SIGSTOP && STOP_EVENT(st) == 0, "seized: SIGSTOP's signal-delivery stop");
	ptrace(PTRACE_CONT, pid, NULL, (void *)SIGSTOP);
	st = next_status(pid);
	CHECK(WIFSTOPPED(st) && WSTOPSIG(st) == SIGSTOP && STOP_EVENT(st) == PTRACE_EVENT_STOP,
	      "seized: the group stop is a PTRACE_EVENT_STOP with SIGSTOP");
	ptrace(PTRACE_KILL, pid, NULL, NULL);
	expect_signal(next_status(pid), SIGKILL, "KILL ends it");
}

/* Bit i set: the i-th rule did not hold. */
static int rules(void *arg)
{
	pid_t parent = *(pid_t *)arg;
	int bad = 0;
	errno = 0;
	bad |= (ptrace(PTRACE_ATTACH, getpid(), NULL, NULL) != -1 || errno != EPERM) << 0;
	errno = 0;
	bad |= (ptrace(PTRACE_PEEKDATA, parent, NULL, NULL) != -1 || errno != ESRCH) << 1;
	if (raw_syscall(__NR_setresuid32, 1000, 1000, 1000) != 0)
		return 0x80;
	errno = 0;
	bad |= (ptrace(PTRACE_ATTACH, parent, NULL, NULL) != -1 || errno != EPERM) << 2;
	errno = 0;
	bad |= (ptrace(PTRACE_ATTACH, 1, NULL, NULL) != -1 || errno != EPERM) << 3;
	errno = 0;
	bad |= (ptrace(PTRACE_SEIZE, 1, NULL, NULL) != -1 || errno != EPERM) << 4;
	return bad;
}

static void permissions(void)
{
	pid_t me = getpid();
	expect_exit(run_child(rules, &me), 0,
		    "EPERM for self, another uid and init; ESRCH for a process not traced");
	errno = 0;
	CHECK_ERR(ptrace(PTRACE_CONT, 999999, NULL, NULL), ESRCH, "no such process: ESRCH");
}

int main(int argc, char **argv)
{
	if (argc > 1 && strcmp(argv[1], "exit5") == 0)
		return 5;
	exec_sigtrap();
	fork_events();
	attach_detach();
	seize_interrupt();
	group_stop();
	permissions();
	return done();
}
