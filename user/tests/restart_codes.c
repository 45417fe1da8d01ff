/* restart_codes: a system call whose plain result equals a restart code
 * (-ERESTARTSYS is 0xfffffe00, a valid uid) returns it when no signal is
 * pending, as Linux; the kernel used to restart getuid for ever after
 * setuid(0xfffffe00), found by the fuzzer (seed 302, child 95). */
#include "check.h"

static int odd_uid(void *arg)
{
	(void)arg;
	alarm(5);               /* the old kernel spun here: SIGALRM ends the child */
	if (raw_syscall6(__NR_setuid32, 0xfffffe00, 0, 0, 0, 0, 0) != 0)
		return 1;
	if ((unsigned long)raw_syscall6(__NR_getuid32, 0, 0, 0, 0, 0, 0) != 0xfffffe00ul)
		return 2;
	if ((unsigned long)raw_syscall6(__NR_geteuid32, 0, 0, 0, 0, 0, 0) != 0xfffffe00ul)
		return 3;
	return 0;
}

int main(void)
{
	if (geteuid() == 0)
		CHECK_EQ(wait_status(spawn(odd_uid, NULL)), 0, "getuid returns uid 0xfffffe00 (-ERESTARTSYS) once");
	else
		check_record(1, "getuid returns uid 0xfffffe00 (-ERESTARTSYS) once", NULL);
	return done();
}
