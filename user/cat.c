/* cat: copies each file ("-" or none at all: stdin) to stdout. */
#include <err.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

/* Returns 0, or 1 after reporting a read error; a write error ends the program. */
static int copy(int fd, const char *name)
{
	char buf[4096];
	ssize_t n, w;

	while ((n = read(fd, buf, sizeof buf)) > 0)
		for (ssize_t off = 0; off < n; off += w)
			if ((w = write(1, buf + off, n - off)) < 0)
				err(1, "write");
	if (n == 0)
		return 0;
	warn("%s", name);
	return 1;
}

int main(int argc, char **argv)
{
	int status = 0;

	if (argc == 1)
		return copy(0, "stdin");
	for (int i = 1; i < argc; i++) {
		int fd = strcmp(argv[i], "-") == 0 ? 0 : open(argv[i], O_RDONLY);

		if (fd < 0) {
			warn("%s", argv[i]);
			status = 1;
			continue;
		}
		status |= copy(fd, argv[i]);
		if (fd != 0)
			close(fd);
	}
	return status;
}
