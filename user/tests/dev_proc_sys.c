/* dev_proc_sys: the /proc and /sys entries of docs/devices.md: /proc/devices
 * (its header, the static majors with Linux's names, the dynamic ones, in
 * major order), the seed's /proc/helloworld, buffer1k, buffer2k and iter, and
 * /sys/kernel/mymodule/myvariable. */
#include "dev_util.h"

static char buf[4096];

static void test_proc_devices(void)
{
	CHECK(read_file("/proc/devices", buf, sizeof buf) > 0, "read /proc/devices");
	CHECK(strncmp(buf, "Character devices:\n", 19) == 0, "starts with \"Character devices:\"");
	static const char *const lines[] = {
		"\n  1 mem\n", "\n  4 tty\n", "\n  4 ttyS\n", "\n  5 /dev/tty\n",
		"\n  5 /dev/console\n", "\n 10 misc\n", "\n 77 chardev\n", "\n100 char_dev\n",
	};
	char what[64];
	for (unsigned i = 0; i < sizeof lines / sizeof lines[0]; i++) {
		snprintf(what, sizeof what, "has the line \"%.*s\"", (int)strlen(lines[i]) - 2,
			 lines[i] + 1);
		CHECK(strstr(buf, lines[i]) != NULL, what);
	}
	CHECK(strstr(buf, "\n  4 tty\n  4 ttyS\n") && strstr(buf, "\n  5 /dev/tty\n  5 /dev/console\n"),
	      "drivers sharing a major are listed by minor");
	/* cd_example's dynamic major is dev_cd_example's: the FreeBSD seed is
	 * not built for Linux (tools/linux-test), where this test runs too. */
	static const char *const dynamic[] = { "ioctltest", "scull", "scullp" };
	for (unsigned i = 0; i < sizeof dynamic / sizeof dynamic[0]; i++) {
		int m = devices_major(dynamic[i]);
		snprintf(what, sizeof what, "%s has a dynamic major (234..254)", dynamic[i]);
		CHECK(m >= 234 && m <= 254, what);
	}
	/* Linux goes on with a blank line and "Block devices:"; the order is the
	 * character devices'. */
	char *end = strstr(buf, "\n\n");
	if (end)
		end[1] = '\0';
	int sorted = 1, prev = 0;
	for (char *line = strchr(buf, '\n'); line && line[1]; line = strchr(line + 1, '\n')) {
		int m = atoi(line + 1);
		sorted &= m >= prev;
		prev = m;
	}
	CHECK(sorted, "in major order");
}

static void test_helloworld(void)
{
	int fd = CHECK_OK(open("/proc/helloworld", O_RDONLY), "open /proc/helloworld");
	CHECK(read(fd, buf, sizeof buf) == 13 && memcmp(buf, "HelloWorld!\n", 13) == 0,
	      "/proc/helloworld gives \"HelloWorld!\\n\\0\" (13 bytes)");
	CHECK_EQ(read(fd, buf, sizeof buf), 0, "then EOF");
	close(fd);
	fd = open("/proc/helloworld", O_RDONLY);
	CHECK_ERR(read(fd, null_ptr(), 13), EFAULT, "read into NULL EFAULT");
	close(fd);
}

static void test_buffers(void)
{
	static char big[3000];
	memset(big, 'k', sizeof big);
	int fd = CHECK_OK(open("/proc/buffer1k", O_RDWR), "open /proc/buffer1k");
	CHECK_EQ(write(fd, "abc", 3), 3, "buffer1k: write 3");
	CHECK_EQ(write(fd, big, 2000), 1024, "buffer1k: write 2000 keeps 1024");
	lseek(fd, 0, SEEK_SET);
	CHECK(read(fd, buf, sizeof buf) == 13 && memcmp(buf, "HelloWorld!\n", 13) == 0,
	      "buffer1k reads like helloworld, as the seed's does");
	close(fd);

	struct stat st;
	CHECK(stat("/proc/buffer2k", &st) == 0 && (st.st_mode & 0777) == 0644, "buffer2k is 0644");
	fd = CHECK_OK(open("/proc/buffer2k", O_RDWR), "open /proc/buffer2k");
	CHECK_EQ(write(fd, "xyz", 3), 3, "buffer2k: write \"xyz\"");
	int r = open("/proc/buffer2k", O_RDONLY);
	CHECK(read(r, buf, sizeof buf) == 3 && memcmp(buf, "xyz", 3) == 0, "reads \"xyz\" back");
	CHECK_EQ(read(r, buf, sizeof buf), 0, "then EOF");
	close(r);
	CHECK_EQ(write(fd, big, sizeof big), 2048, "write 3000 keeps 2048");
	CHECK_ERR(write(fd, unmapped_page(), 10), EFAULT, "write from unmapped EFAULT");
	char *edge = before_unmapped(4);
	memcpy(edge, "ABCD", 4);
	CHECK_ERR(write(fd, edge, 10), EFAULT, "write that faults part-way EFAULT");
	r = open("/proc/buffer2k", O_RDONLY);
	long got = 0, n;
	while ((n = read(r, buf, 1000)) > 0)
		got += n;
	CHECK_EQ(got, 2048, "reads the 2048 back in pieces");
	close(r);
	r = open("/proc/buffer2k", O_RDONLY);
	CHECK(read(r, buf, 4) == 4 && memcmp(buf, "kkkk", 4) == 0,
	      "failed writes left the contents alone");
	close(r);
	close(fd);
}

static void test_iter(void)
{
	long first = -1, second = -1;
	if (read_file("/proc/iter", buf, sizeof buf) > 0)
		first = strtol(buf, NULL, 10);
	CHECK(first >= 0 && buf[strlen(buf) - 1] == '\n', "/proc/iter shows a number and a newline");
	if (read_file("/proc/iter", buf, sizeof buf) > 0)
		second = strtol(buf, NULL, 10);
	CHECK_EQ(second, first + 1, "the next open-and-read shows the next number");
}

static void test_sysfs(void)
{
	const char *path = "/sys/kernel/mymodule/myvariable";
	struct stat st;
	CHECK(stat(path, &st) == 0 && (st.st_mode & 0777) == 0660, "myvariable is 0660");
	CHECK(read_file(path, buf, sizeof buf) == 2 && strcmp(buf, "0\n") == 0, "myvariable reads 0");
	int fd = open(path, O_WRONLY);
	CHECK_EQ(write(fd, "32", 2), 2, "write 32 to myvariable");
	close(fd);
	CHECK(read_file(path, buf, sizeof buf) == 3 && strcmp(buf, "32\n") == 0, "it reads \"32\\n\"");
	/* The seed's sscanf("%du"): spaces and a sign before the digits; no
	 * number at all leaves the value alone. */
	static const struct {
		const char *in, *out;
	} stores[] = {
		{ "abc", "32\n" }, { "-", "32\n" }, { "", "32\n" }, { " -7\n", "-7\n" },
		{ "+5", "5\n" }, { "\t12xyz", "12\n" },
	};
	char what[64];
	for (unsigned i = 0; i < sizeof stores / sizeof stores[0]; i++) {
		fd = open(path, O_WRONLY);
		write(fd, stores[i].in, strlen(stores[i].in));
		close(fd);
		snprintf(what, sizeof what, "after writing \"%s\" it reads %.*s", stores[i].in,
			 (int)strlen(stores[i].out) - 1, stores[i].out);
		for (char *q = what; *q; q++)
			if (*q == '\n' || *q == '\t')
				*q = ' ';
		CHECK(read_file(path, buf, sizeof buf) > 0 && strcmp(buf, stores[i].out) == 0, what);
	}
	fd = open(path, O_WRONLY);
	write(fd, "0", 1);
	close(fd);
}

int main(void)
{
	test_proc_devices();
	test_helloworld();
	test_buffers();
	test_iter();
	test_sysfs();
	return done();
}
