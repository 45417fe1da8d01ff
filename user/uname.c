/* uname: prints system information: -s kernel name (the default), -n node name, -r release,
 * -v version, -m machine, -a all of them; always in that order. */
#include <err.h>
#include <stdio.h>
#include <string.h>
#include <sys/utsname.h>

static const char letters[] = "snrvm";

static _Noreturn void usage(void)
{
	errx(2, "usage: uname [-%s] [-a]", letters);
}

int main(int argc, char **argv)
{
	struct utsname u;
	int chosen = 0; /* bit i: print the field of letters[i] */

	for (int i = 1; i < argc; i++) {
		if (argv[i][0] != '-' || !argv[i][1])
			usage();
		for (const char *o = argv[i] + 1; *o; o++) {
			const char *p = strchr(letters, *o);
			if (*o == 'a')
				chosen = (1 << strlen(letters)) - 1;
			else if (p)
				chosen |= 1 << (p - letters);
			else
				usage();
		}
	}
	if (uname(&u) < 0)
		err(1, "uname");
	const char *fields[] = { u.sysname, u.nodename, u.release, u.version, u.machine };
	for (int i = 0, sep = 0; i < 5; i++)
		if ((chosen ? chosen : 1) & (1 << i))
			printf(sep++ ? " %s" : "%s", fields[i]);
	putchar('\n');
	return 0;
}
