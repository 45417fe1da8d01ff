/* dev_ioctltest: /dev/ioctltest [seed 003]: the node on the dynamic major
 * /proc/devices names, then ioctltest_test (separate values per open, the
 * shared number, ENOTTY, EFAULT) with its check lines in this log. */
#include "dev_util.h"

#include <uapi/ioctltest.h>

int main(void)
{
	int major = devices_major("ioctltest");
	CHECK(major >= 234 && major <= 254, "/proc/devices lists ioctltest on a dynamic major");
	CHECK(is_chr_node(IOCTLTEST_PATH, major, 0, 0666, 0, 0), "/dev/ioctltest is that major, 0");
	char *argv[] = { "/bin/ioctltest_test", NULL };
	expect_exit(run_inherit(argv), 0, "ioctltest_test passes");
	return done();
}
