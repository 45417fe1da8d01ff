/* cd_test STRING: writes STRING to /dev/cd_example and reads it back
 * [seed 001]. Exit 1 with a usage line without an argument, and with
 * "string too long" when it does not fit the device's 512-byte buffer. */
#include <err.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <uapi/cd_example.h>

int main(int argc, char **argv)
{
	if (argc != 2) {
		const char *slash = strrchr(argv[0], '/');
		return printf("Usage: %s <string>\n", slash ? slash + 1 : argv[0]), 1;
	}
	size_t len = strlen(argv[1]);
	if (len + 1 > CD_EXAMPLE_MAXLEN)
		return printf("string too long\n"), 1;

	int fd = open(CD_EXAMPLE_PATH, O_RDWR);
	if (fd < 0)
		err(1, "open");
	if (write(fd, argv[1], len) < 0)
		err(1, "write");
	printf("write \"%s\" to %s succeed!\n", argv[1], CD_EXAMPLE_PATH);

	/* The device gives the string back with its NUL. */
	char buf[CD_EXAMPLE_MAXLEN + 1] = { 0 };
	if (read(fd, buf, len + 1) < 0)
		err(1, "read");
	printf("read \"%s\" from %s succeed!\n", buf, CD_EXAMPLE_PATH);
	close(fd);
	return 0;
}
