/* printf.c: the kernel's formatter (kvsnprintf, snprintf), shared by kprintf,
 * panic and every file in /proc. Supports %d %i %u %x %X %o %p %s %c %% with
 * flags '-', '0' and '#', a width, a precision for strings and the l, ll, z
 * sizes; as in Linux, %pS prints a code address as function+0xoff/0xsize and
 * %pB a return address (the function of the call before it). */
#include "kernel.h"
#include "kallsyms.h"

struct outbuf {
	char *buf;
	size_t size;
	size_t len;
};

static void emit(struct outbuf *o, char c)
{
	if (o->len + 1 < o->size)
		o->buf[o->len] = c;
	o->len++;
}

static void emit_padded(struct outbuf *o, const char *s, size_t n, int width, bool left, char pad)
{
	int fill = width > (int)n ? width - (int)n : 0;
	if (!left && pad == '0' && n && (*s == '-')) {
		emit(o, *s++);
		n--;
	}
	if (!left)
		while (fill-- > 0)
			emit(o, pad);
	while (n--)
		emit(o, *s++);
	if (left)
		while (fill-- > 0)
			emit(o, ' ');
}

/* alt: C's '#' flag: 0x (0X) before a non-zero hexadecimal number, 0 before an octal one. */
static size_t format_number(char *tmp, unsigned long long v, unsigned base, bool upper, bool neg, bool alt)
{
	const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	char rev[24];
	size_t n = 0, k = 0;
	if (alt && v && base != 10) {
		tmp[k++] = '0';
		if (base == 16)
			tmp[k++] = upper ? 'X' : 'x';
	}
	do {
		rev[n++] = digits[v % base];
		v /= base;
	} while (v);
	if (neg)
		tmp[k++] = '-';
	while (n)
		tmp[k++] = rev[--n];
	return k;
}

int kvsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	struct outbuf o = { buf, size, 0 };
	char tmp[32];

	for (; *fmt; fmt++) {
		if (*fmt != '%') {
			emit(&o, *fmt);
			continue;
		}
		bool left = false, alt = false;
		char pad = ' ';
		int width = 0, prec = -1, lng = 0;
		fmt++;
		for (;; fmt++) {
			if (*fmt == '-')
				left = true;
			else if (*fmt == '0')
				pad = '0';
			else if (*fmt == '#')
				alt = true;
			else
				break;
		}
		if (*fmt == '*') {
			width = va_arg(ap, int);
			fmt++;
		}
		while (*fmt >= '0' && *fmt <= '9')
			width = width * 10 + (*fmt++ - '0');
		if (*fmt == '.') {
			prec = 0;
			fmt++;
			if (*fmt == '*') {
				prec = va_arg(ap, int);
				fmt++;
			}
			while (*fmt >= '0' && *fmt <= '9')
				prec = prec * 10 + (*fmt++ - '0');
		}
		for (; *fmt == 'l' || *fmt == 'z'; fmt++)
			lng += *fmt == 'l' ? 1 : 0;

		unsigned long long u;
		long long s;
		size_t n;
		switch (*fmt) {
		case 'd':
		case 'i':
			s = lng >= 2 ? va_arg(ap, long long) : lng ? va_arg(ap, long) : va_arg(ap, int);
			n = format_number(tmp, s < 0 ? -(unsigned long long)s : (unsigned long long)s, 10, false, s < 0, false);
			emit_padded(&o, tmp, n, width, left, pad);
			break;
		case 'u':
		case 'x':
		case 'X':
		case 'o':
			u = lng >= 2 ? va_arg(ap, unsigned long long) : lng ? va_arg(ap, unsigned long) : va_arg(ap, unsigned);
			n = format_number(tmp, u, *fmt == 'u' ? 10 : *fmt == 'o' ? 8 : 16, *fmt == 'X', false, alt);
			emit_padded(&o, tmp, n, width, left, pad);
			break;
		case 'p':
			if (fmt[1] == 'S' || fmt[1] == 'B') {
				char sym[128];
				uintptr_t addr = (uintptr_t)va_arg(ap, void *);
				n = sprint_symbol_name(sym, sizeof(sym), addr, *++fmt == 'B');
				emit_padded(&o, sym, MIN(n, sizeof(sym) - 1), width, left, ' ');
				break;
			}
			tmp[0] = '0';
			tmp[1] = 'x';
			n = 2 + format_number(tmp + 2, (uintptr_t)va_arg(ap, void *), 16, false, false, false);
			emit_padded(&o, tmp, n, width, left, ' ');
			break;
		case 's': {
			const char *str = va_arg(ap, const char *);
			if (!str)
				str = "(null)";
			n = prec >= 0 ? strnlen(str, prec) : strlen(str);
			emit_padded(&o, str, n, width, left, ' ');
			break;
		}
		case 'c':
			tmp[0] = (char)va_arg(ap, int);
			emit_padded(&o, tmp, 1, width, left, ' ');
			break;
		case '%':
			emit(&o, '%');
			break;
		default:
			emit(&o, '%');
			if (*fmt)
				emit(&o, *fmt);
			else
				fmt--;
		}
	}
	if (size)
		buf[o.len < size ? o.len : size - 1] = 0;
	return (int)o.len;
}

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = kvsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}
