/* stdio_line.c: character and line helpers built on the stream core: getc/getchar, fgets,
 * getline/getdelim, putc/putchar, fputs/puts. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "stdio_impl.h"

int getc(FILE *f) { return fgetc(f); }
int getchar(void) { return fgetc(stdin); }
int putc(int c, FILE *f) { return fputc(c, f); }
int putchar(int c) { return fputc(c, stdout); }

static char *do_fgets(char *s, int size, FILE *f)
{
	int i = 0, c = 0;

	if (size <= 0)
		return NULL;
	while (i < size - 1 && (c = fgetc(f)) != EOF) {
		s[i++] = (char)c;
		if (c == '\n')
			break;
	}
	if (i == 0 && c == EOF)
		return NULL;
	s[i] = 0;
	return s;
}

char *fgets(char *s, int size, FILE *f)
{
	return STREAM_LOCKED(f, char *, do_fgets(s, size, f));
}

static ssize_t do_getdelim(char **line, size_t *cap, int delim, FILE *f)
{
	size_t len = 0;
	int c;

	if (!line || !cap) {
		errno = EINVAL;
		return -1;
	}
	for (;;) {
		if (len + 2 > *cap || !*line) {
			size_t ncap = *cap < 64 ? 128 : *cap * 2;
			char *p = realloc(*line, ncap);

			if (!p)
				return -1;
			*line = p;
			*cap = ncap;
		}
		if ((c = fgetc(f)) == EOF)
			break;
		(*line)[len++] = (char)c;
		if (c == delim)
			break;
	}
	(*line)[len] = 0;
	return len || c != EOF ? (ssize_t)len : -1;
}

ssize_t getdelim(char **line, size_t *cap, int delim, FILE *f)
{
	return STREAM_LOCKED(f, ssize_t, do_getdelim(line, cap, delim, f));
}

ssize_t getline(char **line, size_t *cap, FILE *f)
{
	return getdelim(line, cap, '\n', f);
}

static int do_fputs(const char *s, FILE *f)
{
	size_t n = strlen(s);

	return __fwrite_bytes(s, n, f) == n ? 0 : EOF;
}

int fputs(const char *s, FILE *f)
{
	return STREAM_LOCKED(f, int, do_fputs(s, f));
}

static int do_puts(const char *s)
{
	return fputs(s, stdout) == EOF || fputc('\n', stdout) == EOF ? EOF : 0;
}

int puts(const char *s)
{
	return STREAM_LOCKED(stdout, int, do_puts(s));
}
