/* oops_test.c: /dev/oops_test, a misc device whose ioctls (uapi/oops_test.h)
 * fault, BUG or WARN on purpose, so that the tests can check that an oops
 * kills only the calling process and that every report names the function
 * and line at fault, here in this file. */
#include "initcall.h"
#include "kernel.h"
#include "dev/miscdevice.h"
#include "uapi/errno.h"
#include "uapi/oops_test.h"
#include "x86/x86.h"

/* Out of line and through a volatile pointer, so the fault is here at -O2 too. */
static const int null_write_line = __LINE__ + 4;
static __attribute__((noinline)) void write_null(int value)
{
	volatile int *volatile p = NULL;
	*p = value;
}

static long oops_test_ioctl(struct file *filp, unsigned int cmd, unsigned long arg)
{
	(void)filp;
	char *volatile dst = NULL;
	switch (cmd) {
	case OOPS_TEST_NULL_WRITE:
		write_null((int)arg);
		return 0;
	case OOPS_TEST_MEMCPY:
		memcpy(dst, &arg, sizeof(arg));
		return 0;
	case OOPS_TEST_BUG:
		BUG_ON(arg == 0);
		return 0;
	case OOPS_TEST_WARN:
		return WARN_ON(arg == 0) ? 0 : -EINVAL;
	case OOPS_TEST_NULL_WRITE_IRQS_OFF:
		cli();
		write_null((int)arg);
		return 0;
	case OOPS_TEST_NULL_LINE:
		return null_write_line;
	case OOPS_TEST_WARN_ONCE:
		return WARN_ON_ONCE(arg == 0) ? 0 : -EINVAL;
	}
	return -ENOTTY;
}

static const struct file_operations oops_test_fops = {
	.unlocked_ioctl = oops_test_ioctl,
};

static struct miscdevice oops_test_dev = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "oops_test",
	.fops = &oops_test_fops,
	.mode = 0600,
};

static int oops_test_init(void)
{
	return misc_register(&oops_test_dev);
}
device_initcall(oops_test_init);
