/* syscall_fuzz: a bounded run of the project's fuzzer (/bin/fuzz, user/fuzz.c)
 * with fixed seeds, as root and as uid 1000: no panic, no hang, no process
 * that SIGKILL cannot end, and free memory and the kernel heap back where
 * they were once the fuzzer has cleaned up (its -m). Each seed runs once
 * first so that the heap has grown to what the run needs: the measured run
 * then shows what was not given back. `make fuzz` runs it as long as asked.
 * Kernel-only: it fuzzes this kernel's devices. */
#include "check.h"

#define CALLS "4000"

static int fuzz(const char *seed, const char *uid, int memcheck)
{
	pid_t pid = fork();
	if (pid == 0) {
		/* Its lines (seed, child) stay on the console: after a panic
		 * the last one names the child to replay. */
		char *argv[] = { "fuzz", "-s", (char *)seed, "-n", CALLS, "-u", (char *)uid,
				 memcheck ? "-m" : NULL, NULL };
		execv("/bin/fuzz", argv);
		_exit(127);
	}
	return wait_status(pid);
}

int main(void)
{
	CHECK_EQ(fuzz("7", "-1", 0), 0, "fuzzing as root: no crash, no hang");
	CHECK_EQ(fuzz("8", "1000", 0), 0, "fuzzing as uid 1000: no crash, no hang");
	CHECK_EQ(fuzz("7", "-1", 1), 0, "as root again: memory and heap back where they were");
	CHECK_EQ(fuzz("8", "1000", 1), 0, "as uid 1000 again: memory and heap back where they were");
	return done();
}
