/* ioctl_test: drives /dev/chardev's 0xAE ioctls [seed 002]: tells the driver
 * a value, queries it, sets value + 1 through a pointer, gets it back the
 * same way, and resets the driver's use count. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <uapi/chardev.h>

int main(void)
{
	int setval = 0;
	int retval;
	int fd;

	if ((fd = open(CHARDEV_PATH, O_RDWR)) < 0) {
		perror("open");
		exit(1);
	}

	printf("Tell driver to update internal value ...\n");
	if (ioctl(fd, CHARDEV_IOCTL_TELL, setval) == -1)
		perror("ioctl( CHARDEV_IOCTL_TELL )");

	printf("Query driver internal value ...\n");
	if ((retval = ioctl(fd, CHARDEV_IOCTL_QUERY)) == -1)
		perror("ioctl( CHARDEV_IOCTL_QUERY )");
	printf("Internal value = %d\n", retval);
	setval = retval + 1;

	printf("Tell driver to update internal value via pointer ...\n");
	if (ioctl(fd, CHARDEV_IOCTL_SET, &setval) == -1)
		perror("ioctl( CHARDEV_IOCTL_SET )");

	printf("Query driver internal value via pointer ...\n");
	if (ioctl(fd, CHARDEV_IOCTL_GET, &retval) == -1)
		perror("ioctl( CHARDEV_IOCTL_GET )");
	printf("Internal value = %d\n", retval);

	printf("Reset reference counter ...\n");
	if (ioctl(fd, CHARDEV_IOCTL_RESET) == -1)
		perror("ioctl( CHARDEV_IOCTL_RESET )");

	close(fd);
	return 0;
}
