/* getopt.c: POSIX getopt (short options; "::" optional arguments as in glibc; no permutation:
 * parsing stops at the first non-option, as POSIXLY_CORRECT glibc does). */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

char *optarg;
int optind = 1, opterr = 1, optopt;
static int nextchar;	/* position inside a group of options such as -abc */

extern const char *__progname;

int getopt(int argc, char *const argv[], const char *optstring)
{
	const char *arg, *spec;
	int c, colon = optstring[0] == ':';

	optarg = NULL;
	if (optind >= argc || !(arg = argv[optind]) || arg[0] != '-' || !arg[1])
		return -1;
	if (!strcmp(arg, "--")) {
		optind++;
		return -1;
	}
	if (!nextchar)
		nextchar = 1;
	c = (unsigned char)arg[nextchar++];
	spec = c == ':' ? NULL : strchr(optstring + colon, c);
	if (!spec) {
		optopt = c;
		if (opterr && !colon)
			fprintf(stderr, "%s: invalid option -- '%c'\n", __progname, c);
		c = '?';
	} else if (spec[1] == ':') {
		if (arg[nextchar]) {
			optarg = (char *)arg + nextchar;
		} else if (spec[2] != ':') {
			if (optind + 1 >= argc) {
				optopt = c;
				if (opterr && !colon)
					fprintf(stderr, "%s: option requires an argument -- '%c'\n", __progname, c);
				optind++;
				nextchar = 0;
				return colon ? ':' : '?';
			}
			optarg = argv[++optind];
		}
		optind++;
		nextchar = 0;
		return c;
	}
	if (!arg[nextchar]) {
		optind++;
		nextchar = 0;
	}
	return c;
}
