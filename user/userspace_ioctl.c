/* userspace_ioctl: sets /dev/char_dev's message through an ioctl, then reads
 * it back byte by byte and whole [seed 003]. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <uapi/char_dev.h>

static int ioctl_set_msg(int file_desc, char *message)
{
	int ret_val = ioctl(file_desc, IOCTL_SET_MSG, message);
	if (ret_val < 0)
		printf("ioctl_set_msg failed:%d\n", ret_val);
	return ret_val;
}

static int ioctl_get_msg(int file_desc)
{
	/* The driver writes the message and a NUL: CHAR_DEV_BUF_LEN + 1 bytes at most. */
	char message[CHAR_DEV_BUF_LEN + 1] = { 0 };
	int ret_val = ioctl(file_desc, IOCTL_GET_MSG, message);
	if (ret_val < 0)
		printf("ioctl_get_msg failed:%d\n", ret_val);
	printf("get_msg message:%s", message);
	return ret_val;
}

/* Unlike the seed, the terminating NUL is not printed. */
static int ioctl_get_nth_byte(int file_desc)
{
	int i = 0, c;
	printf("get_nth_byte message:");
	for (;;) {
		c = ioctl(file_desc, IOCTL_GET_NTH_BYTE, i++);
		if (c < 0) {
			printf("\nioctl_get_nth_byte failed at the %d'th byte:\n", i);
			return c;
		}
		if (c == 0)
			return 0;
		putchar(c);
	}
}

int main(void)
{
	char msg[] = "Message passed by ioctl\n";
	int file_desc = open(DEVICE_PATH, O_RDWR);
	if (file_desc < 0) {
		printf("Can't open device file: %s, error:%d\n", DEVICE_PATH, file_desc);
		exit(EXIT_FAILURE);
	}
	if (ioctl_set_msg(file_desc, msg) || ioctl_get_nth_byte(file_desc) ||
	    ioctl_get_msg(file_desc)) {
		close(file_desc);
		exit(EXIT_FAILURE);
	}
	close(file_desc);
	return 0;
}
