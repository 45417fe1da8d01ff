/* dev_scull: LDD3's scull [seed 004]: scull and scullp share one dynamic
 * major with minors 0..3 and 4..7, and /dev/sleepy has its own; then
 * scull_test and scullpipe_test, with their check lines in this log; and
 * sleepy: a read sleeps until a write, or until a signal (EINTR). */
#include "dev_util.h"

#include <uapi/scull.h>

static void test_nodes(void)
{
	int major = devices_major("scull");
	CHECK(major >= 234 && major <= 254, "/proc/devices lists scull on a dynamic major");
	CHECK_EQ(devices_major("scullp"), major, "and scullp on the same one");
	int good = 0;
	char path[32];
	for (int i = 0; i < SCULL_NR_DEVS; i++) {
		snprintf(path, sizeof path, "/dev/scull%d", i);
		good += is_chr_node(path, major, (unsigned)i, 0666, 0, 0);
		snprintf(path, sizeof path, "/dev/scullpipe%d", i);
		good += is_chr_node(path, major, (unsigned)(SCULL_NR_DEVS + i), 0666, 0, 0);
	}
	CHECK_EQ(good, SCULL_NR_DEVS + SCULL_P_NR_DEVS, "scull0..3 are minors 0..3, scullpipe0..3 4..7");
	int sleepy = devices_major("sleepy");
	CHECK(sleepy >= 234 && sleepy <= 254 && sleepy != major &&
	      is_chr_node("/dev/sleepy", sleepy, 0, 0666, 0, 0), "/dev/sleepy on a major of its own");
}

static int sleepy_reader(void *arg)
{
	(void)arg;
	int fd = open("/dev/sleepy", O_RDONLY);
	char c;
	return (int)read(fd, &c, 1);
}

static int sleepy_interrupted(void *arg)
{
	(void)arg;
	set_handler(SIGUSR1, ignore_signal, 0);
	int fd = open("/dev/sleepy", O_RDONLY);
	char c;
	return read(fd, &c, 1) == -1 && errno == EINTR ? 0 : 1;
}

static void test_sleepy(void)
{
	int fd = open("/dev/sleepy", O_WRONLY);
	pid_t pid = spawn(sleepy_reader, NULL);
	sleep_ms(100);
	int st;
	CHECK_EQ(waitpid(pid, &st, WNOHANG), 0, "a sleepy read sleeps");
	CHECK_EQ(write(fd, "x", 1), 1, "a write succeeds");
	expect_exit(wait_status(pid), 0, "and wakes the reader, which reads 0 (EOF)");

	pid = spawn(sleepy_interrupted, NULL);
	st = interrupt_until_exit(pid, SIGUSR1);
	expect_exit(st, 0, "a signal ends a sleepy read with EINTR");
	close(fd);
}

int main(void)
{
	test_nodes();
	char *scull[] = { "/bin/scull_test", NULL };
	expect_exit(run_inherit(scull), 0, "scull_test passes");
	char *pipe[] = { "/bin/scullpipe_test", NULL };
	expect_exit(run_inherit(pipe), 0, "scullpipe_test passes");
	test_sleepy();
	return done();
}
