/* echo: prints its arguments separated by spaces; -n (as the first argument) omits the newline. */
#include <err.h>
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv)
{
	int newline = !(argc > 1 && strcmp(argv[1], "-n") == 0);
	int first = newline ? 1 : 2;

	for (int i = first; i < argc; i++) {
		if (i > first)
			putchar(' ');
		fputs(argv[i], stdout);
	}
	if (newline)
		putchar('\n');
	if (fflush(stdout) == EOF)
		err(1, "write");
	return 0;
}
