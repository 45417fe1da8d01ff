/* job_stop: stop signals stop the whole process and SIGCONT resumes it, as
 * Linux: wait4's WUNTRACED/WCONTINUED statuses (reported once per stop),
 * /proc's T state, SIGCONT working while blocked or ignored and discarding
 * pending stops (and the other way round), SIGKILL ending a stopped process,
 * a thread group stopping as one, SIGCHLD's CLD_STOPPED/CLD_CONTINUED and
 * SA_NOCLDSTOP. */
#include "check.h"
#include <pthread.h>

/* fn in a child in a process group of its own: SIGTSTP, SIGTTIN and SIGTTOU
 * stop only a process whose group is not orphaned, and the test's own group
 * may be (its parent is init in the kernel). The child's parent is here, in
 * another group of the same session, so the child's group is not. */
static pid_t spawn_job(int (*fn)(void *), void *arg)
{
	pid_t pid = fork();
	if (pid == 0) {
		setpgid(0, 0);
		_exit(fn(arg));
	}
	setpgid(pid, pid);
	return pid;
}

/* Reaps a child that the test no longer needs. */
static void finish(pid_t pid)
{
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);
}

static int status_says_stopped(pid_t pid)
{
	char path[64], buf[512];
	snprintf(path, sizeof path, "/proc/%d/status", (int)pid);
	int fd = open(path, O_RDONLY);
	ssize_t n = fd < 0 ? -1 : read(fd, buf, sizeof buf - 1);
	if (fd >= 0)
		close(fd);
	buf[n > 0 ? n : 0] = '\0';
	return strstr(buf, "State:\tT (stopped)\n") != NULL;
}

static void test_stop_cont(void)
{
	int st = 0;
	pid_t pid = spawn_job(pause_child, NULL);
	CHECK_OK(kill(pid, SIGSTOP), "kill SIGSTOP");
	CHECK_EQ(waitpid(pid, &st, WUNTRACED), pid, "waitpid WUNTRACED sees the stop");
	CHECK(WIFSTOPPED(st) && WSTOPSIG(st) == SIGSTOP, "WIFSTOPPED, WSTOPSIG SIGSTOP");
	CHECK_EQ(st, 0x137f, "stop status is 0x7f | SIGSTOP << 8");
	CHECK(!WIFEXITED(st) && !WIFSIGNALED(st) && !WIFCONTINUED(st), "a stop is no exit");
	CHECK_EQ(proc_state(pid), 'T', "/proc/PID/stat says T");
	CHECK(status_says_stopped(pid), "/proc/PID/status says T (stopped)");
	CHECK_EQ(waitpid(pid, &st, WUNTRACED | WNOHANG), 0, "a stop is reported once");
	CHECK_EQ(waitpid(pid, &st, WNOHANG), 0, "without WUNTRACED a stop is not reported");
	CHECK_OK(kill(pid, SIGCONT), "kill SIGCONT");
	CHECK_EQ(waitpid(pid, &st, WCONTINUED), pid, "waitpid WCONTINUED sees the continue");
	CHECK(WIFCONTINUED(st) && st == 0xffff, "WIFCONTINUED, status 0xffff");
	CHECK(!WIFSTOPPED(st) && !WIFEXITED(st) && !WIFSIGNALED(st), "a continue is no stop or exit");
	CHECK_EQ(waitpid(pid, &st, WCONTINUED | WNOHANG), 0, "a continue is reported once");
	CHECK_OK(kill(pid, SIGTSTP), "kill SIGTSTP");
	CHECK_EQ(waitpid(pid, &st, WUNTRACED), pid, "SIGTSTP's default action stops");
	CHECK_EQ(WSTOPSIG(st), SIGTSTP, "WSTOPSIG SIGTSTP");
	CHECK_OK(kill(pid, SIGUSR1), "SIGUSR1 to the stopped child, blocked there");
	sleep_ms(50);
	CHECK_EQ(waitpid(pid, &st, WNOHANG), 0, "a blocked signal leaves it stopped");
	CHECK_OK(kill(pid, SIGTERM), "SIGTERM to the stopped child stays pending");
	sleep_ms(50);
	CHECK_EQ(waitpid(pid, &st, WNOHANG), 0, "a stopped child does not die of SIGTERM");
	CHECK_OK(kill(pid, SIGCONT), "SIGCONT");
	CHECK_EQ(waitpid(pid, &st, 0), pid, "the continued child takes SIGTERM");
	expect_signal(st, SIGTERM, "killed by SIGTERM after the continue");

	pid = spawn_job(pause_child, NULL);
	kill(pid, SIGTTIN);
	CHECK_EQ(waitpid(pid, &st, WUNTRACED), pid, "SIGTTIN stops");
	CHECK_OK(kill(pid, SIGKILL), "SIGKILL to a stopped child");
	CHECK_EQ(waitpid(pid, &st, 0), pid, "SIGKILL ends a stopped child");
	expect_signal(st, SIGKILL, "killed by SIGKILL");
}

static volatile int tstp_caught;
static void on_tstp(int sig)
{
	(void)sig;
	tstp_caught = 1;
}

static int caught_tstp(void *arg)
{
	(void)arg;
	alarm(10);
	set_handler(SIGTSTP, on_tstp, 0);
	raise(SIGTSTP);
	return tstp_caught ? 7 : 1;
}

/* The continued child waits here until its parent has seen the continue:
 * an exit before that would be what waitpid reports (Linux reaps first). */
static int gate[2];

static void wait_gate(void)
{
	char c;
	close(gate[1]);
	read(gate[0], &c, 1);
}

/* Blocked (or ignored) SIGCONT still continues; the blocked one stays pending. */
static int cont_blocked(void *arg)
{
	sigset_t set;
	alarm(10);
	sigemptyset(&set);
	sigaddset(&set, SIGCONT);
	if (arg)
		signal(SIGCONT, SIG_IGN);
	else
		sigprocmask(SIG_BLOCK, &set, NULL);
	raise(SIGSTOP);
	wait_gate();
	sigpending(&set);
	return arg ? 3 : sigismember(&set, SIGCONT) ? 4 : 1;
}

/* A pending SIGCONT discards pending stop signals and the other way round. */
static int discards(void *arg)
{
	(void)arg;
	sigset_t set, pend;
	alarm(10);
	set_handler(SIGCONT, ignore_signal, 0);
	sigemptyset(&set);
	sigaddset(&set, SIGTSTP);
	sigaddset(&set, SIGCONT);
	sigprocmask(SIG_BLOCK, &set, NULL);
	raise(SIGCONT);
	raise(SIGTSTP);
	sigpending(&pend);
	int code = sigismember(&pend, SIGTSTP) && !sigismember(&pend, SIGCONT) ? 10 : 0;
	raise(SIGCONT);
	sigpending(&pend);
	code += sigismember(&pend, SIGCONT) && !sigismember(&pend, SIGTSTP) ? 1 : 0;
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	return code;
}

static void test_handlers_and_masks(void)
{
	int st = wait_status(spawn_job(caught_tstp, NULL));
	expect_exit(st, 7, "a SIGTSTP handler runs instead of the stop");

	for (int ign = 0; ign < 2; ign++) {
		pipe(gate);
		pid_t pid = spawn_job(cont_blocked, ign ? "ign" : NULL);
		CHECK_EQ(waitpid(pid, &st, WUNTRACED), pid, "raise(SIGSTOP) stops the caller");
		kill(pid, SIGCONT);
		CHECK_EQ(waitpid(pid, &st, WCONTINUED), pid, "it is continued");
		CHECK(WIFCONTINUED(st), "WIFCONTINUED");
		close(gate[0]);
		close(gate[1]);
		CHECK_EQ(waitpid(pid, &st, 0), pid, "it runs on");
		expect_exit(st, ign ? 3 : 4, ign ? "ignored SIGCONT continues" :
			    "blocked SIGCONT continues and stays pending");
	}
	st = wait_status(spawn_job(discards, NULL));
	expect_exit(st, 11, "SIGCONT and stop signals discard each other when pending");
}

static volatile int *counter;

static void *spin(void *arg)
{
	(void)arg;
	for (;;)
		(*counter)++;
	return NULL;
}

static int threaded(void *arg)
{
	(void)arg;
	pthread_t t;
	alarm(20);
	pthread_create(&t, NULL, spin, NULL);
	for (;;)
		pause();
	return 0;
}

static void test_thread_group(void)
{
	int st;
	counter = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	pid_t pid = spawn_job(threaded, NULL);
	while (*counter == 0)
		sleep_ms(10);
	kill(pid, SIGSTOP);
	CHECK_EQ(waitpid(pid, &st, WUNTRACED), pid, "a two-thread process stops");
	int a = *counter;
	sleep_ms(100);
	CHECK(*counter == a, "its other thread stopped too");
	kill(pid, SIGCONT);
	sleep_ms(100);
	CHECK(*counter != a, "and runs again after SIGCONT");
	finish(pid);
}

static volatile int chld_count, chld_code, chld_status, chld_pid;

static void on_chld(int sig, siginfo_t *si, void *uc)
{
	(void)sig, (void)uc;
	chld_count++;
	chld_code = si->si_code;
	chld_status = si->si_status;
	chld_pid = si->si_pid;
}

static int wait_chld(int count)
{
	for (int i = 0; i < 200 && chld_count < count; i++)
		sleep_ms(10);
	return chld_count == count;
}

static void test_sigchld(int nocldstop)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_sigaction = on_chld;
	sa.sa_flags = SA_SIGINFO | (nocldstop ? SA_NOCLDSTOP : 0);
	sigaction(SIGCHLD, &sa, NULL);
	chld_count = 0;
	int st;
	pid_t pid = spawn_job(pause_child, NULL);
	kill(pid, SIGSTOP);
	waitpid(pid, &st, WUNTRACED);
	if (nocldstop) {
		sleep_ms(50);
		CHECK_EQ(chld_count, 0, "SA_NOCLDSTOP: no SIGCHLD for a stop");
	} else {
		CHECK(wait_chld(1), "SIGCHLD for a stop");
		CHECK(chld_code == CLD_STOPPED && chld_status == SIGSTOP && chld_pid == pid,
		      "si_code CLD_STOPPED, si_status SIGSTOP, si_pid the child");
	}
	kill(pid, SIGCONT);
	waitpid(pid, &st, WCONTINUED);
	if (nocldstop) {
		sleep_ms(50);
		CHECK_EQ(chld_count, 0, "SA_NOCLDSTOP: no SIGCHLD for a continue");
	} else {
		CHECK(wait_chld(2), "SIGCHLD for a continue");
		CHECK(chld_code == CLD_CONTINUED && chld_status == SIGCONT && chld_pid == pid,
		      "si_code CLD_CONTINUED, si_status SIGCONT");
	}
	int before = chld_count;
	kill(pid, SIGKILL);
	waitpid(pid, &st, 0);
	CHECK(wait_chld(before + 1), "SIGCHLD for the end in any case");
	CHECK_EQ(chld_code, CLD_KILLED, "si_code CLD_KILLED");
	signal(SIGCHLD, SIG_DFL);
}

int main(void)
{
	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	/* Blocked from the start, children included: a stop may land before a
	 * child has run at all. */
	sigprocmask(SIG_BLOCK, &set, NULL);
	alarm(60);
	test_stop_cont();
	test_handlers_and_masks();
	test_thread_group();
	test_sigchld(0);
	test_sigchld(1);
	return done();
}
