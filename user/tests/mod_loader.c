/* mod_loader.c: loadable modules (kernel-only, run after the dev_ tests, whose
 * oops reports expect no module taint yet; the fixtures are this
 * kernel's .ko files in /lib/modules/test): every error of init_module,
 * finit_module and delete_module, parameters of every type through
 * insmod-style arguments and /sys/module, a dependency, a duplicate export,
 * the size /proc/modules gives, use counts of
 * open files, init failing and faulting, a FreeBSD-style module, and
 * 1,000 load/unload cycles that leave free memory where it was. */
#define _GNU_SOURCE
#include "check.h"
#include "klog.h"
#include "module_util.h"
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>

#define DIR "/lib/modules/test/"
#define IGNORE_VERMAGIC 2

static long load(const char *name, const char *args)
{
	char path[128];
	snprintf(path, sizeof(path), DIR "%s.ko", name);
	return load_path(path, args);
}

static char *slurp(const char *path, long *len)
{
	static char buf[262144];     /* /proc/kallsyms whole */
	int fd = open(path, O_RDONLY);
	long n = 0, r;
	while (fd >= 0 && (r = read(fd, buf + n, sizeof(buf) - 1 - n)) > 0)
		n += r;
	if (fd >= 0)
		close(fd);
	buf[n] = 0;
	*len = n;
	return buf;
}

/* A copy of a fixture, for corrupting. */
static char *image(const char *name, long *len)
{
	char path[128];
	snprintf(path, sizeof(path), DIR "%s.ko", name);
	char *src = slurp(path, len);
	char *img = malloc(*len);
	memcpy(img, src, *len);
	return img;
}

static int listed(const char *name)
{
	long n;
	const char *m = slurp("/proc/modules", &n);
	size_t len = strlen(name);
	for (const char *p = m; p && *p; p = strchr(p, '\n') ? strchr(p, '\n') + 1 : NULL)
		if (strncmp(p, name, len) == 0 && p[len] == ' ')
			return 1;
	return 0;
}

static unsigned *shdr(char *img, unsigned i)
{
	return (unsigned *)(img + *(unsigned *)(img + 32) + 40 * i);
}

/* The index of a section by name. */
static unsigned section(char *img, const char *name)
{
	unsigned short n = *(unsigned short *)(img + 48), str = *(unsigned short *)(img + 50);
	for (unsigned i = 1; i < n; i++)
		if (strcmp(img + shdr(img, str)[4] + shdr(img, i)[0], name) == 0)
			return i;
	return 0;
}

/* The size /proc/modules gives a module, worked out from its file the way
 * Linux 6.1 counts a module's core (without STRICT_MODULE_RWX's page
 * rounding): its SHF_ALLOC sections but .modinfo end to end at their
 * alignments, then, 4-aligned, 16 bytes, a name and a type byte for each
 * function or object symbol in them and for the empty symbol 0. */
static unsigned linux_size(char *img)
{
	unsigned short n = *(unsigned short *)(img + 48);
	unsigned size = 0, modinfo = section(img, ".modinfo"), symtab = 0;
	for (unsigned i = 1; i < n; i++) {
		unsigned *s = shdr(img, i);
		if (s[1] == 2)                          /* SHT_SYMTAB */
			symtab = i;
		if (!(s[2] & 2) || i == modinfo)        /* SHF_ALLOC */
			continue;
		unsigned align = s[8] ? s[8] : 1;
		size = (size + align - 1) / align * align + s[5];
	}
	unsigned *st = shdr(img, symtab);
	const char *names = img + shdr(img, st[6])[4];
	unsigned nsym = 1, strings = 1;
	for (unsigned i = 1; i < st[5] / 16; i++) {
		unsigned char *sym = (unsigned char *)img + st[4] + 16 * i;
		unsigned short shndx = *(unsigned short *)(sym + 14);
		if (((sym[12] & 15) == 1 || (sym[12] & 15) == 2) && shndx < n && shndx != modinfo &&
		    (shdr(img, shndx)[2] & 2)) {        /* STT_OBJECT, STT_FUNC */
			nsym++;
			strings += strlen(names + *(unsigned *)sym) + 1;
		}
	}
	return (size + 3) / 4 * 4 + nsym * 16 + strings + nsym;
}

/* The size column of name's line in /proc/modules, or 0. */
static unsigned listed_size(const char *name)
{
	long n;
	char key[64];
	snprintf(key, sizeof key, "\n%s ", name);
	const char *m = slurp("/proc/modules", &n);
	const char *line = strncmp(m, key + 1, strlen(key + 1)) == 0 ? m : strstr(m, key);
	return line ? (unsigned)strtoul(strchr(line + 1, ' ') + 1, NULL, 10) : 0;
}

static int as_user(void *arg)
{
	(void)arg;
	if (setuid(1000) != 0)
		return 10;
	long len;
	char *img = image("hello", &len);
	if (sys_init(img, len, "") != -1 || errno != EPERM)
		return 1;
	int fd = open(DIR "hello.ko", O_RDONLY);
	if (sys_finit(fd, "", 0) != -1 || errno != EPERM)
		return 2;
	if (sys_delete("hello", O_NONBLOCK) != -1 || errno != EPERM)
		return 3;
	if (strncmp(slurp("/proc/kallsyms", &len), "00000000 T ", 11) != 0)
		return 4;       /* addresses are hidden from users, as kptr_restrict */
	return 0;
}

static void test_errors(void)
{
	long len;
	expect_exit(run_child(as_user, NULL), 0, "EPERM for a non-root user, all three calls; zero addresses in kallsyms");
	CHECK_ERR(sys_init((void *)16, 4096, ""), EFAULT, "init_module: bad image pointer is EFAULT");
	CHECK_ERR(sys_delete((void *)16, 0), EFAULT, "delete_module: bad name pointer is EFAULT");
	CHECK_ERR(sys_delete("no_such_module", O_NONBLOCK), ENOENT, "delete_module: unknown name is ENOENT");
	CHECK_ERR(sys_finit(-1, "", 0), EBADF, "finit_module: bad fd is EBADF");
	int wfd = open("/tmp/mod_loader.tmp", O_WRONLY | O_CREAT | O_TRUNC, 0600);
	CHECK_ERR(sys_finit(wfd, "", 0), EBADF, "finit_module: a write-only fd is EBADF");
	close(wfd);
	unlink("/tmp/mod_loader.tmp");
	int dfd = open("/lib/modules", O_RDONLY);
	CHECK_ERR(sys_finit(dfd, "", 0), EINVAL, "finit_module: a directory is EINVAL");
	close(dfd);
	int afd = open(DIR "hello.ko", O_RDONLY);
	CHECK_ERR(sys_finit(afd, (const char *)16, 0), EFAULT, "finit_module: bad argument pointer is EFAULT");
	close(afd);
	int fd = open(DIR "hello.ko", O_RDONLY);
	CHECK_ERR(sys_finit(fd, "", 8), EINVAL, "finit_module: unknown flag is EINVAL");
	close(fd);

	char *img = image("hello", &len);
	CHECK_ERR(sys_init("garbage garbage garbage garbage garbage garbage garbage", 56, ""), ENOEXEC,
		  "not ELF is ENOEXEC");
	CHECK_ERR(sys_init(img, 100, ""), ENOEXEC, "a truncated file is ENOEXEC");
	CHECK_ERR(sys_init(img, 10, ""), ENOEXEC, "a file shorter than a header is ENOEXEC");
	img[18] = 62;   /* e_machine: x86-64 */
	CHECK_ERR(sys_init(img, len, ""), ENOEXEC, "wrong machine is ENOEXEC");
	img = image("hello", &len);
	img[16] = 2;    /* e_type: ET_EXEC */
	CHECK_ERR(sys_init(img, len, ""), ENOEXEC, "an executable is ENOEXEC");
	img = image("hello", &len);
	char *magic = memmem(img, len, "vermagic=freax-1", 16);
	CHECK(magic != NULL, "the module carries vermagic");
	if (magic)
		magic[15] = '9';
	klog_clear();
	CHECK_ERR(sys_init(img, len, ""), ENOEXEC, "wrong vermagic is ENOEXEC");
	CHECK(strstr(klog_read(), "hello: version magic 'freax-9") != NULL, "the log names the bad vermagic");
	int mfd = open(DIR "hello.ko", O_RDONLY);
	CHECK_OK(sys_finit(mfd, "", IGNORE_VERMAGIC), "finit_module: the real file loads");
	CHECK_OK(sys_delete("hello", O_NONBLOCK), "and unloads");
	close(mfd);
	img = image("hello", &len);
	unsigned rel = section(img, ".rel.text");
	CHECK(rel != 0, "hello.ko has .rel.text");
	*(unsigned *)(img + shdr(img, rel)[4]) = 0x7ffffff0;    /* first r_offset */
	klog_clear();
	CHECK_ERR(sys_init(img, len, ""), ENOEXEC, "a relocation outside its section is ENOEXEC");
	CHECK(strstr(klog_read(), "out of range") != NULL, "the log says the relocation is out of range");
	img = image("hello", &len);
	*(unsigned char *)(img + shdr(img, rel)[4] + 4) = 42;   /* first r_info type */
	CHECK_ERR(sys_init(img, len, ""), ENOEXEC, "an unknown relocation type is ENOEXEC");
	img = image("hello", &len);
	shdr(img, section(img, ".text"))[5] = 0x7fffffff;
	CHECK_ERR(sys_init(img, len, ""), ENOEXEC, "a huge section is ENOEXEC");
	img = image("hello", &len);
	shdr(img, section(img, ".bss"))[5] = 0x40000000;
	CHECK_ERR(sys_init(img, len, ""), ENOEXEC, "a huge .bss is ENOEXEC");
	img = image("hello", &len);
	shdr(img, section(img, ".text"))[8] = 3;
	CHECK_ERR(sys_init(img, len, ""), ENOEXEC, "a misaligned section is ENOEXEC");
	CHECK(!listed("hello"), "none of the bad images is listed");

	klog_clear();
	CHECK_ERR(load("unknown_sym", ""), ENOENT, "an unresolved symbol is ENOENT");
	CHECK(strstr(klog_read(), "unknown_sym: Unknown symbol no_such_export (err -2)") != NULL,
	      "the log says: unknown_sym: Unknown symbol no_such_export (err -2)");
	CHECK(!listed("unknown_sym"), "the module is not listed");
}

static void test_hello(void)
{
	long n;
	CHECK_OK(load("hello", "greeting=7 who=class"), "insmod hello.ko greeting=7 who=class");
	CHECK_ERR(load("hello", ""), EEXIST, "loading it again is EEXIST");
	CHECK(listed("hello"), "/proc/modules lists hello");
	const char *m = slurp("/proc/modules", &n);
	CHECK(strstr(m, "hello ") && strstr(strstr(m, "hello "), " 0 - Live 0x"), "its line: hello SIZE 0 - Live 0x...");
	long len;
	unsigned want = linux_size(image("hello", &len));
	char what[96];
	snprintf(what, sizeof what, "its size is its core's, as Linux counts it (%u bytes)", want);
	CHECK_EQ(listed_size("hello"), want, what);
	CHECK(strcmp(slurp("/dev/hello", &n), "hello class 7\n") == 0, "/dev/hello reads the parameters");
	CHECK(strcmp(slurp("/sys/module/hello/parameters/greeting", &n), "7\n") == 0, "/sys/module/hello/parameters/greeting is 7");
	CHECK(strstr(slurp("/proc/kallsyms", &n), " hello_read\t[hello]") != NULL, "/proc/kallsyms lists hello_read [hello]");
	CHECK(strstr(slurp("/proc/kallsyms", &n), " T printk\n") != NULL, "and the kernel's printk");
	int fd = open("/dev/hello", O_RDONLY);
	m = slurp("/proc/modules", &n);
	CHECK(strstr(m, "hello ") && strstr(strstr(m, "hello "), " 1 - Live"), "an open file counts as a use");
	CHECK_ERR(sys_delete("hello", O_NONBLOCK), EWOULDBLOCK, "rmmod while it is open is EWOULDBLOCK");
	close(fd);
	CHECK_OK(sys_delete("hello", O_NONBLOCK), "rmmod after the close works");
	CHECK(!listed("hello"), "hello is gone from /proc/modules");
	CHECK_ERR(open("/dev/hello", O_RDONLY), ENOENT, "and /dev/hello with it");
	CHECK_OK(load("hello", ""), "it loads again");
	CHECK(strcmp(slurp("/dev/hello", &n), "hello world 42\n") == 0, "with its default parameters");
	CHECK_OK(sys_delete("hello", O_NONBLOCK), "and unloads again");
}

static void check_param(const char *name, const char *expected)
{
	char path[128], what[160];
	long n;
	snprintf(path, sizeof(path), "/sys/module/params/parameters/%s", name);
	snprintf(what, sizeof(what), "parameter %s reads %s", name, expected);
	CHECK(strcmp(slurp(path, &n), expected) == 0, what);
}

static void test_params(void)
{
	CHECK_OK(load("params", "b=200 s=-300 us=60000 i=-70000 ui=4000000000 l=-5 ul=0x10 str=\"two words\" flag inv=1 arr=5,6,7"),
		 "insmod params.ko with every type");
	check_param("b", "200\n");
	check_param("s", "-300\n");
	check_param("us", "60000\n");
	check_param("i", "-70000\n");
	check_param("ui", "4000000000\n");
	check_param("l", "-5\n");
	check_param("ul", "16\n");
	check_param("str", "two words\n");
	check_param("flag", "Y\n");
	check_param("inv", "Y\n");   /* as Linux: the parameter, not the variable */
	check_param("arr", "5,6,7\n");
	int fd = open("/sys/module/params/parameters/i", O_WRONLY);
	CHECK_EQ(write(fd, "12\n", 3), 3, "writing 12 to parameter i");
	close(fd);
	check_param("i", "12\n");
	fd = open("/sys/module/params/parameters/str", O_WRONLY);
	CHECK_EQ(write(fd, "new", 3), 3, "writing a new string to str");
	close(fd);
	check_param("str", "new\n");
	CHECK_OK(sys_delete("params", O_NONBLOCK), "params unloads");
	CHECK_ERR(load("params", "b=300"), EINVAL, "a byte of 300 is EINVAL");
	CHECK_ERR(load("params", "i=12x"), EINVAL, "an int with junk is EINVAL");
	CHECK_ERR(load("params", "arr=1,2,3,4,5"), EINVAL, "five elements for four is EINVAL");
	CHECK_ERR(load("params", "us"), EINVAL, "a number without a value is EINVAL");
	CHECK(!listed("params"), "none of the failed loads is listed");
	CHECK_OK(load("params", "nosuch=1"), "an unknown parameter is ignored");
	CHECK_OK(sys_delete("params", O_NONBLOCK), "params unloads again");
}

static void test_deps(void)
{
	long n;
	CHECK_ERR(load("dep_b", ""), ENOENT, "dep_b without dep_a: ENOENT");
	CHECK_OK(load("dep_a", ""), "dep_a loads");
	CHECK_OK(load("dep_b", ""), "dep_b loads and calls dep_a");
	const char *m = slurp("/proc/modules", &n);
	CHECK(strstr(m, "dep_a ") && strstr(strstr(m, "dep_a "), " 1 dep_b, Live"), "dep_a: used by dep_b");
	CHECK_ERR(sys_delete("dep_a", O_NONBLOCK), EWOULDBLOCK, "dep_a cannot go first: EWOULDBLOCK");
	klog_clear();
	CHECK_ERR(load("dup_export", ""), ENOEXEC, "a module exporting dep_a's dep_a_answer too: ENOEXEC");
	CHECK(strstr(klog_read(), "dup_export: exports duplicate symbol dep_a_answer (owned by dep_a)") != NULL,
	      "the log says: dup_export: exports duplicate symbol dep_a_answer (owned by dep_a)");
	CHECK(!listed("dup_export"), "and it is not listed");
	CHECK_OK(sys_delete("dep_b", O_NONBLOCK), "dep_b goes");
	CHECK_OK(sys_delete("dep_a", O_NONBLOCK), "then dep_a");
	CHECK_OK(load("dup_export", ""), "with dep_a gone, dup_export loads");
	klog_clear();
	CHECK_ERR(load("dep_a", ""), ENOEXEC, "and now dep_a is the duplicate: ENOEXEC");
	CHECK(strstr(klog_read(), "dep_a: exports duplicate symbol dep_a_answer (owned by dup_export)") != NULL,
	      "owned by dup_export, says the log");
	CHECK_OK(sys_delete("dup_export", O_NONBLOCK), "dup_export goes");
}

static int load_oops(void *arg)
{
	(void)arg;
	load("oops_init", "");
	return 0;
}

static void test_init(void)
{
	CHECK_ERR(load("init_fail", ""), ENODEV, "a failing init returns its error");
	CHECK(!listed("init_fail"), "and leaves nothing listed");
	CHECK_ERR(open("/dev/init_fail", O_RDONLY), ENOENT, "nor its device");
	CHECK_ERR(load("init_fail", ""), ENODEV, "loading it again runs init again");
	CHECK_OK(load("noexit", ""), "a module without exit loads");
	CHECK_ERR(sys_delete("noexit", O_NONBLOCK), EBUSY, "and cannot unload: EBUSY");
	CHECK_OK(sys_delete("noexit", O_NONBLOCK | O_TRUNC), "but by force (O_TRUNC)");
	klog_clear();
	expect_signal(run_child(load_oops, NULL), SIGKILL, "an init that faults kills the loader");
	const char *log = klog_read();
	CHECK(strstr(log, "oops_init_init+0x") && strstr(log, "[oops_init]"),
	      "the oops names oops_init_init+0x.. [oops_init]");
	CHECK(!listed("oops_init"), "the faulting module is not listed");
	klog_clear();
	CHECK_OK(load("warn_init", ""), "a WARN_ON in init does not stop the load");
	log = klog_read();
	CHECK(strstr(log, "drivers/test/modules/warn_init.c:") && strstr(log, " warn_init_init+0x") &&
	      strstr(log, "[warn_init]"), "the WARNING names warn_init.c:LINE warn_init_init+0x.. [warn_init]");
	CHECK_OK(sys_delete("warn_init", O_NONBLOCK), "and it unloads");
}

static int load_slow(void *arg)
{
	(void)arg;
	return load("slow_init", "") == 0 ? 0 : 1;
}

static void test_loading(void)
{
	long n;
	pid_t pid = spawn(load_slow, NULL);
	for (int i = 0; i < 200 && !strstr(slurp("/proc/modules", &n), "slow_init "); i++)
		usleep(5000);
	const char *m = slurp("/proc/modules", &n);
	CHECK(strstr(m, "slow_init ") && strstr(strstr(m, "slow_init "), " Loading "), "while init runs the module is Loading");
	CHECK_ERR(sys_delete("slow_init", O_NONBLOCK), EBUSY, "delete_module while it initialises: EBUSY");
	CHECK_ERR(load("slow_init", ""), EBUSY, "init_module of the same name meanwhile: EBUSY");
	expect_exit(wait_status(pid), 0, "the first load completes");
	CHECK_OK(sys_delete("slow_init", O_NONBLOCK), "then it unloads");
}

static void test_bsd(void)
{
	klog_clear();
	CHECK_OK(load("bsd_echo", ""), "kldload bsd_echo.ko");
	CHECK(strstr(klog_read(), "Echo device loaded.") != NULL, "MOD_LOAD said: Echo device loaded.");
	CHECK_ERR(sys_delete("bsd_echo", O_NONBLOCK), EBUSY, "MOD_UNLOAD refusing with EBUSY refuses the unload");
	CHECK(listed("bsd_echo"), "so it stays");
	CHECK_OK(sys_delete("bsd_echo", O_NONBLOCK), "the second MOD_UNLOAD agrees");
	CHECK(strstr(klog_read(), "Echo device unloaded.") != NULL, "and said: Echo device unloaded.");
}

static long memfree(void)
{
	long n;
	const char *m = strstr(slurp("/proc/meminfo", &n), "MemFree:");
	return m ? atol(m + 9) : -1;
}

static void test_cycles(void)
{
	long len;
	char *img = image("hello", &len);
	long before = memfree();
	int failures = 0;
	for (int i = 0; i < 1000; i++)
		failures += sys_init(img, len, "who=x") != 0 || sys_delete("hello", O_NONBLOCK) != 0;
	CHECK_EQ(failures, 0, "1000 load/unload cycles of hello");
	CHECK_EQ(memfree(), before, "MemFree is where it started");
}

int main(void)
{
	test_errors();
	test_hello();
	test_params();
	test_deps();
	test_init();
	test_loading();
	test_bsd();
	test_cycles();
	return done();
}
