/* mod_seeds.c: the seed drivers are modules (kernel-only; after the dev_
 * tests, which ran against the modules init loaded at boot): each one
 * unloads (its node goes), loads again, and its own dev_ test passes
 * against the new instance. Seed 002's RESET sets the module's use count. */
#include "check.h"
#include "module_util.h"
#include <fcntl.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <uapi/chardev.h>

struct seed {
	const char *module, *node, *test;
};

static const struct seed seeds[] = {
	{ "cd_example", "/dev/cd_example", "dev_cd_example" },
	{ "char_dev", "/dev/char_dev", "dev_char_dev" },
	{ "chardev", "/dev/chardev", "dev_chardev" },
	{ "fd_test", "/dev/fd_test", "dev_fd_test" },
	{ "ioctltest", "/dev/ioctltest", "dev_ioctltest" },
	{ "procfs_seed", "/proc/helloworld", "dev_proc_sys" },
	{ "scull", "/dev/scull0", "dev_scull" },
	{ "sleepy", "/dev/sleepy", "dev_waitqueue" },
	{ "sysfs_seed", "/sys/kernel/mymodule/myvariable", "dev_proc_sys" },
	{ "uaccess_test", "/dev/uaccess_test", "dev_uaccess" },
	{ "wq_test", "/dev/wq_test", "dev_waitqueue" },
};

static long load(const char *name)
{
	char path[128];
	snprintf(path, sizeof(path), "/lib/modules/%s.ko", name);
	return load_path(path, "");
}

static long unload(const char *name)
{
	return sys_delete(name, O_NONBLOCK);
}

static int exists(const char *path)
{
	return access(path, F_OK) == 0;
}

/* The use count /proc/modules gives the module, or -1. */
static int refcount(const char *name)
{
	static char buf[4096];
	int fd = open("/proc/modules", O_RDONLY);
	long n = fd >= 0 ? read(fd, buf, sizeof(buf) - 1) : -1;
	close(fd);
	buf[n > 0 ? n : 0] = 0;
	size_t len = strlen(name);
	for (char *p = buf; p; p = strchr(p, '\n') ? strchr(p, '\n') + 1 : NULL)
		if (strncmp(p, name, len) == 0 && p[len] == ' ') {
			char *count = strchr(p + len + 1, ' ');
			return count ? atoi(count + 1) : -1;
		}
	return -1;
}

static int run_test(void *arg)
{
	char path[64];
	snprintf(path, sizeof(path), "/tests/%s", (const char *)arg);
	int null = open("/dev/null", O_WRONLY);
	dup2(null, 1);
	dup2(null, 2);
	execl(path, path, (char *)NULL);
	return 127;
}

static void test_reload(const struct seed *s)
{
	char what[160];
	snprintf(what, sizeof(what), "%s is loaded and %s exists", s->module, s->node);
	CHECK(refcount(s->module) == 0 && exists(s->node), what);
	snprintf(what, sizeof(what), "rmmod %s", s->module);
	CHECK_OK(unload(s->module), what);
	snprintf(what, sizeof(what), "%s is gone with it", s->node);
	CHECK(!exists(s->node) && refcount(s->module) == -1, what);
	snprintf(what, sizeof(what), "insmod %s.ko again", s->module);
	CHECK_OK(load(s->module), what);
	snprintf(what, sizeof(what), "%s passes against the reloaded %s", s->test, s->module);
	expect_exit(run_child(run_test, (void *)s->test), 0, what);
}

static void test_reset(void)
{
	int a = open("/dev/chardev", O_RDWR), b = open("/dev/chardev", O_RDWR);
	CHECK_EQ(refcount("chardev"), 2, "two open files: chardev's use count is 2");
	CHECK_ERR(unload("chardev"), EWOULDBLOCK, "rmmod chardev while they are open: EWOULDBLOCK");
	CHECK_OK(ioctl(a, CHARDEV_IOCTL_RESET), "RESET");
	CHECK_EQ(refcount("chardev"), 1, "puts the use count at 1");
	close(a);
	CHECK_EQ(refcount("chardev"), 0, "closing that file makes it 0");
	CHECK_OK(ioctl(b, CHARDEV_IOCTL_RESET), "RESET through the other file");
	CHECK_EQ(refcount("chardev"), 1, "makes it 1 again");
	close(b);
	CHECK_EQ(refcount("chardev"), 0, "and its close 0");
	CHECK_OK(unload("chardev"), "rmmod chardev then works");
	CHECK_OK(load("chardev"), "and it loads again");
}

static void test_proc_pin(void)
{
	int fd = open("/proc/helloworld", O_RDONLY);
	CHECK_EQ(refcount("procfs_seed"), 1, "an open /proc/helloworld pins procfs_seed");
	CHECK_ERR(unload("procfs_seed"), EWOULDBLOCK, "rmmod procfs_seed while it is open: EWOULDBLOCK");
	close(fd);
	CHECK_EQ(refcount("procfs_seed"), 0, "the close unpins it");
}

int main(void)
{
	test_proc_pin();
	for (unsigned i = 0; i < sizeof(seeds) / sizeof(seeds[0]); i++)
		test_reload(&seeds[i]);
	test_reset();
	return done();
}
