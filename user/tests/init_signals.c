/* init_signals: PID 1 gets only the signals it has handlers for, as Linux's
 * init (SIGNAL_UNKILLABLE): kill(1, SIGKILL) from root succeeds and does
 * nothing, where it used to end init and panic the kernel. tkill and tgkill
 * check permission like kill. Kernel-only: on the host the test is not root
 * and PID 1 is not its init. */
#include "check.h"

static int unprivileged_tkill(void *unused)
{
	(void)unused;
	pid_t parent = getppid();
	if (setuid(1000) != 0)
		return 2;
	if (sys_call(__NR_tkill, parent, 0, 0) != -1 || errno != EPERM)
		return 3;
	if (sys_call(__NR_tgkill, parent, parent, SIGKILL) != -1 || errno != EPERM)
		return 4;
	if (kill(parent, SIGKILL) != -1 || errno != EPERM)
		return 5;
	return 0;
}

int main(void)
{
	CHECK_EQ(kill(1, SIGTERM), 0, "kill(1, SIGTERM) as root");
	CHECK_EQ(kill(1, SIGKILL), 0, "kill(1, SIGKILL) as root");
	CHECK_EQ(sys_call(__NR_tkill, 1, SIGKILL, 0), 0, "tkill(1, SIGKILL) as root");
	sleep_ms(50);
	CHECK_EQ(kill(1, 0), 0, "init is still there");
	expect_exit(run_child(unprivileged_tkill, NULL), 0,
		    "tkill, tgkill and kill of another user's process: EPERM");
	return done();
}
