/* linux_details: small corners where Linux has a definite answer: signalling
 * a zombie succeeds, setuid(-1) is EINVAL, mprotect of unmapped memory is
 * ENOMEM, the thread CPU clock cannot be slept on (EOPNOTSUPP). Raw system
 * calls, so both libcs ask the kernel the same thing. */
#include "check.h"

#include <sys/mman.h>

static int exit_at_once(void *unused)
{
	(void)unused;
	return 0;
}

int main(void)
{
	pid_t pid = spawn(exit_at_once, NULL);
	sleep_ms(100);                  /* now a zombie: not yet waited for */
	CHECK_EQ(raw_syscall(__NR_tgkill, pid, pid, SIGUSR1), 0, "tgkill of a zombie succeeds");
	CHECK_EQ(raw_syscall(__NR_kill, pid, SIGUSR1, 0), 0, "kill of a zombie succeeds");
	expect_exit(wait_status(pid), 0, "the zombie is reaped as it was");

	CHECK_EQ(raw_syscall(__NR_setuid32, -1, 0, 0), -EINVAL, "setuid(-1) EINVAL");

	void *page = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	munmap(page, 4096);
	CHECK_EQ(raw_syscall(__NR_mprotect, (long)page, 4096, PROT_READ), -ENOMEM,
		 "mprotect of an unmapped page ENOMEM");

	struct timespec ts = { 0, 1000 };
	CHECK_EQ(raw_syscall(__NR_clock_nanosleep, CLOCK_THREAD_CPUTIME_ID, 0, (long)&ts), -EOPNOTSUPP,
		 "clock_nanosleep on the thread CPU clock EOPNOTSUPP");

	return done();
}
