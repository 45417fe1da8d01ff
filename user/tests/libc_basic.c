/* libc_basic: a self-test of the C library a program is linked with: printf formatting,
 * string functions, strtol family, qsort/bsearch, malloc/realloc/free, stdio buffering on files,
 * __thread variables, setjmp/longjmp, and the environment.
 * Built with the project libc and with glibc it must print the same lines; each failed check
 * prints "FAIL: <what>" and makes the exit status 1. Nothing printed depends on the system
 * (no addresses, pids or times), and every file it makes lives in /tmp and is removed. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

static int failures;

#define CHECK(cond, what)                                  \
	do {                                               \
		if (!(cond)) {                             \
			printf("FAIL: %s\n", (what));      \
			failures++;                        \
		}                                          \
	} while (0)

/* Formats like snprintf, prints the result, and checks it against the expected text. */
static void fmt_case(const char *expect, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void fmt_case(const char *expect, const char *fmt, ...)
{
	char buf[128];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	printf("fmt %-8s -> [%s]\n", fmt, buf);
	if (strcmp(buf, expect) != 0 || n != (int)strlen(expect)) {
		printf("FAIL: format \"%s\": want [%s]\n", fmt, expect);
		failures++;
	}
}

static int format_into(char *buf, size_t size, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static int format_into(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}

static void test_printf(void)
{
	char small[8];

	fmt_case("42", "%d", 42);
	fmt_case("-42", "%i", -42);
	fmt_case("4294967295", "%u", 4294967295u);
	fmt_case("ff", "%x", 255);
	fmt_case("FF", "%X", 255);
	fmt_case("17", "%o", 15);
	fmt_case("A", "%c", 'A');
	fmt_case("hello", "%s", "hello");
	fmt_case("%", "%%");
	fmt_case("0x1234", "%p", (void *)0x1234);
	fmt_case("(nil)", "%p", (void *)0);
	fmt_case("   42", "%5d", 42);
	fmt_case("42   |", "%-5d|", 42);
	fmt_case("00042", "%05d", 42);
	fmt_case("-0042", "%05d", -42);
	fmt_case("+42", "%+d", 42);
	fmt_case(" 42", "% d", 42);
	fmt_case("0xff", "%#x", 255);
	fmt_case("0XFF", "%#X", 255);
	fmt_case("017", "%#o", 15);
	fmt_case("0", "%#x", 0);
	fmt_case("0", "%#o", 0);
	fmt_case("  007", "%5.3d", 7);
	fmt_case("", "%.0d", 0);
	fmt_case("     -", "%5.0d-", 0);
	fmt_case("   hi", "%5s", "hi");
	fmt_case("hi   |", "%-5s|", "hi");
	fmt_case("hel", "%.3s", "hello");
	fmt_case("  hel", "%*.*s", 5, 3, "hello");
	fmt_case("7    |", "%*d|", -5, 7);
	fmt_case("    x", "%5c", 'x');
	fmt_case("44", "%hhd", 300);
	fmt_case("4464", "%hd", 70000);
	fmt_case("255", "%hhu", 255);
	fmt_case("-2147483648", "%ld", LONG_MIN);
	fmt_case("-9223372036854775808", "%lld", LLONG_MIN);
	fmt_case("18446744073709551615", "%llu", ULLONG_MAX);
	fmt_case("123456789abcdef0", "%llx", 0x123456789abcdef0ULL);
	fmt_case("12345", "%zu", (size_t)12345);
	fmt_case("-5", "%zd", (ssize_t)-5);
	fmt_case("-77", "%jd", (intmax_t)-77);
	fmt_case("-3", "%td", (ptrdiff_t)-3);
	fmt_case("a1b2c", "a%db%dc", 1, 2);
	fmt_case("0x0000ff", "%#08x", 255);
	fmt_case("  0xff", "%#6x", 255);

	/* Through vsnprintf, where gcc does not warn about the truncation being tested. */
	CHECK(format_into(small, sizeof small, "%s", "0123456789") == 10, "snprintf returns the full length");
	CHECK(strcmp(small, "0123456") == 0, "snprintf truncates and terminates");
	CHECK(snprintf(NULL, 0, "%d", 12345) == 5, "snprintf(NULL, 0) measures");
	CHECK(sprintf(small, "%3s|", "ab") == 4 && strcmp(small, " ab|") == 0, "sprintf");
	printf("printf: done\n");
}

static void test_strings(void)
{
	char buf[64], *p, *save;
	char tok[] = "  alpha, beta,,gamma ";
	const char *words[4];
	int n = 0;

	strcpy(buf, "0123456789");
	memmove(buf + 2, buf, 5);
	CHECK(strcmp(buf, "0101234789") == 0, "memmove forward overlap");
	strcpy(buf, "0123456789");
	memmove(buf, buf + 3, 5);
	CHECK(strcmp(buf, "3456756789") == 0, "memmove backward overlap");
	memset(buf, 'z', 5);
	buf[5] = 0;
	CHECK(strcmp(buf, "zzzzz") == 0, "memset");
	CHECK(memcmp("abc", "abd", 3) < 0 && memcmp("abd", "abc", 3) > 0 && memcmp("ab", "ab", 2) == 0,
	      "memcmp sign");
	CHECK(memcmp("\x80", "\x01", 1) > 0, "memcmp compares unsigned bytes");
	CHECK(strlen("") == 0 && strlen("hello") == 5, "strlen");
	CHECK(strcmp("abc", "abd") < 0 && strcmp("b", "a") > 0 && strcmp("x", "x") == 0, "strcmp");
	CHECK(strcmp("a", "ab") < 0, "strcmp prefix is smaller");
	CHECK(strncmp("abcdef", "abcxyz", 3) == 0 && strncmp("abcdef", "abcxyz", 4) < 0, "strncmp");
	CHECK(strcasecmp("HeLLo", "hello") == 0 && strncasecmp("ABCx", "abcy", 3) == 0, "strcasecmp");
	p = strchr("hello", 'l');
	CHECK(p && strcmp(p, "llo") == 0, "strchr");
	p = strrchr("hello", 'l');
	CHECK(p && strcmp(p, "lo") == 0, "strrchr");
	CHECK(strchr("hello", 0) != NULL && strchr("hello", 'z') == NULL, "strchr NUL and missing");
	p = strstr("haystack needle hay", "needle");
	CHECK(p && strncmp(p, "needle", 6) == 0, "strstr");
	CHECK(strstr("abc", "") != NULL && strstr("abc", "abcd") == NULL, "strstr edge cases");
	CHECK(strspn("aabbcd", "ab") == 4 && strcspn("hello, world", ", ") == 5, "strspn/strcspn");
	CHECK(strpbrk("hello", "xyl") != NULL && *strpbrk("hello", "xyl") == 'l', "strpbrk");

	memset(buf, 'x', sizeof buf);
	strncpy(buf, "ab", 5);
	CHECK(buf[0] == 'a' && buf[1] == 'b' && buf[2] == 0 && buf[4] == 0 && buf[5] == 'x',
	      "strncpy pads with NULs");
	strcpy(buf, "foo");
	strcat(buf, "bar");
	strncat(buf, "bazqux", strlen(buf) - 3);	/* 3, computed so gcc does not flag the truncation */
	CHECK(strcmp(buf, "foobarbaz") == 0, "strcat/strncat");
	p = strdup("duplicate");
	CHECK(p && strcmp(p, "duplicate") == 0, "strdup");
	free(p);
	p = strndup("duplicate", 3);
	CHECK(p && strcmp(p, "dup") == 0, "strndup");
	free(p);

	for (p = strtok_r(tok, " ,", &save); p && n < 4; p = strtok_r(NULL, " ,", &save))
		words[n++] = p;
	CHECK(n == 3 && !strcmp(words[0], "alpha") && !strcmp(words[1], "beta") &&
	      !strcmp(words[2], "gamma"), "strtok_r");
	printf("strings: tokens %d, first %s, last %s\n", n, words[0], words[n - 1]);
}

static void test_strtol(void)
{
	char *end;

	CHECK(strtol("  -123xyz", &end, 10) == -123 && strcmp(end, "xyz") == 0, "strtol decimal + end");
	CHECK(strtol("0x1F", NULL, 16) == 31 && strtol("0x1F", NULL, 0) == 31, "strtol hex");
	CHECK(strtol("0755", NULL, 0) == 493 && strtol("0755", NULL, 10) == 755, "strtol base 0 octal");
	CHECK(strtol("zz", NULL, 36) == 1295, "strtol base 36");
	CHECK(strtol("1010", NULL, 2) == 10, "strtol base 2");
	CHECK(strtol("abc", &end, 10) == 0 && strcmp(end, "abc") == 0, "strtol no digits keeps end");
	CHECK(strtol("0x", &end, 16) == 0 && strcmp(end, "x") == 0, "strtol bare 0x");
	errno = 0;
	CHECK(strtol("99999999999", NULL, 10) == LONG_MAX && errno == ERANGE, "strtol overflow");
	errno = 0;
	CHECK(strtol("-99999999999", NULL, 10) == LONG_MIN && errno == ERANGE, "strtol underflow");
	errno = 0;
	CHECK(strtol("-2147483648", NULL, 10) == LONG_MIN && errno == 0, "strtol LONG_MIN exactly");
	CHECK(strtoul("-1", NULL, 10) == ULONG_MAX, "strtoul negates");
	CHECK(strtoul("4294967295", NULL, 10) == 4294967295UL, "strtoul max");
	CHECK(strtoll("-9223372036854775808", NULL, 10) == LLONG_MIN, "strtoll min");
	CHECK(strtoull("18446744073709551615", NULL, 10) == ULLONG_MAX, "strtoull max");
	errno = 0;
	CHECK(strtoull("18446744073709551616", NULL, 10) == ULLONG_MAX && errno == ERANGE,
	      "strtoull overflow");
	CHECK(atoi("  +77") == 77 && atol("-5") == -5 && atoll("123456789012") == 123456789012LL, "atoi family");
	CHECK(abs(-3) == 3 && labs(-4L) == 4 && llabs(-5LL) == 5, "abs family");
	printf("strtol: %ld %lu %lld\n", strtol("-0x7fffffff", NULL, 0), strtoul("037", NULL, 0),
	       strtoll("9000000000", NULL, 10));
}

static int cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return (x > y) - (x < y);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static void test_qsort(void)
{
	int v[200], i, sorted = 1, key;
	const char *names[] = { "pear", "apple", "fig", "kiwi", "banana", "cherry" };
	unsigned int seed = 12345;

	for (i = 0; i < 200; i++) {
		seed = seed * 1103515245u + 12345u;	/* our own generator: rand() differs between libcs */
		v[i] = (int)(seed >> 16) % 1000 - 500;
	}
	qsort(v, 200, sizeof v[0], cmp_int);
	for (i = 1; i < 200; i++)
		if (v[i - 1] > v[i])
			sorted = 0;
	CHECK(sorted, "qsort ints");
	printf("qsort: min %d max %d median %d\n", v[0], v[199], v[100]);
	key = v[137];
	CHECK(bsearch(&key, v, 200, sizeof v[0], cmp_int) != NULL, "bsearch finds a present key");
	key = 100000;
	CHECK(bsearch(&key, v, 200, sizeof v[0], cmp_int) == NULL, "bsearch misses an absent key");
	qsort(names, 6, sizeof names[0], cmp_str);
	printf("qsort: %s %s %s %s %s %s\n", names[0], names[1], names[2], names[3], names[4], names[5]);
	qsort(v, 0, sizeof v[0], cmp_int);
	qsort(v, 1, sizeof v[0], cmp_int);
}

static void fill(unsigned char *p, size_t n, unsigned int tag)
{
	for (size_t i = 0; i < n; i++)
		p[i] = (unsigned char)(i * 7 + tag);
}

static int intact(const unsigned char *p, size_t n, unsigned int tag)
{
	for (size_t i = 0; i < n; i++)
		if (p[i] != (unsigned char)(i * 7 + tag))
			return 0;
	return 1;
}

static void test_malloc(void)
{
	static const size_t sizes[] = { 1, 2, 7, 8, 15, 16, 17, 31, 32, 33, 100, 255, 256, 1000, 4095,
					4096, 4097, 10000, 65536, 131072, 200000, 1 << 20 };
	enum { N = sizeof sizes / sizeof sizes[0] };
	unsigned char *blk[N];
	int ok_align = 1, ok_data = 1, ok_realloc = 1;
	size_t i;
	int *z;

	for (i = 0; i < N; i++) {
		blk[i] = malloc(sizes[i]);
		if (!blk[i]) {
			CHECK(0, "malloc returned NULL");
			return;
		}
		if ((uintptr_t)blk[i] % 8)
			ok_align = 0;
		fill(blk[i], sizes[i], (unsigned int)i);
	}
	for (i = 0; i < N; i++)
		if (!intact(blk[i], sizes[i], (unsigned int)i))
			ok_data = 0;
	CHECK(ok_align, "malloc alignment");
	CHECK(ok_data, "malloc blocks do not overlap");
	/* Grow and shrink every block; the common prefix must survive. */
	for (i = 0; i < N; i++) {
		size_t grow = sizes[i] * 3 + 5, keep = sizes[i];
		unsigned char *p = realloc(blk[i], grow);

		if (!p || !intact(p, keep, (unsigned int)i)) {
			ok_realloc = 0;
			continue;
		}
		p = realloc(p, keep / 2 + 1);
		if (!p || !intact(p, keep / 2 + 1 < keep ? keep / 2 + 1 : keep, (unsigned int)i))
			ok_realloc = 0;
		blk[i] = p;
	}
	CHECK(ok_realloc, "realloc keeps contents");
	for (i = 0; i < N; i++)
		free(blk[i]);
	/* Reuse after free, many times: must not run out or corrupt. */
	for (i = 0; i < 2000; i++) {
		unsigned char *p = malloc(i % 300 + 1), *q = malloc(5000);

		if (!p || !q) {
			CHECK(0, "malloc in a loop");
			break;
		}
		fill(p, i % 300 + 1, 3);
		fill(q, 5000, 4);
		if (!intact(p, i % 300 + 1, 3) || !intact(q, 5000, 4)) {
			CHECK(0, "malloc loop data");
			break;
		}
		free(q);
		free(p);
	}
	z = calloc(1000, sizeof *z);
	CHECK(z != NULL, "calloc");
	if (z) {
		int zero = 1;

		for (i = 0; i < 1000; i++)
			zero &= z[i] == 0;
		CHECK(zero, "calloc zeroes");
	}
	free(z);
	free(NULL);
	CHECK(realloc(NULL, 10) != NULL, "realloc(NULL) allocates");
	printf("malloc: %d sizes up to %zu\n", (int)N, sizes[N - 1]);
}

static long file_size(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 ? (long)st.st_size : -1;
}

static void test_stdio(void)
{
	char path[64], line[64], buf[16];
	FILE *f;
	int c;
	size_t n;

	snprintf(path, sizeof path, "/tmp/libc_basic.%d", (int)getpid());
	f = fopen(path, "w");
	CHECK(f != NULL, "fopen for writing");
	if (!f)
		return;
	fprintf(f, "line %d\n", 1);
	fputs("line 2\n", f);
	fputc('x', f);
	fwrite("yz\n", 1, 3, f);
	CHECK(file_size(path) == 0, "a file stream is fully buffered");
	CHECK(fflush(f) == 0 && file_size(path) == 18, "fflush writes the buffer");
	CHECK(fclose(f) == 0, "fclose");

	f = fopen(path, "r");
	CHECK(f != NULL, "fopen for reading");
	if (!f)
		return;
	CHECK(fgets(line, sizeof line, f) && strcmp(line, "line 1\n") == 0, "fgets");
	c = fgetc(f);
	CHECK(c == 'l', "fgetc");
	CHECK(ungetc(c, f) == 'l' && fgetc(f) == 'l', "ungetc");
	n = fread(buf, 1, 5, f);
	buf[n] = 0;
	CHECK(n == 5 && strcmp(buf, "ine 2") == 0, "fread");
	CHECK(fgets(line, sizeof line, f) && strcmp(line, "\n") == 0, "fgets rest of line");
	CHECK(fgets(line, 3, f) && strcmp(line, "xy") == 0, "fgets stops at size");
	CHECK(fgets(line, sizeof line, f) && strcmp(line, "z\n") == 0, "fgets continues");
	CHECK(fgetc(f) == EOF && feof(f) && !ferror(f), "EOF sets feof");
	clearerr(f);
	CHECK(!feof(f), "clearerr");
	CHECK(fileno(f) >= 3, "fileno");
	fclose(f);

	/* An unbuffered stream writes through immediately. */
	f = fopen(path, "w");
	if (f) {
		setvbuf(f, NULL, _IONBF, 0);
		fputs("abc", f);
		CHECK(file_size(path) == 3, "_IONBF writes immediately");
		fclose(f);
	}
	/* A line-buffered stream writes at each newline. */
	f = fopen(path, "a");
	if (f) {
		setvbuf(f, NULL, _IOLBF, 0);
		fputs("de", f);
		CHECK(file_size(path) == 3, "_IOLBF holds a partial line");
		fputs("f\ng", f);
		CHECK(file_size(path) == 7, "_IOLBF writes at newline");
		fclose(f);
		CHECK(file_size(path) == 8, "fclose flushes");
	}
	unlink(path);
	printf("stdio: done\n");
}

static __thread int tls_counter = 41;
static __thread char tls_zero[100];
static __thread long long tls_wide __attribute__((aligned(64))) = 0x1122334455667788LL;

static void bump(void)
{
	tls_counter++;
	tls_zero[99] = 'z';
}

static void test_tls(void)
{
	int zero = 1;

	for (int i = 0; i < 99; i++)
		zero &= tls_zero[i] == 0;
	CHECK(tls_counter == 41, "__thread initial value");
	CHECK(zero, "__thread bss is zero");
	CHECK(tls_wide == 0x1122334455667788LL, "__thread 64-bit initial value");
	CHECK((uintptr_t)&tls_wide % 64 == 0, "__thread alignment");
	bump();
	CHECK(tls_counter == 42 && tls_zero[99] == 'z', "__thread writes persist");
	printf("tls: counter %d wide %llx\n", tls_counter, tls_wide);
}

static jmp_buf env;

/* Jumps out from depth nested calls (when val is non-zero, which it always is here). */
static int jump_back(int depth, int val)
{
	if (depth > 0)
		return jump_back(depth - 1, val) + 1;
	if (val)
		longjmp(env, val);
	return 0;
}

static void test_setjmp(void)
{
	volatile int count = 0;
	int r;

	r = setjmp(env);
	count++;
	if (r == 0)
		jump_back(10, 7);
	CHECK(r == 7 && count == 2, "longjmp returns its value through setjmp");
	count = 0;
	r = setjmp(env);
	count++;
	if (count == 1)
		longjmp(env, 0);
	CHECK(r == 1 && count == 2, "longjmp(0) makes setjmp return 1");
	printf("setjmp: r %d count %d\n", r, count);
}

static void test_env(void)
{
	CHECK(getenv("LIBC_BASIC_NOT_SET") == NULL, "getenv of an unset variable");
	CHECK(setenv("LIBC_BASIC_VAR", "one", 1) == 0, "setenv");
	CHECK(getenv("LIBC_BASIC_VAR") && strcmp(getenv("LIBC_BASIC_VAR"), "one") == 0, "getenv after setenv");
	setenv("LIBC_BASIC_VAR", "two", 0);
	CHECK(strcmp(getenv("LIBC_BASIC_VAR"), "one") == 0, "setenv without overwrite");
	setenv("LIBC_BASIC_VAR", "three", 1);
	CHECK(strcmp(getenv("LIBC_BASIC_VAR"), "three") == 0, "setenv overwrite");
	CHECK(setenv("BAD=NAME", "x", 1) == -1 && errno == EINVAL, "setenv rejects '='");
	CHECK(unsetenv("LIBC_BASIC_VAR") == 0 && getenv("LIBC_BASIC_VAR") == NULL, "unsetenv");
	printf("env: done\n");
}

int main(void)
{
	test_printf();
	test_strings();
	test_strtol();
	test_qsort();
	test_malloc();
	test_stdio();
	test_tls();
	test_setjmp();
	test_env();
	printf("libc_basic: %s\n", failures ? "FAILED" : "all checks passed");
	return failures ? 1 : 0;
}
