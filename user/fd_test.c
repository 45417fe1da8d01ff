/* fd_test [id]: opens /dev/fd_test, asks it for a new fd holding id (1234 by
 * default) and reads the id back through that fd: prints "id is <id>"
 * [seed 000]. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <uapi/fd_test.h>

int main(int argc, char **argv)
{
	unsigned long id = argc == 2 ? strtoul(argv[1], NULL, 10) : 1234UL;
	int fd = open(FD_TEST_PATH, O_RDWR);
	if (fd < 0) {
		perror("open");
		exit(1);
	}
	int anon_fd = ioctl(fd, FD_TEST_NEW_FD, id);
	if (anon_fd < 0) {
		perror("ioctl");
		exit(1);
	}
	int r = ioctl(anon_fd, FD_TEST_GET_ID, 0UL);
	printf("id is %d\n", r);
	close(anon_fd);
	close(fd);
	return 0;
}
