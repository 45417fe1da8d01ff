/* enosys: system call numbers the kernel does not implement return -ENOSYS.
 * Both out-of-range numbers and the holes Linux itself leaves in the i386 table
 * (obsolete calls such as break, stty, gtty, ftime, prof, lock, mpx, ulimit, profil,
 * afs_syscall, getpmsg, putpmsg and unassigned slots) must fail cleanly: never a panic,
 * never a silent 0, and the process goes on making normal calls afterwards. */
#include "check.h"

/* Numbers that are sys_ni_syscall in Linux's syscall_32.tbl: named obsolete calls, and
 * slots that were never assigned (222, 223, 251, 285, so they have no name). */
static const long holes[] = {
	__NR_break, __NR_stty, __NR_gtty, __NR_ftime, __NR_prof, __NR_lock, __NR_mpx,
	__NR_ulimit, __NR_profil, __NR_afs_syscall, __NR_getpmsg, __NR_putpmsg,
	222, 223, 251, 285,
};

int main(void)
{
	CHECK_EQ(raw_syscall(9999, 0, 0, 0), -ENOSYS, "syscall 9999 returns -ENOSYS");
	CHECK_ERR(sys_call(9999, 1, 2, 3), ENOSYS, "syscall 9999 is -1/ENOSYS through errno");
	CHECK_EQ(raw_syscall(1000, 0, 0, 0), -ENOSYS, "syscall 1000 returns -ENOSYS");
	CHECK_EQ(raw_syscall(0x7fffffff, 0, 0, 0), -ENOSYS, "syscall 0x7fffffff returns -ENOSYS");
	CHECK_EQ(raw_syscall(-2, 0, 0, 0), -ENOSYS, "negative syscall number returns -ENOSYS");

	int bad = 0;
	for (unsigned i = 0; i < sizeof holes / sizeof holes[0]; i++)
		if (raw_syscall(holes[i], 0, 0, 0) != -ENOSYS)
			bad++;
	CHECK_EQ(bad, 0, "unimplemented Linux i386 slots return -ENOSYS");

	/* The failed calls must not have disturbed anything: ordinary calls still work. */
	CHECK(getpid() > 0, "getpid works after ENOSYS");
	CHECK_EQ(write(1, "", 0), 0, "write works after ENOSYS");
	return done();
}
