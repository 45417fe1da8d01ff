/* sleep: waits for the given number of seconds, which may have a fraction (sleep 0.25). */
#include <err.h>
#include <errno.h>
#include <time.h>

int main(int argc, char **argv)
{
	struct timespec ts = { 0, 0 };
	const char *s = argc == 2 ? argv[1] : "";
	long scale = 100000000;

	/* Parsed by hand rather than with strtod so that no floating point is needed. */
	if (*s < '0' || *s > '9')
		errx(2, "usage: sleep SECONDS");
	for (; *s >= '0' && *s <= '9'; s++)
		ts.tv_sec = ts.tv_sec * 10 + (*s - '0');
	if (*s == '.')
		for (s++; *s >= '0' && *s <= '9'; s++, scale /= 10)
			ts.tv_nsec += (*s - '0') * scale;
	if (*s)
		errx(2, "invalid time: %s", argv[1]);
	while (nanosleep(&ts, &ts) < 0)
		if (errno != EINTR)
			err(1, "nanosleep");
	return 0;
}
