/* start.c: __libc_start, the C side of program start-up: finds argv, envp and the auxiliary vector
 * on the initial stack, sets up TLS, runs main and exits with its result. getauxval() lives here
 * since the auxiliary vector is found here. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include "sysdep.h"

extern char **environ;
const unsigned long *__auxv;
const char *__progname = "";	/* argv[0] without directories, for messages (err.c) */

int main(int argc, char **argv, char **envp);

void __libc_start(unsigned long *sp) __attribute__((noreturn, used));

void __libc_start(unsigned long *sp)
{
	int argc = (int)sp[0];
	char **argv = (char **)(sp + 1);
	char **envp = argv + argc + 1;
	char **p = envp;

	while (*p)
		p++;
	__auxv = (const unsigned long *)(p + 1);
	environ = envp;
	if (argc > 0 && argv[0]) {
		const char *slash = strrchr(argv[0], '/');

		__progname = slash ? slash + 1 : argv[0];
	}
	__tls_init(__auxv);
	exit(main(argc, argv, envp));
}

unsigned long getauxval(unsigned long type)
{
	const unsigned long *a;

	for (a = __auxv; a[0] != AT_NULL; a += 2)
		if (a[0] == type)
			return a[1];
	errno = ENOENT;
	return 0;
}
