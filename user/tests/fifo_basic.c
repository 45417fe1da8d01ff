/* fifo_basic: named pipes (mkfifo). Opening one end waits for the other end
 * unless O_NONBLOCK (a reader then goes on, a writer gets ENXIO); O_RDWR never
 * waits; data flows as through a pipe, EOF when the last writer closes; the
 * FIFO keeps working after its name is unlinked. */
#include "check.h"

#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>

static char path[64];

static int late_writer(void *unused)
{
	(void)unused;
	int fd = open(path, O_WRONLY);          /* waits for the parent's reader */
	return fd >= 0 && write(fd, "x", 1) == 1 ? 0 : 1;
}

int main(void)
{
	struct stat st;
	char buf[16];
	snprintf(path, sizeof path, "/tmp/fifo_basic_%d", (int)getpid());

	CHECK_OK(mkfifo(path, 0600), "mkfifo");
	CHECK(stat(path, &st) == 0 && S_ISFIFO(st.st_mode), "stat says it is a FIFO");
	CHECK_ERR(mkfifo(path, 0600), EEXIST, "mkfifo of an existing name EEXIST");

	CHECK_ERR(open(path, O_WRONLY | O_NONBLOCK), ENXIO, "non-blocking writer with no reader ENXIO");
	int r = CHECK_OK(open(path, O_RDONLY | O_NONBLOCK), "non-blocking reader with no writer opens");
	CHECK_EQ(read(r, buf, sizeof buf), 0, "and reads EOF");
	int w = CHECK_OK(open(path, O_WRONLY | O_NONBLOCK), "a writer opens once there is a reader");
	CHECK(fstat(w, &st) == 0 && S_ISFIFO(st.st_mode), "fstat of an open FIFO");
	CHECK_EQ(write(w, "hello", 5), 5, "write");
	CHECK_EQ(read(r, buf, sizeof buf), 5, "read what was written");
	CHECK(memcmp(buf, "hello", 5) == 0, "the same bytes");
	CHECK_ERR(read(r, buf, sizeof buf), EAGAIN, "empty with a writer: EAGAIN");
	close(w);
	CHECK_EQ(read(r, buf, sizeof buf), 0, "EOF once the writer closed");
	close(r);

	int rw = CHECK_OK(open(path, O_RDWR), "O_RDWR opens without waiting");
	CHECK_EQ(write(rw, "ab", 2), 2, "O_RDWR writes");
	CHECK_EQ(read(rw, buf, sizeof buf), 2, "and reads back");
	close(rw);

	pid_t pid = spawn(late_writer, NULL);
	sleep_ms(100);
	CHECK(still_running(pid), "a blocking writer waits for a reader");
	r = CHECK_OK(open(path, O_RDONLY), "a blocking reader opens when a writer waits");
	CHECK_EQ(read(r, buf, sizeof buf), 1, "reads the waiting writer's byte");
	expect_exit(wait_status(pid), 0, "the writer finished");
	CHECK_EQ(read(r, buf, sizeof buf), 0, "EOF after it exited");

	CHECK_OK(unlink(path), "unlink the FIFO");
	close(r);
	return done();
}
