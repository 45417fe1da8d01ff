/* dev_oops: a kernel fault in process context is an oops, as on Linux: the
 * report (registers and a backtrace naming the function and file:line at
 * fault and its callers, down to the user-mode frame) goes to the log, the
 * calling process dies (SIGKILL for a page fault, SIGSEGV for BUG, as Linux's
 * page_fault_oops and die() do), the kernel is tainted and goes on. WARN
 * reports and returns. Uses /dev/oops_test (drivers/test/oops_test.c). */
#include "check.h"
#include <fcntl.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <uapi/oops_test.h>
#include "klog.h"

static int do_ioctl(void *cmd)
{
	int fd = open(OOPS_TEST_PATH, O_RDWR);
	if (fd < 0)
		return 100;
	ioctl(fd, (unsigned long)cmd, 0);
	return 0;                           /* reached only if the kernel did not kill us */
}

static long tainted(void)
{
	char buf[32] = "";
	int fd = open("/proc/sys/kernel/tainted", O_RDONLY);
	if (fd < 0)
		return -1;
	long n = read(fd, buf, sizeof buf - 1);
	close(fd);
	return n > 0 ? strtol(buf, NULL, 10) : -1;
}

int main(void)
{
	int fd = open(OOPS_TEST_PATH, O_RDWR);
	CHECK(fd >= 0, "open /dev/oops_test");
	int line = ioctl(fd, OOPS_TEST_NULL_LINE, 0);
	char where[64];
	snprintf(where, sizeof where, " drivers/test/oops_test.c:%d", line);

	klog_clear();
	int st = run_child(do_ioctl, (void *)OOPS_TEST_NULL_WRITE);
	expect_signal(st, SIGKILL, "a NULL write in a driver kills the caller with SIGKILL");
	const char *log = klog_read();
	CHECK(klog_has(log, "BUG: kernel NULL pointer dereference, address: 00000000"), "the oops says NULL dereference");
	CHECK(klog_has(log, "#PF: supervisor write access in kernel mode"), "the oops says a kernel write");
	CHECK(klog_has(log, "Oops: 0002 [#"), "the oops line has the error code");
	const char *eip = klog_line_with(log, "EIP: ");
	CHECK(klog_line_has(eip, "EIP: write_null+0x") && klog_line_has(eip, where),
	      "EIP names the function and its file:line");
	CHECK(klog_has(log, "Call Trace:"), "the oops has a call trace");
	CHECK(klog_has(log, " oops_test_ioctl+0x"), "the trace names the driver's ioctl");
	CHECK(klog_has(log, " <user mode, system call> EIP: 0x"), "the trace ends at the user-mode frame");
	CHECK(klog_has(log, "---[ end trace"), "the oops has its end marker");
	CHECK((tainted() & (1 << 7)) != 0, "the kernel is tainted D (bit 7)");

	klog_clear();
	st = run_child(do_ioctl, (void *)OOPS_TEST_MEMCPY);
	expect_signal(st, SIGKILL, "a fault in memcpy kills the caller with SIGKILL");
	log = klog_read();
	CHECK(klog_has(log, "EIP: memcpy+0x"), "the oops names memcpy");
	CHECK(klog_has(log, " oops_test_ioctl+0x"), "and the driver that called it");

	klog_clear();
	st = run_child(do_ioctl, (void *)OOPS_TEST_BUG);
	expect_signal(st, SIGSEGV, "BUG_ON kills the caller with SIGSEGV");
	log = klog_read();
	CHECK(klog_has(log, "kernel BUG at drivers/test/oops_test.c:"), "BUG names its file:line");
	CHECK(klog_has(log, "invalid opcode: 0000 [#"), "BUG is an invalid-opcode oops");
	CHECK(klog_has(log, "Tainted: G      D"), "a later report shows the taint");

	klog_clear();
	CHECK_EQ(ioctl(fd, OOPS_TEST_WARN, 0), 0, "WARN_ON returns true and the ioctl goes on");
	log = klog_read();
	const char *warn = klog_line_with(log, "WARNING: CPU: 0 PID: ");
	CHECK(klog_line_has(warn, " at drivers/test/oops_test.c:"), "WARN names its file:line");
	CHECK(klog_line_has(warn, " oops_test_ioctl+0x"), "WARN names its function");
	CHECK((tainted() & (1 << 9)) != 0, "the kernel is tainted W (bit 9)");

	klog_clear();
	CHECK_EQ(ioctl(fd, OOPS_TEST_WARN_ONCE, 0), 0, "WARN_ON_ONCE returns true");
	CHECK(klog_has(klog_read(), "WARNING: CPU: 0"), "WARN_ON_ONCE reports the first time");
	klog_clear();
	CHECK_EQ(ioctl(fd, OOPS_TEST_WARN_ONCE, 0), 0, "WARN_ON_ONCE returns true again");
	CHECK(!klog_has(klog_read(), "WARNING: CPU: 0"), "WARN_ON_ONCE is silent the second time");
	close(fd);
	return done();
}
