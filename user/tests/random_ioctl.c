/* random_ioctl: /dev/random's and /dev/urandom's ioctls: RNDGETENTCNT says
 * the pool's 256 bits, a bad pointer is EFAULT, an unknown 'R' command
 * EINVAL; another device answers ENOTTY. */
#include "check.h"

#include <sys/ioctl.h>
#include <uapi/random.h>

int main(void)
{
	const char *devs[] = { "/dev/random", "/dev/urandom" };
	for (int i = 0; i < 2; i++) {
		int fd = open(devs[i], O_RDONLY);
		int n = -1;
		CHECK(fd >= 0 && ioctl(fd, RNDGETENTCNT, &n) == 0 && n == 256, "RNDGETENTCNT: 256");
		CHECK_ERR(ioctl(fd, RNDGETENTCNT, (int *)null_ptr()), EFAULT, "RNDGETENTCNT to NULL: EFAULT");
		CHECK_ERR(ioctl(fd, _IO('R', 0x20)), EINVAL, "an unknown command: EINVAL");
		close(fd);
	}
	int fd = open("/dev/null", O_RDONLY);
	int n;
	CHECK_ERR(ioctl(fd, RNDGETENTCNT, &n), ENOTTY, "RNDGETENTCNT on /dev/null: ENOTTY");
	close(fd);
	return done();
}
