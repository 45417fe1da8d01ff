/* lib.c: the string and memory functions the kernel uses (it has no libc). */
#include "kernel.h"
#include "mm/kmalloc.h"

/* Four bytes per string instruction, then the byte tail. */
void *memset(void *d, int c, size_t n)
{
	void *r = d;
	uint32_t w = (uint8_t)c * 0x01010101u;
	size_t tail = n & 3;
	n >>= 2;
	__asm__ volatile("rep stosl\n\tmov %3, %1\n\trep stosb"
			 : "+D"(d), "+c"(n) : "a"(w), "r"(tail) : "memory");
	return r;
}

void *memcpy(void *d, const void *s, size_t n)
{
	void *r = d;
	size_t tail = n & 3;
	n >>= 2;
	__asm__ volatile("rep movsl\n\tmov %3, %2\n\trep movsb"
			 : "+D"(d), "+S"(s), "+c"(n) : "r"(tail) : "memory");
	return r;
}

void *memmove(void *d, const void *s, size_t n)
{
	unsigned char *dp = d;
	const unsigned char *sp = s;
	if (dp <= sp || dp >= sp + n)
		return memcpy(d, s, n);
	while (n--)
		dp[n] = sp[n];
	return d;
}

int memcmp(const void *a, const void *b, size_t n)
{
	const unsigned char *x = a, *y = b;
	for (; n; n--, x++, y++)
		if (*x != *y)
			return *x - *y;
	return 0;
}

size_t strlen(const char *s)
{
	size_t n = 0;
	while (s[n])
		n++;
	return n;
}

size_t strnlen(const char *s, size_t max)
{
	size_t n = 0;
	while (n < max && s[n])
		n++;
	return n;
}

int strcmp(const char *a, const char *b)
{
	while (*a && *a == *b)
		a++, b++;
	return (unsigned char)*a - (unsigned char)*b;
}

int strncmp(const char *a, const char *b, size_t n)
{
	for (; n; n--, a++, b++) {
		if (*a != *b)
			return (unsigned char)*a - (unsigned char)*b;
		if (!*a)
			break;
	}
	return 0;
}

char *strchr(const char *s, int c)
{
	for (; *s; s++)
		if (*s == (char)c)
			return (char *)s;
	return c ? NULL : (char *)s;
}

char *strstr(const char *s, const char *find)
{
	size_t n = strlen(find);
	for (; *s; s++)
		if (strncmp(s, find, n) == 0)
			return (char *)s;
	return n ? NULL : (char *)s;
}

size_t strlcpy(char *d, const char *s, size_t n)
{
	size_t len = strlen(s);
	if (n) {
		size_t k = MIN(len, n - 1);
		memcpy(d, s, k);
		d[k] = 0;
	}
	return len;
}

char *kstrdup(const char *s)
{
	size_t n = strlen(s) + 1;
	char *d = kmalloc(n);
	if (d)
		memcpy(d, s, n);
	return d;
}

unsigned long strtoul(const char *s, char **end, int base)
{
	unsigned long v = 0;
	if ((base == 0 || base == 16) && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
		s += 2;
		base = 16;
	} else if (base == 0) {
		base = s[0] == '0' ? 8 : 10;
	}
	for (;; s++) {
		int d;
		if (*s >= '0' && *s <= '9')
			d = *s - '0';
		else if (*s >= 'a' && *s <= 'z')
			d = *s - 'a' + 10;
		else if (*s >= 'A' && *s <= 'Z')
			d = *s - 'A' + 10;
		else
			break;
		if (d >= base)
			break;
		v = v * base + d;
	}
	if (end)
		*end = (char *)s;
	return v;
}
