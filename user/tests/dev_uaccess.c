/* dev_uaccess: every uaccess primitive, driven through /dev/uaccess_test, on good
 * and bad user addresses. Good buffers must move their bytes both ways; NULL, a
 * kernel address, a wrapping range, a range crossing into the kernel, an unmapped
 * page and a PROT_NONE page must give EFAULT (or, for the Linux-style copies, the
 * whole length not copied); a copy that runs off the end of a mapping must report
 * exactly the bytes it could not copy; a read-only page refuses copyout (CR0.WP);
 * strings longer than the limit give ENAMETOOLONG. The FreeBSD names (copyin, copyout,
 * copyinstr, copystr) answer FreeBSD's positive errno, the Linux ones negative errno.
 * The kernel must survive all of it. */
#include "check.h"

#include <fcntl.h>
#include <stdint.h>
#include <sys/ioctl.h>
#include <uapi/uaccess_test.h>

#define PAGE 4096u
#define KERNEL_ADDR 0xC0100000u
#define USER_TOP 0xC0000000u

/* The .result of a call whose ioctl itself failed: no primitive returns it, so
 * every check on it fails. */
#define NOT_RUN INT32_MIN

static int dev = -1;

static struct uaccess_test_arg prim(unsigned long cmd, uintptr_t uaddr, uint32_t len, void *buf,
				    uint32_t value)
{
	struct uaccess_test_arg a = { (uint32_t)uaddr, len, (uint32_t)(uintptr_t)buf, value, 0, 0 };
	if (ioctl(dev, cmd, &a) != 0)
		a.result = NOT_RUN;
	return a;
}

static long result(unsigned long cmd, uintptr_t uaddr, uint32_t len)
{
	return prim(cmd, uaddr, len, NULL, 0).result;
}

static void *map(int prot)
{
	return mmap(NULL, PAGE, prot, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
}

static void fill(unsigned char *p, size_t n, unsigned seed)
{
	for (size_t i = 0; i < n; i++)
		p[i] = (unsigned char)(i * 7 + seed);
}

static int all_zero(const unsigned char *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (p[i])
			return 0;
	return 1;
}

static void test_good_copies(void)
{
	static unsigned char src[256], out[256];
	fill(src, sizeof src, 3);
	memset(out, 0, sizeof out);
	CHECK_EQ(prim(UACCESS_TEST_COPYIN, (uintptr_t)src, sizeof src, out, 0).result, 0,
		 "copyin: good buffer returns 0");
	CHECK(!memcmp(src, out, sizeof src), "copyin: good buffer bytes arrive");
	memset(out, 0, sizeof out);
	CHECK_EQ(prim(UACCESS_TEST_COPY_FROM_USER, (uintptr_t)src, sizeof src, out, 0).result, 0,
		 "copy_from_user: good buffer returns 0 bytes left");
	CHECK(!memcmp(src, out, sizeof src), "copy_from_user: good buffer bytes arrive");

	memset(out, 0, sizeof out);
	CHECK_EQ(prim(UACCESS_TEST_COPYOUT, (uintptr_t)out, sizeof out, src, 0).result, 0,
		 "copyout: good buffer returns 0");
	CHECK(!memcmp(src, out, sizeof src), "copyout: good buffer bytes arrive");
	memset(out, 0, sizeof out);
	CHECK_EQ(prim(UACCESS_TEST_COPY_TO_USER, (uintptr_t)out, sizeof out, src, 0).result, 0,
		 "copy_to_user: good buffer returns 0 bytes left");
	CHECK(!memcmp(src, out, sizeof src), "copy_to_user: good buffer bytes arrive");

	CHECK_EQ(result(UACCESS_TEST_COPYIN, 0, 0), 0, "copyin: zero bytes from NULL is 0");
	CHECK_EQ(result(UACCESS_TEST_ACCESS_OK, (uintptr_t)src, sizeof src), 1,
		 "access_ok: good buffer");
	CHECK_EQ(result(UACCESS_TEST_ACCESS_OK, USER_TOP - 16, 16), 1,
		 "access_ok: range ending exactly at the split");
	CHECK_EQ(result(UACCESS_TEST_ACCESS_OK, USER_TOP - 16, 17), 0,
		 "access_ok: range one byte past the split");
}

static void test_good_get_put(void)
{
	static const unsigned char src[4] = { 0x11, 0x22, 0x33, 0x44 };
	static const uint32_t expect_get[] = { 0x11, 0x2211, 0x44332211 };
	static const uint32_t sizes[] = { 1, 2, 4 };
	char what[80];
	for (int i = 0; i < 3; i++) {
		uint32_t n = sizes[i];
		struct uaccess_test_arg a = prim(UACCESS_TEST_GET_USER, (uintptr_t)src, n, NULL, 0);
		snprintf(what, sizeof what, "get_user %u: good address returns 0", n);
		CHECK_EQ(a.result, 0, what);
		snprintf(what, sizeof what, "get_user %u: reads the value", n);
		CHECK_EQ(a.value, expect_get[i], what);

		unsigned char dst[6] = { 0 };
		a = prim(UACCESS_TEST_PUT_USER, (uintptr_t)(dst + 1), n, NULL, 0x44332211);
		snprintf(what, sizeof what, "put_user %u: good address returns 0", n);
		CHECK_EQ(a.result, 0, what);
		snprintf(what, sizeof what, "put_user %u: writes only its own bytes", n);
		CHECK(!memcmp(dst + 1, src, n) && dst[0] == 0 && all_zero(dst + 1 + n, 5 - n), what);
	}
	CHECK_EQ(result(UACCESS_TEST_GET_USER, (uintptr_t)src, 3), -EINVAL,
		 "get_user: size 3 refused by the driver");
}

static void test_good_strings(void)
{
	char out[16];
	memset(out, 'z', sizeof out);
	struct uaccess_test_arg a = prim(UACCESS_TEST_COPYINSTR, (uintptr_t)"hello", 16, out, 0);
	CHECK_EQ(a.result, 0, "copyinstr: good string returns 0");
	CHECK_EQ(a.done, 6, "copyinstr: done counts the NUL");
	CHECK(!strcmp(out, "hello"), "copyinstr: good string arrives");
	CHECK_EQ(result(UACCESS_TEST_COPYINSTR, (uintptr_t)"hello", 6), 0,
		 "copyinstr: string plus NUL exactly fills the limit");
	CHECK_EQ(result(UACCESS_TEST_COPYINSTR, (uintptr_t)"hello", 5), ENAMETOOLONG,
		 "copyinstr: string longer than the limit ENAMETOOLONG");

	CHECK_EQ(result(UACCESS_TEST_STRNCPY_FROM_USER, (uintptr_t)"hello", 16), 5,
		 "strncpy_from_user: good string returns its length");
	CHECK_EQ(result(UACCESS_TEST_STRNCPY_FROM_USER, (uintptr_t)"hello", 6), 5,
		 "strncpy_from_user: string plus NUL exactly fills the limit");
	CHECK_EQ(result(UACCESS_TEST_STRNCPY_FROM_USER, (uintptr_t)"hello", 5), -ENAMETOOLONG,
		 "strncpy_from_user: string longer than the limit ENAMETOOLONG");

	char s[8] = "hello";
	a = prim(UACCESS_TEST_COPYSTR, 0, 6, s, 0);
	CHECK(a.result == 0 && a.done == 6 && !strcmp(s, "hello"),
	      "copystr: kernel to kernel copy that fits");
	a = prim(UACCESS_TEST_COPYSTR, 0, 5, s, 0);
	CHECK_EQ(a.result, ENAMETOOLONG, "copystr: no NUL within the limit ENAMETOOLONG");
	CHECK_EQ(a.done, 5, "copystr: done is the limit when too long");
}

struct bad_case {
	const char *name;
	uintptr_t addr;
	uint32_t len;
	int access_ok;          /* what access_ok says: it checks the range, not the mapping */
	int strings;            /* the string primitives stop at a NUL, so only some ranges apply */
};

static void bad_copy(const struct bad_case *c, const char *prim_name, unsigned long cmd,
		     long expected)
{
	char what[120];
	snprintf(what, sizeof what, "%s: %s", prim_name, c->name);
	CHECK_EQ(result(cmd, c->addr, c->len), expected, what);
}

static void test_bad_case(const struct bad_case *c)
{
	bad_copy(c, "copyin", UACCESS_TEST_COPYIN, EFAULT);
	bad_copy(c, "copyout", UACCESS_TEST_COPYOUT, EFAULT);
	bad_copy(c, "copy_from_user", UACCESS_TEST_COPY_FROM_USER, c->len);
	bad_copy(c, "copy_to_user", UACCESS_TEST_COPY_TO_USER, c->len);
	bad_copy(c, "access_ok", UACCESS_TEST_ACCESS_OK, c->access_ok);
	if (c->strings) {
		bad_copy(c, "copyinstr", UACCESS_TEST_COPYINSTR, EFAULT);
		bad_copy(c, "strncpy_from_user", UACCESS_TEST_STRNCPY_FROM_USER, -EFAULT);
	}
}

/* get_user/put_user of size bytes at addr must fail with EFAULT. */
static void bad_get_put(const char *name, uintptr_t addr, uint32_t size)
{
	char what[120];
	snprintf(what, sizeof what, "get_user %u: %s", size, name);
	CHECK_EQ(result(UACCESS_TEST_GET_USER, addr, size), -EFAULT, what);
	snprintf(what, sizeof what, "put_user %u: %s", size, name);
	CHECK_EQ(prim(UACCESS_TEST_PUT_USER, addr, size, NULL, 0x5a5a5a5a).result, -EFAULT, what);
}

static void test_bad_addresses(void)
{
	void *none = map(PROT_NONE);
	/* The crossing range starts in the (mapped) top stack page, where some NUL
	 * ends a string before the split: test_string_at_split covers strings. */
	const struct bad_case cases[] = {
		{ "NULL", 0, 16, 1, 1 },
		{ "kernel address", KERNEL_ADDR, 16, 0, 1 },
		{ "range wrapping past 4 GiB", 0xFFFFF000u, 0x2000, 0, 1 },
		{ "range crossing into the kernel", 0xBFFFF000u, 0x2000, 0, 0 },
		{ "unmapped page", (uintptr_t)unmapped_page(), 16, 1, 1 },
		{ "PROT_NONE page", (uintptr_t)none, 16, 1, 1 },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		test_bad_case(&cases[i]);

	static const uint32_t sizes[] = { 1, 2, 4 };
	for (int i = 0; i < 3; i++) {
		bad_get_put("NULL", 0, sizes[i]);
		bad_get_put("kernel address", KERNEL_ADDR, sizes[i]);
		bad_get_put("unmapped page", (uintptr_t)unmapped_page(), sizes[i]);
		bad_get_put("PROT_NONE page", (uintptr_t)none, sizes[i]);
	}
	bad_get_put("wrapping past 4 GiB", 0xFFFFFFFEu, 4);
	bad_get_put("crossing into the kernel", USER_TOP - 2, 4);
	munmap(none, PAGE);
}

/* In a child, because it overwrites the strings exec left at the top of the stack:
 * a string with no NUL before the split must fault, not run on into the kernel. */
static int string_at_split(void *unused)
{
	(void)unused;
	uintptr_t s = USER_TOP - 16;
	memset((void *)s, 'x', 16);
	int bad = 0;
	bad += result(UACCESS_TEST_COPYINSTR, s, 64) != EFAULT;
	bad += result(UACCESS_TEST_STRNCPY_FROM_USER, s, 64) != -EFAULT;
	bad += result(UACCESS_TEST_COPYINSTR, s, 16) != ENAMETOOLONG;
	bad += result(UACCESS_TEST_COPY_FROM_USER, s, 32) != 32;
	return bad;
}

static void test_string_at_split(void)
{
	expect_exit(run_child(string_at_split, NULL), 0,
		    "strings running up to the kernel split: EFAULT, or ENAMETOOLONG within the limit");
}

/* Two pages, the second given back: a copy that starts 2048 bytes before the hole
 * gets exactly those 2048 bytes across. */
static void test_partial(void)
{
	unsigned char *p = mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE,
				MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	munmap(p + PAGE, PAGE);
	unsigned char *start = p + PAGE - 2048;
	static unsigned char src[PAGE], out[PAGE];
	fill(start, 2048, 5);
	memset(out, 0xee, sizeof out);
	CHECK_EQ(prim(UACCESS_TEST_COPY_FROM_USER, (uintptr_t)start, PAGE, out, 0).result, 2048,
		 "copy_from_user: half-mapped buffer leaves exactly 2048 bytes");
	CHECK(!memcmp(out, start, 2048) && all_zero(out + 2048, 2048),
	      "copy_from_user: half-mapped buffer copies the mapped half");

	fill(src, sizeof src, 9);
	memset(start, 0, 2048);
	CHECK_EQ(prim(UACCESS_TEST_COPY_TO_USER, (uintptr_t)start, PAGE, src, 0).result, 2048,
		 "copy_to_user: half-mapped buffer leaves exactly 2048 bytes");
	CHECK(!memcmp(start, src, 2048), "copy_to_user: half-mapped buffer fills the mapped half");

	CHECK_EQ(result(UACCESS_TEST_COPYIN, (uintptr_t)start, PAGE), EFAULT,
		 "copyin: half-mapped buffer EFAULT");
	CHECK_EQ(result(UACCESS_TEST_COPYOUT, (uintptr_t)start, PAGE), EFAULT,
		 "copyout: half-mapped buffer EFAULT");
	bad_get_put("straddling the end of a mapping", (uintptr_t)(p + PAGE - 2), 4);

	memset(start, 'a', 2048);
	CHECK_EQ(result(UACCESS_TEST_COPYINSTR, (uintptr_t)start, PAGE), EFAULT,
		 "copyinstr: string running into an unmapped page EFAULT");
	CHECK_EQ(result(UACCESS_TEST_STRNCPY_FROM_USER, (uintptr_t)start, PAGE), -EFAULT,
		 "strncpy_from_user: string running into an unmapped page EFAULT");
	CHECK_EQ(result(UACCESS_TEST_COPYINSTR, (uintptr_t)start, 100), ENAMETOOLONG,
		 "copyinstr: the same string within a short limit ENAMETOOLONG");
	munmap(p, PAGE);
}

static void test_read_only(void)
{
	unsigned char *ro = map(PROT_READ);
	static unsigned char src[64], out[64];
	fill(src, sizeof src, 1);
	CHECK_EQ(prim(UACCESS_TEST_COPYOUT, (uintptr_t)ro, sizeof src, src, 0).result, EFAULT,
		 "copyout: read-only page EFAULT");
	CHECK_EQ(prim(UACCESS_TEST_COPY_TO_USER, (uintptr_t)ro, sizeof src, src, 0).result,
		 (long)sizeof src, "copy_to_user: read-only page copies nothing");
	CHECK_EQ(prim(UACCESS_TEST_PUT_USER, (uintptr_t)ro, 4, NULL, 1).result, -EFAULT,
		 "put_user 4: read-only page EFAULT");
	CHECK(all_zero(ro, PAGE), "read-only page left untouched");
	memset(out, 0xee, sizeof out);
	CHECK_EQ(prim(UACCESS_TEST_COPYIN, (uintptr_t)ro, sizeof out, out, 0).result, 0,
		 "copyin: read-only page is readable");
	CHECK(all_zero(out, sizeof out), "copyin: read-only page reads its zeros");
	munmap(ro, PAGE);
}

int main(void)
{
	dev = open(UACCESS_TEST_PATH, O_RDWR);
	if (!CHECK(dev >= 0, "open " UACCESS_TEST_PATH))
		return done();
	test_good_copies();
	test_good_get_put();
	test_good_strings();
	test_bad_addresses();
	test_string_at_split();
	test_partial();
	test_read_only();
	CHECK(getpid() > 0, "the kernel is still running");
	close(dev);
	return done();
}
