/* printf_out.c: the printf family's front ends: each picks a sink (a stream, a string, a file
 * descriptor, or a growing heap buffer) and runs the __vformat engine into it. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "stdio_impl.h"

static int put_file(struct sink *s, const char *p, size_t n)
{
	return __fwrite_bytes(p, n, s->ctx) == n ? 0 : -1;
}

int vfprintf(FILE *f, const char *fmt, va_list ap)
{
	struct sink s = { put_file, f, 0 };

	return STREAM_LOCKED(f, int, __vformat(&s, fmt, ap));
}

struct strbuf {
	char *buf;
	size_t cap;		/* bytes that may be written, excluding the NUL */
	size_t len;
};

/* Truncates silently: snprintf reports the full length through total. */
static int put_str(struct sink *s, const char *p, size_t n)
{
	struct strbuf *b = s->ctx;

	if (b->len < b->cap) {
		size_t k = b->cap - b->len < n ? b->cap - b->len : n;

		memcpy(b->buf + b->len, p, k);
		b->len += k;
	}
	return 0;
}

int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	struct strbuf b = { buf, size ? size - 1 : 0, 0 };
	struct sink s = { put_str, &b, 0 };
	int r = __vformat(&s, fmt, ap);

	if (size)
		buf[b.len] = 0;
	return r;
}

int vsprintf(char *buf, const char *fmt, va_list ap)
{
	return vsnprintf(buf, (size_t)-1 / 2, fmt, ap);
}

/* Gathers output in a small buffer so a dprintf costs a few write calls, not one per piece. */
struct fdbuf {
	int fd;
	size_t len;
	char buf[256];
};

static int fd_flush(struct fdbuf *b)
{
	const char *p = b->buf;
	size_t n = b->len;

	b->len = 0;
	while (n) {
		ssize_t r = write(b->fd, p, n);

		if (r <= 0)
			return -1;
		p += r;
		n -= (size_t)r;
	}
	return 0;
}

static int put_fd(struct sink *s, const char *p, size_t n)
{
	struct fdbuf *b = s->ctx;

	while (n) {
		size_t k = sizeof b->buf - b->len < n ? sizeof b->buf - b->len : n;

		memcpy(b->buf + b->len, p, k);
		b->len += k;
		p += k;
		n -= k;
		if (b->len == sizeof b->buf && fd_flush(b))
			return -1;
	}
	return 0;
}

int vdprintf(int fd, const char *fmt, va_list ap)
{
	struct fdbuf b;
	struct sink s = { put_fd, &b, 0 };
	int r;

	b.fd = fd;
	b.len = 0;
	r = __vformat(&s, fmt, ap);
	return fd_flush(&b) ? -1 : r;
}

struct heapbuf {
	char *buf;
	size_t len, cap;
};

static int put_heap(struct sink *s, const char *p, size_t n)
{
	struct heapbuf *h = s->ctx;

	if (h->len + n + 1 > h->cap) {
		size_t cap = (h->len + n + 1) * 2;
		char *nb = realloc(h->buf, cap);

		if (!nb)
			return -1;
		h->buf = nb;
		h->cap = cap;
	}
	memcpy(h->buf + h->len, p, n);
	h->len += n;
	return 0;
}

int vasprintf(char **out, const char *fmt, va_list ap)
{
	struct heapbuf h = { NULL, 0, 0 };
	struct sink s = { put_heap, &h, 0 };
	int r = __vformat(&s, fmt, ap);

	if (r < 0 || (!h.buf && put_heap(&s, "", 0))) {
		free(h.buf);
		*out = NULL;
		return -1;
	}
	h.buf[h.len] = 0;
	*out = h.buf;
	return r;
}

int vprintf(const char *fmt, va_list ap)
{
	return vfprintf(stdout, fmt, ap);
}

/* The variadic forms only gather their arguments for the v-forms above. */
#define VARIADIC(call) \
	va_list ap;    \
	int r;         \
	va_start(ap, fmt); \
	r = call;      \
	va_end(ap);    \
	return r

int printf(const char *fmt, ...) { VARIADIC(vfprintf(stdout, fmt, ap)); }
int fprintf(FILE *f, const char *fmt, ...) { VARIADIC(vfprintf(f, fmt, ap)); }
int dprintf(int fd, const char *fmt, ...) { VARIADIC(vdprintf(fd, fmt, ap)); }
int sprintf(char *buf, const char *fmt, ...) { VARIADIC(vsprintf(buf, fmt, ap)); }
int snprintf(char *buf, size_t size, const char *fmt, ...) { VARIADIC(vsnprintf(buf, size, fmt, ap)); }
int asprintf(char **out, const char *fmt, ...) { VARIADIC(vasprintf(out, fmt, ap)); }
