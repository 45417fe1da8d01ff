/* ioctltest_test: /dev/ioctltest [seed 003]: two opens keep separate values
 * (0xFF at first, stored as an unsigned char, what read fills the buffer
 * with), the number set by value through one open is read through the other,
 * an unknown command is ENOTTY and bad pointers are EFAULT. Prints one line
 * per check and exits 0 when all pass. */
#include "tests/check.h"

#include <fcntl.h>
#include <sys/ioctl.h>

#include <uapi/ioctltest.h>

static unsigned get_val(int fd)
{
	struct ioctl_arg a = { 0 };
	return ioctl(fd, IOCTL_VALGET, &a) == 0 ? a.val : ~0u;
}

static int all_bytes(const unsigned char *p, size_t n, unsigned char v)
{
	for (size_t i = 0; i < n; i++)
		if (p[i] != v)
			return 0;
	return 1;
}

int main(void)
{
	int a = CHECK_OK(open(IOCTLTEST_PATH, O_RDWR), "open /dev/ioctltest (first)");
	int b = CHECK_OK(open(IOCTLTEST_PATH, O_RDWR), "open /dev/ioctltest (second)");
	CHECK_EQ(get_val(a), 0xff, "a new open starts with val 0xff");

	struct ioctl_arg set = { 0x12 };
	CHECK_OK(ioctl(a, IOCTL_VALSET, &set), "IOCTL_VALSET 0x12 on the first open");
	CHECK_EQ(get_val(a), 0x12, "the first open reads back 0x12");
	CHECK_EQ(get_val(b), 0xff, "the second open still has 0xff");
	set.val = 0x1234;
	ioctl(b, IOCTL_VALSET, &set);
	CHECK_EQ(get_val(b), 0x34, "val is kept as an unsigned char (0x1234 -> 0x34)");

	unsigned char buf[64];
	CHECK_EQ(read(a, buf, sizeof buf), sizeof buf, "read fills the whole buffer");
	CHECK(all_bytes(buf, sizeof buf, 0x12), "with the open's val (0x12)");
	CHECK_EQ(read(b, buf, 5), 5, "read 5 on the second open");
	CHECK(all_bytes(buf, 5, 0x34), "gives its own val (0x34)");

	int num = -1;
	CHECK_OK(ioctl(a, IOCTL_VALSET_NUM, 42), "IOCTL_VALSET_NUM 42 through the first open");
	CHECK_OK(ioctl(b, IOCTL_VALGET_NUM, &num), "IOCTL_VALGET_NUM through the second open");
	CHECK_EQ(num, 42, "the number is shared by all opens");

	CHECK_ERR(ioctl(a, _IO(IOC_MAGIC, IOCTL_VAL_MAXNR + 1)), ENOTTY, "unknown command ENOTTY");
	CHECK_ERR(ioctl(a, _IO('k', 0)), ENOTTY, "another type's command ENOTTY");
	CHECK_ERR(ioctl(a, IOCTL_VALSET, null_ptr()), EFAULT, "IOCTL_VALSET from NULL EFAULT");
	CHECK_ERR(ioctl(a, IOCTL_VALGET, unmapped_page()), EFAULT,
		  "IOCTL_VALGET to an unmapped page EFAULT");
	CHECK_ERR(ioctl(a, IOCTL_VALGET_NUM, null_ptr()), EFAULT, "IOCTL_VALGET_NUM to NULL EFAULT");
	CHECK_ERR(read(a, null_ptr(), 4), EFAULT, "read into NULL EFAULT");
	CHECK_EQ(get_val(a), 0x12, "failed calls changed nothing");

	close(a);
	close(b);
	a = open(IOCTLTEST_PATH, O_RDONLY);
	CHECK_EQ(get_val(a), 0xff, "a fresh open starts again at 0xff");
	num = -1;
	ioctl(a, IOCTL_VALGET_NUM, &num);
	CHECK_EQ(num, 42, "and the shared number outlives the opens");
	close(a);
	return done();
}
