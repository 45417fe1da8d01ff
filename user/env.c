/* env: without a command prints the environment; env NAME=value... command [args] runs the
 * command with those variables set. */
#include <err.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

extern char **environ;

int main(int argc, char **argv)
{
	int i = 1;
	char *eq;

	for (; i < argc && (eq = strchr(argv[i], '=')) != NULL; i++) {
		*eq = '\0';
		if (setenv(argv[i], eq + 1, 1) < 0)
			err(125, "%s", argv[i]);
	}
	if (i < argc) {
		execvp(argv[i], argv + i);
		err(errno == ENOENT ? 127 : 126, "%s", argv[i]);
	}
	for (char **e = environ; *e; e++)
		puts(*e);
	return 0;
}
