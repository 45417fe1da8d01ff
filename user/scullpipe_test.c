/* scullpipe_test: LDD3's scullpipe [seed 004] from several processes: a
 * 4000-byte FIFO; O_NONBLOCK readers and writers get EAGAIN; blocked readers
 * are woken by writers and blocked writers by readers; several readers share
 * the data, several writers all get through; poll reports the state and
 * wakes up; a signal ends a blocked read with EINTR; a new buffer size
 * applies once everyone has closed. Must run as root (for the size ioctl).
 * Prints one line per check and exits 0 when all pass. */
#include "tests/check.h"

#include <fcntl.h>
#include <poll.h>
#include <sys/ioctl.h>

#include <uapi/scull.h>

#define PIPE0 "/dev/scullpipe0"
#define PIPE1 "/dev/scullpipe1"
#define PIPE2 "/dev/scullpipe2"

static char buf[8000];

static short poll_now(int fd)
{
	struct pollfd p = { fd, POLLIN | POLLOUT, 0 };
	return poll(&p, 1, 0) == 1 ? p.revents : 0;
}

static void test_nonblocking(void)
{
	int fd = CHECK_OK(open(PIPE0, O_RDWR | O_NONBLOCK), "open " PIPE0 " non-blocking");
	CHECK_ERR(read(fd, buf, 10), EAGAIN, "read on an empty pipe EAGAIN");
	CHECK_EQ(poll_now(fd), POLLOUT, "poll: empty pipe is writable only");
	memset(buf, 'a', sizeof buf);
	CHECK_EQ(write(fd, buf, 5000), SCULL_P_BUFFER, "write 5000 stores 4000");
	CHECK_ERR(write(fd, buf, 1), EAGAIN, "write on a full pipe EAGAIN");
	CHECK_EQ(poll_now(fd), POLLIN, "poll: full pipe is readable only");
	CHECK_EQ(read(fd, buf, 1000), 1000, "read 1000");
	CHECK_EQ(poll_now(fd), POLLIN | POLLOUT, "poll: half full is both");
	CHECK_EQ(write(fd, "0123456789", 10), 10, "write 10 (wraps around the ring)");
	CHECK_EQ(read(fd, buf, sizeof buf), 3010, "read everything: 3010 bytes");
	CHECK(memcmp(buf + 3000, "0123456789", 10) == 0, "in FIFO order");
	CHECK_ERR(read(fd, null_ptr(), 10), EAGAIN, "empty pipe: EAGAIN before the pointer");
	write(fd, "x", 1);
	CHECK_ERR(read(fd, null_ptr(), 10), EFAULT, "read into NULL EFAULT");
	CHECK_EQ(read(fd, buf, 10), 1, "and the byte is still there");
	CHECK_ERR(write(fd, unmapped_page(), 10), EFAULT, "write from an unmapped page EFAULT");
	CHECK_ERR(lseek(fd, 0, SEEK_SET), ESPIPE, "lseek ESPIPE");
	close(fd);
}

/* A child that blocks reading up to 100 bytes from the path; exits with the count. */
static int blocking_reader(void *path)
{
	int fd = open(path, O_RDONLY);
	char b[100];
	return fd < 0 ? 200 : (int)read(fd, b, sizeof b);
}

static int blocking_reader10(void *path)
{
	int fd = open(path, O_RDONLY);
	char b[10];
	return fd < 0 ? 200 : (int)read(fd, b, sizeof b);
}

static void test_blocking_reader(void)
{
	/* Keep the pipe (and its buffer) alive across the child's open. */
	int fd = open(PIPE1, O_RDWR);
	pid_t pid = spawn(blocking_reader, PIPE1);
	sleep_ms(100);
	CHECK(still_running(pid), "a reader blocks on the empty pipe");
	CHECK_EQ(write(fd, "hello", 5), 5, "a writer writes 5 bytes");
	expect_exit(wait_status(pid), 5, "the blocked reader wakes with the 5 bytes");
	close(fd);
}

static int blocking_writer(void *path)
{
	int fd = open(path, O_WRONLY);
	return fd < 0 ? 200 : (int)write(fd, "0123456789", 10);
}

static void test_blocking_writer(void)
{
	int fd = open(PIPE1, O_RDWR | O_NONBLOCK);
	memset(buf, 'b', sizeof buf);
	write(fd, buf, SCULL_P_BUFFER);
	pid_t pid = spawn(blocking_writer, PIPE1);
	sleep_ms(100);
	CHECK(still_running(pid), "a writer blocks on the full pipe");
	CHECK_EQ(read(fd, buf, 100), 100, "a reader takes 100 bytes");
	expect_exit(wait_status(pid), 10, "the blocked writer wakes and writes its 10 bytes");
	CHECK_EQ(read(fd, buf, sizeof buf), SCULL_P_BUFFER - 100 + 10, "everything is there");
	CHECK(memcmp(buf + SCULL_P_BUFFER - 100, "0123456789", 10) == 0, "the writer's bytes last");
	close(fd);
}

static void test_several_readers(void)
{
	int fd = open(PIPE2, O_RDWR);
	pid_t pids[3];
	for (int i = 0; i < 3; i++)
		pids[i] = spawn(blocking_reader10, PIPE2);
	sleep_ms(100);
	int waiting = 0;
	for (int i = 0; i < 3; i++)
		waiting += still_running(pids[i]);
	CHECK_EQ(waiting, 3, "three readers block on the empty pipe");
	memset(buf, 'c', 30);
	CHECK_EQ(write(fd, buf, 30), 30, "one write of 30 bytes");
	int got10 = 0;
	for (int i = 0; i < 3; i++) {
		int st = wait_status(pids[i]);
		got10 += WIFEXITED(st) && WEXITSTATUS(st) == 10;
	}
	CHECK_EQ(got10, 3, "each reader gets 10 bytes of it");
	CHECK_EQ(poll_now(fd), POLLOUT, "and the pipe is empty again");
	close(fd);
}

static int writer_2000(void *path)
{
	int fd = open(path, O_WRONLY);
	char b[2000];
	memset(b, 'w', sizeof b);
	long done = 0, w;
	while (done < (long)sizeof b && (w = write(fd, b + done, sizeof b - done)) > 0)
		done += w;
	return done == (long)sizeof b ? 0 : 1;
}

static void test_several_writers(void)
{
	int fd = open(PIPE2, O_RDONLY);
	pid_t pids[3];
	for (int i = 0; i < 3; i++)
		pids[i] = spawn(writer_2000, PIPE2);
	long total = 0, r;
	while (total < 6000 && (r = read(fd, buf, 700)) > 0)
		total += r;
	CHECK_EQ(total, 6000, "three writers of 2000 bytes through a 4000-byte pipe");
	int ok = 0;
	for (int i = 0; i < 3; i++)
		ok += wait_status(pids[i]) == 0;
	CHECK_EQ(ok, 3, "every writer finished");
	close(fd);
}

static int poll_waiter(void *path)
{
	int fd = open(path, O_RDONLY);
	struct pollfd p = { fd, POLLIN, 0 };
	int n = poll(&p, 1, -1);
	return n == 1 && p.revents == POLLIN ? 0 : 1;
}

static void test_poll_wakeup(void)
{
	int fd = open(PIPE1, O_RDWR);
	pid_t pid = spawn(poll_waiter, PIPE1);
	sleep_ms(100);
	CHECK(still_running(pid), "poll for POLLIN blocks on the empty pipe");
	write(fd, "p", 1);
	expect_exit(wait_status(pid), 0, "a write wakes poll with POLLIN");
	close(fd);
}

static int interrupted_reader(void *path)
{
	set_handler(SIGUSR1, ignore_signal, 0);       /* no SA_RESTART */
	int fd = open(path, O_RDONLY);
	char b[10];
	return read(fd, b, sizeof b) == -1 && errno == EINTR ? 0 : 1;
}

static void test_eintr(void)
{
	int fd = open(PIPE1, O_RDWR);
	pid_t pid = spawn(interrupted_reader, PIPE1);
	int st = interrupt_until_exit(pid, SIGUSR1);
	expect_exit(st, 0, "a signal ends a blocked read with EINTR");
	close(fd);
}

static void test_resize(void)
{
	int fd = open(PIPE0, O_RDWR | O_NONBLOCK);
	CHECK_OK(ioctl(fd, SCULL_P_IOCTSIZE, 100), "P_IOCTSIZE 100");
	CHECK_EQ(write(fd, buf, 200), 200, "the open pipe keeps its old size");
	close(fd);
	fd = open(PIPE0, O_RDWR | O_NONBLOCK);
	CHECK_EQ(write(fd, buf, 200), 100, "reopened after all closed: 100 bytes");
	ioctl(fd, SCULL_P_IOCTSIZE, SCULL_P_BUFFER);
	close(fd);
}

int main(void)
{
	test_nonblocking();
	test_blocking_reader();
	test_blocking_writer();
	test_several_readers();
	test_several_writers();
	test_poll_wakeup();
	test_eintr();
	test_resize();
	return done();
}
