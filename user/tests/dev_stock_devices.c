/* dev_stock_devices: the devices as a program built by someone who has only
 * docs/devices.md and a stock toolchain sees them: no project header, every number
 * written out from the spec (ioctl commands with <sys/ioctl.h>'s _IOC
 * macros, majors and minors as literals). Built with glibc it shows the
 * kernel honours the published ABI, not just the project's own headers. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

static int total, failed;

static void check(int ok, const char *what)
{
	total++;
	failed += !ok;
	printf("%s - %s\n", ok ? "ok" : "FAIL", what);
	fflush(stdout);
}

static int node(const char *path, unsigned ma, unsigned mi)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISCHR(st.st_mode) && major(st.st_rdev) == ma &&
	       minor(st.st_rdev) == mi;
}

static void test_nodes(void)
{
	check(node("/dev/null", 1, 3) && node("/dev/zero", 1, 5) && node("/dev/full", 1, 7) &&
	      node("/dev/random", 1, 8) && node("/dev/urandom", 1, 9), "mem devices 1,3 1,5 1,7 1,8 1,9");
	check(node("/dev/tty", 5, 0) && node("/dev/console", 5, 1) && node("/dev/ttyS0", 4, 64) &&
	      node("/dev/tty1", 4, 1), "terminals 5,0 5,1 4,64 4,1");
	check(node("/dev/fd_test", 10, 243), "/dev/fd_test is 10,243");
	check(node("/dev/chardev", 77, 0), "/dev/chardev is 77,0");
	check(node("/dev/char_dev", 100, 0), "/dev/char_dev is 100,0");
}

static void test_fd_test(void)
{
	int fd = open("/dev/fd_test", O_RDWR);
	int anon = ioctl(fd, 0, 4321UL);
	check(anon >= 0 && ioctl(anon, 0, 0UL) == 4321, "fd_test: ioctl 0 gives an fd whose ioctl 0 is the id");
	errno = 0;
	check(ioctl(fd, 1, 0UL) == -1 && errno == EINVAL, "fd_test: command 1 EINVAL");
	close(anon);
	close(fd);
}

static void test_chardev(void)
{
	int fd = open("/dev/chardev", O_RDWR);
	int v = 41;
	check(ioctl(fd, _IOC(_IOC_NONE, 0xAE, 0, 0), 40) == 0 &&
	      ioctl(fd, _IOC(_IOC_NONE, 0xAE, 2, 0)) == 40, "chardev: TELL 40, QUERY 40");
	check(ioctl(fd, _IOC(_IOC_WRITE, 0xAE, 1, sizeof(int)), &v) == 0 && (v = 0) == 0 &&
	      ioctl(fd, _IOC(_IOC_READ, 0xAE, 3, sizeof(int)), &v) == 0 && v == 41,
	      "chardev: SET 41, GET 41");
	check(ioctl(fd, _IOC(_IOC_NONE, 0xAE, 4, 0)) == 0, "chardev: RESET");
	close(fd);
}

static void test_char_dev(void)
{
	int fd = open("/dev/char_dev", O_RDWR);
	char msg[81] = { 0 };
	check(ioctl(fd, _IOW(100, 0, char *), "stock") == 0 &&
	      ioctl(fd, _IOWR(100, 2, int), 1) == 't' &&
	      ioctl(fd, _IOR(100, 1, char *), msg) == 0 && strcmp(msg, "stock") == 0,
	      "char_dev: SET_MSG, GET_NTH_BYTE, GET_MSG");
	close(fd);
}

static void test_ioctltest(void)
{
	struct { unsigned int val; } a = { 0x5a };
	int num = 0;
	int fd = open("/dev/ioctltest", O_RDWR);
	check(ioctl(fd, _IOW(0x66, 0, a), &a) == 0 && (a.val = 0) == 0 &&
	      ioctl(fd, _IOR(0x66, 1, a), &a) == 0 && a.val == 0x5a, "ioctltest: VALSET, VALGET");
	check(ioctl(fd, _IOW(0x66, 3, int), 99) == 0 && ioctl(fd, _IOR(0x66, 2, int), &num) == 0 &&
	      num == 99, "ioctltest: VALSET_NUM, VALGET_NUM");
	errno = 0;
	check(ioctl(fd, _IO(0x66, 4)) == -1 && errno == ENOTTY, "ioctltest: unknown ENOTTY");
	close(fd);
}

static void test_scull(void)
{
	int fd = open("/dev/scull0", O_RDWR);
	int q = 0;
	check(ioctl(fd, _IO('k', 0)) == 0 && ioctl(fd, _IO('k', 7)) == 4000 &&
	      ioctl(fd, _IO('k', 8)) == 1000, "scull: RESET, QQUANTUM 4000, QQSET 1000");
	check(ioctl(fd, _IOR('k', 5, int), &q) == 0 && q == 4000, "scull: GQUANTUM 4000");
	check(ioctl(fd, _IO('k', 11), 2000) == 4000 && ioctl(fd, _IO('k', 12), 500) == 1000 &&
	      ioctl(fd, _IO('k', 0)) == 0, "scull: HQUANTUM, HQSET, RESET");
	check(ioctl(fd, _IO('k', 14)) == 4000, "scull: P_IOCQSIZE 4000");
	errno = 0;
	check(ioctl(fd, _IO('k', 15)) == -1 && errno == ENOTTY, "scull: number 15 ENOTTY");
	close(fd);
}

int main(void)
{
	test_nodes();
	test_fd_test();
	test_chardev();
	test_char_dev();
	test_ioctltest();
	test_scull();
	printf("%d checks, %d failed\n", total, failed);
	return failed ? 1 : 0;
}
