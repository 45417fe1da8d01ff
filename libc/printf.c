/* printf.c: the printf formatting engine, __vformat, writing through a struct sink.
 * Conversions: d i u x X o c s p %; flags - + space 0 #; width and precision (also *);
 * length modifiers hh h l ll z j t. No floating point. */
#include <stdint.h>
#include <string.h>
#include "stdio_impl.h"

#define FL_LEFT  0x01
#define FL_PLUS  0x02
#define FL_SPACE 0x04
#define FL_ZERO  0x08
#define FL_ALT   0x10

struct spec {
	int flags;
	int width;
	int prec;		/* -1: none given */
};

static int emit(struct sink *s, const char *p, size_t n)
{
	s->total += n;
	return n ? s->put(s, p, n) : 0;
}

static int pad(struct sink *s, char c, int n)
{
	static const char spaces[16] = "                ", zeros[16] = "0000000000000000";
	const char *src = c == '0' ? zeros : spaces;

	for (; n > 0; n -= 16)
		if (emit(s, src, n < 16 ? (size_t)n : 16))
			return -1;
	return 0;
}

/* Writes prefix (sign or 0x), then zeros, then body, padded to the field width: with spaces on
 * the left, on the right for '-', or with zeros after the prefix for a number with the '0' flag
 * and no precision. */
static int field(struct sink *s, const struct spec *sp, const char *prefix, const char *body,
		 size_t len, int zeros, int numeric)
{
	int plen = (int)strlen(prefix);
	int fill = sp->width - plen - zeros - (int)len;
	int zero_fill = numeric && sp->flags & FL_ZERO && sp->prec < 0 && !(sp->flags & FL_LEFT);

	if (!(sp->flags & FL_LEFT) && !zero_fill && pad(s, ' ', fill))
		return -1;
	if (emit(s, prefix, (size_t)plen))
		return -1;
	if (zero_fill && pad(s, '0', fill))
		return -1;
	if (pad(s, '0', zeros) || emit(s, body, len))
		return -1;
	return sp->flags & FL_LEFT ? pad(s, ' ', fill) : 0;
}

static int format_int(struct sink *s, const struct spec *sp, char conv, uintmax_t v, int negative)
{
	char buf[24], *end = buf + sizeof buf, *p = end;
	const char *digits = conv == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
	unsigned base = conv == 'o' ? 8 : (conv == 'x' || conv == 'X' || conv == 'p') ? 16 : 10;
	const char *prefix = "";
	int len, zeros;

	/* 32-bit values avoid libgcc's 64-bit division. */
	if (v <= UINT32_MAX)
		for (uint32_t w = (uint32_t)v; w; w /= base)
			*--p = digits[w % base];
	else
		for (; v; v /= base)
			*--p = digits[v % base];
	len = (int)(end - p);
	zeros = sp->prec > len ? sp->prec - len : 0;
	if (sp->prec < 0 && len == 0)
		zeros = 1;		/* the value 0 with no precision prints "0" */
	if (base == 8 && sp->flags & FL_ALT && zeros == 0 && (len == 0 || *p != '0'))
		zeros = 1;
	if (negative)
		prefix = "-";
	else if (conv == 'd' || conv == 'i')
		prefix = sp->flags & FL_PLUS ? "+" : sp->flags & FL_SPACE ? " " : "";
	else if (base == 16 && (conv == 'p' || (sp->flags & FL_ALT && len)))
		prefix = conv == 'X' ? "0X" : "0x";
	return field(s, sp, prefix, p, (size_t)len, zeros, 1);
}

/* Reads one argument of the size the length modifier names; signed conversions report the sign
 * separately so the magnitude fits uintmax_t. */
static uintmax_t int_arg(va_list *ap, const char *len, int is_signed, int *neg)
{
	intmax_t sv;
	uintmax_t uv;

	*neg = 0;
	if (!strcmp(len, "ll") || !strcmp(len, "j")) {
		if (!is_signed)
			return va_arg(*ap, unsigned long long);
		sv = va_arg(*ap, long long);
	} else {
		/* Everything else is int-sized on i386 (long, size_t, ptrdiff_t included). */
		if (!is_signed) {
			uv = va_arg(*ap, unsigned int);
			if (!strcmp(len, "hh"))
				uv = (unsigned char)uv;
			else if (!strcmp(len, "h"))
				uv = (unsigned short)uv;
			return uv;
		}
		sv = va_arg(*ap, int);
		if (!strcmp(len, "hh"))
			sv = (signed char)sv;
		else if (!strcmp(len, "h"))
			sv = (short)sv;
	}
	if (sv < 0) {
		*neg = 1;
		return -(uintmax_t)sv;
	}
	return (uintmax_t)sv;
}

static int parse_number(const char **fmt)
{
	int n = 0;

	while (**fmt >= '0' && **fmt <= '9')
		n = n * 10 + *(*fmt)++ - '0';
	return n;
}

static int convert(struct sink *s, const char **fmtp, va_list *ap)
{
	const char *fmt = *fmtp, *start = fmt - 1;	/* start: the '%' */
	struct spec sp = { 0, 0, -1 };
	char len[3] = "", c;
	int neg;

	for (;; fmt++) {
		if (*fmt == '-') sp.flags |= FL_LEFT;
		else if (*fmt == '+') sp.flags |= FL_PLUS;
		else if (*fmt == ' ') sp.flags |= FL_SPACE;
		else if (*fmt == '0') sp.flags |= FL_ZERO;
		else if (*fmt == '#') sp.flags |= FL_ALT;
		else break;
	}
	if (*fmt == '*') {
		fmt++;
		sp.width = va_arg(*ap, int);
		if (sp.width < 0) {
			sp.flags |= FL_LEFT;
			sp.width = -sp.width;
		}
	} else {
		sp.width = parse_number(&fmt);
	}
	if (*fmt == '.') {
		fmt++;
		if (*fmt == '*') {
			fmt++;
			sp.prec = va_arg(*ap, int);
			if (sp.prec < 0)
				sp.prec = -1;
		} else {
			sp.prec = parse_number(&fmt);
		}
	}
	while (*fmt && strchr("hlzjtL", *fmt) && strlen(len) < 2)
		len[strlen(len)] = *fmt++;
	c = *fmt;
	*fmtp = c ? fmt + 1 : fmt;

	switch (c) {
	case 'd': case 'i': {
		uintmax_t v = int_arg(ap, len, 1, &neg);

		return format_int(s, &sp, c, v, neg);
	}
	case 'u': case 'x': case 'X': case 'o':
		return format_int(s, &sp, c, int_arg(ap, len, 0, &neg), 0);
	case 'p': {
		void *p = va_arg(*ap, void *);

		if (!p)
			return field(s, &sp, "", "(nil)", 5, 0, 0);
		return format_int(s, &sp, 'p', (uintptr_t)p, 0);
	}
	case 'c': {
		char ch = (char)va_arg(*ap, int);

		return field(s, &sp, "", &ch, 1, 0, 0);
	}
	case 's': {
		const char *str = va_arg(*ap, const char *);

		if (!str)
			str = sp.prec < 0 || sp.prec >= 6 ? "(null)" : "";
		return field(s, &sp, "", str, sp.prec < 0 ? strlen(str) : strnlen(str, (size_t)sp.prec), 0, 0);
	}
	case '%':
		return emit(s, "%", 1);
	default:
		/* Unknown conversion: print it as written, so the mistake is visible. */
		return emit(s, start, (size_t)(*fmtp - start));
	}
}

int __vformat(struct sink *s, const char *fmt, va_list ap)
{
	va_list args;
	int r = 0;

	va_copy(args, ap);
	while (*fmt && r == 0) {
		const char *pct = strchrnul(fmt, '%');

		r = emit(s, fmt, (size_t)(pct - fmt));
		fmt = pct;
		if (*fmt == '%' && r == 0) {
			fmt++;
			r = convert(s, &fmt, &args);
		}
	}
	va_end(args);
	return r ? -1 : (int)s->total;
}
