/* prctl_sysinfo: prctl's PR_SET_NAME/PR_GET_NAME set and read the name
 * /proc/self/comm shows (cut to 15 bytes, EFAULT for a bad pointer, EINVAL
 * for an option nobody knows); sysinfo reports an uptime, memory that adds
 * up and at least the running process. Raw system calls, so both libcs ask
 * the kernel the same thing. */
#include "check.h"

#include <fcntl.h>

#include <uapi/prctl.h>
#include <uapi/sysinfo.h>

static void read_comm(char *buf, size_t size)
{
	int fd = open("/proc/self/comm", O_RDONLY);
	ssize_t n = fd < 0 ? -1 : read(fd, buf, size - 1);
	buf[n > 0 ? n : 0] = '\0';
	if (fd >= 0)
		close(fd);
}

int main(void)
{
	char name[TASK_COMM_LEN + 8], comm[64];
	CHECK_EQ(raw_syscall(__NR_prctl, PR_SET_NAME, (long)"renamed", 0), 0, "PR_SET_NAME");
	memset(name, 'x', sizeof name);
	CHECK_EQ(raw_syscall(__NR_prctl, PR_GET_NAME, (long)name, 0), 0, "PR_GET_NAME");
	CHECK(strcmp(name, "renamed") == 0, "PR_GET_NAME gives the name back");
	read_comm(comm, sizeof comm);
	CHECK(strcmp(comm, "renamed\n") == 0, "/proc/self/comm shows it");

	CHECK_EQ(raw_syscall(__NR_prctl, PR_SET_NAME, (long)"a-name-longer-than-fifteen", 0), 0,
		 "PR_SET_NAME with a long name");
	raw_syscall(__NR_prctl, PR_GET_NAME, (long)name, 0);
	CHECK(strcmp(name, "a-name-longer-t") == 0, "the name is cut to 15 bytes");
	CHECK_EQ(raw_syscall(__NR_prctl, PR_SET_NAME, (long)null_ptr(), 0), -EFAULT,
		 "PR_SET_NAME from a bad pointer: EFAULT");
	CHECK_EQ(raw_syscall(__NR_prctl, PR_GET_NAME, (long)null_ptr(), 0), -EFAULT,
		 "PR_GET_NAME to a bad pointer: EFAULT");
	CHECK_EQ(raw_syscall(__NR_prctl, 0x7fff0000, 0, 0), -EINVAL, "an unknown option: EINVAL");

	struct sysinfo si;
	_Static_assert(sizeof si == 64, "the i386 layout");
	memset(&si, 0xff, sizeof si);
	CHECK_EQ(raw_syscall(__NR_sysinfo, (long)&si, 0, 0), 0, "sysinfo");
	CHECK(si.uptime > 0, "an uptime of at least a second (rounded up)");
	CHECK(si.mem_unit >= 1 && si.totalram > 0 && si.freeram <= si.totalram, "free memory within the total");
	CHECK(si.procs >= 1, "at least this process");
	CHECK(si.freeswap <= si.totalswap, "swap adds up");
	CHECK_EQ(raw_syscall(__NR_sysinfo, (long)null_ptr(), 0, 0), -EFAULT, "sysinfo to a bad pointer: EFAULT");
	return done();
}
