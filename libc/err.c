/* err.c: the BSD err/warn family: "prog: message[: strerror(errno)]\n" on stderr, where prog is
 * argv[0] without its directory, as glibc prints it. */
#include <err.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern const char *__progname;

static void report(const char *fmt, va_list ap, int with_errno)
{
	int e = errno;

	fprintf(stderr, "%s: ", __progname);
	if (fmt) {
		vfprintf(stderr, fmt, ap);
		if (with_errno)
			fputs(": ", stderr);
	}
	if (with_errno)
		fputs(strerror(e), stderr);
	fputc('\n', stderr);
}

void vwarn(const char *fmt, va_list ap) { report(fmt, ap, 1); }
void vwarnx(const char *fmt, va_list ap) { report(fmt, ap, 0); }

void verr(int status, const char *fmt, va_list ap)
{
	report(fmt, ap, 1);
	exit(status);
}

void verrx(int status, const char *fmt, va_list ap)
{
	report(fmt, ap, 0);
	exit(status);
}

#define FORWARD(call)       \
	va_list ap;         \
	va_start(ap, fmt);  \
	call;               \
	va_end(ap)

void warn(const char *fmt, ...) { FORWARD(vwarn(fmt, ap)); }
void warnx(const char *fmt, ...) { FORWARD(vwarnx(fmt, ap)); }
void err(int status, const char *fmt, ...) { FORWARD(verr(status, fmt, ap)); }
void errx(int status, const char *fmt, ...) { FORWARD(verrx(status, fmt, ap)); }
