/* pipe_basic: pipes as Linux has them.
 * pipe/pipe2 flags seen through fcntl, FIFO order and short reads, EAGAIN on an empty
 * or full non-blocking pipe, the 65536-byte capacity, atomic writes of PIPE_BUF (4096)
 * bytes from concurrent writers, EOF once the last writer closes (waking every blocked
 * reader), EPIPE/SIGPIPE with no reader, a blocked writer woken by a reader, and
 * FIONREAD.  After LTP's pipe*, pipe2* and read/write-on-pipe tests. */
#include "check.h"

#include <fcntl.h>
#include <sys/ioctl.h>

#define CAPACITY 65536
#define PIPE_BUF_SZ 4096

static char buf[CAPACITY + PIPE_BUF_SZ];

/* Reads exactly n bytes unless EOF or an error comes first; returns the count. */
static long read_full(int fd, char *p, long n)
{
	long got = 0, r;
	while (got < n && (r = read(fd, p + got, n - got)) > 0)
		got += r;
	return got;
}

static void test_flags(void)
{
	int p[2];
	CHECK_OK(pipe(p), "pipe");
	CHECK(p[0] >= 0 && p[1] >= 0 && p[0] != p[1], "two distinct fds");
	CHECK_EQ(fcntl(p[0], F_GETFL) & O_ACCMODE, O_RDONLY, "read end is O_RDONLY");
	CHECK_EQ(fcntl(p[1], F_GETFL) & O_ACCMODE, O_WRONLY, "write end is O_WRONLY");
	CHECK_EQ(fcntl(p[0], F_GETFD), 0, "pipe fds have no FD_CLOEXEC");
	CHECK_EQ(fcntl(p[1], F_GETFL) & O_NONBLOCK, 0, "pipe fds are blocking");
	CHECK_ERR(write(p[0], "x", 1), EBADF, "write to the read end EBADF");
	CHECK_ERR(read(p[1], buf, 1), EBADF, "read from the write end EBADF");
	close(p[0]);
	close(p[1]);

	CHECK_OK(sys_pipe2(p, O_CLOEXEC | O_NONBLOCK), "pipe2 O_CLOEXEC|O_NONBLOCK");
	CHECK(fcntl(p[0], F_GETFD) == FD_CLOEXEC && fcntl(p[1], F_GETFD) == FD_CLOEXEC,
	      "pipe2 O_CLOEXEC sets FD_CLOEXEC on both ends");
	CHECK((fcntl(p[0], F_GETFL) & O_NONBLOCK) && (fcntl(p[1], F_GETFL) & O_NONBLOCK),
	      "pipe2 O_NONBLOCK on both ends");
	CHECK_ERR(read(p[0], buf, 1), EAGAIN, "empty non-blocking read EAGAIN");
	close(p[0]);
	close(p[1]);
	CHECK_ERR(sys_pipe2(p, 0x12345), EINVAL, "pipe2 bad flags EINVAL");
	CHECK_ERR(sys_pipe2(null_ptr(), 0), EFAULT, "pipe2 NULL array EFAULT");
}

static void test_data(void)
{
	int p[2];
	pipe(p);
	CHECK_EQ(write(p[1], "first", 5), 5, "write 5 bytes");
	CHECK_EQ(write(p[1], "second", 6), 6, "write 6 bytes");
	int avail = -1;
	CHECK_OK(ioctl(p[0], FIONREAD, &avail), "FIONREAD on the read end");
	CHECK_EQ(avail, 11, "FIONREAD counts 11 bytes");
	char b[64] = { 0 };
	CHECK_EQ(read(p[0], b, 3), 3, "read 3 of them");
	CHECK(memcmp(b, "fir", 3) == 0, "first bytes come out first");
	CHECK_EQ(read(p[0], b, sizeof b), 8, "read asking for more returns what is there");
	CHECK(memcmp(b, "stsecond", 8) == 0, "rest in order");
	ioctl(p[0], FIONREAD, &avail);
	CHECK_EQ(avail, 0, "FIONREAD is 0 when drained");
	close(p[0]);
	close(p[1]);
}

static void test_capacity(void)
{
	int p[2];
	sys_pipe2(p, O_NONBLOCK);
	memset(buf, 'c', sizeof buf);
	long total = 0, r;
	while ((r = write(p[1], buf, PIPE_BUF_SZ)) > 0)
		total += r;
	CHECK_ERR(write(p[1], buf, 1), EAGAIN, "full non-blocking write EAGAIN");
	CHECK_EQ(total, CAPACITY, "pipe holds 65536 bytes");
	int avail = 0;
	ioctl(p[0], FIONREAD, &avail);
	CHECK_EQ(avail, CAPACITY, "FIONREAD reports a full pipe");
	CHECK_EQ(read_full(p[0], buf, CAPACITY), CAPACITY, "all 65536 bytes read back");
	CHECK_ERR(read(p[0], buf, 1), EAGAIN, "drained non-blocking read EAGAIN");

	/* With 4096 bytes free, a large write is partial and a small one past the
	 * free space is refused whole (writes up to PIPE_BUF are atomic). */
	write(p[1], buf, CAPACITY - PIPE_BUF_SZ);
	CHECK_EQ(write(p[1], buf, 2 * PIPE_BUF_SZ), PIPE_BUF_SZ, "large non-blocking write is partial");
	read_full(p[0], buf, 100);
	CHECK_ERR(write(p[1], buf, 200), EAGAIN, "atomic write larger than the room EAGAIN");
	close(p[0]);
	close(p[1]);
}

/* Writers send 4096-byte records of one byte value each; each aligned 4096-byte piece
 * of the stream must therefore be uniform if the writes were atomic. */
static void test_atomic(void)
{
	enum { WRITERS = 4, RECORDS = 32 };
	int p[2];
	pipe(p);
	pid_t pids[WRITERS];
	for (int w = 0; w < WRITERS; w++) {
		pids[w] = fork();
		if (pids[w] == 0) {
			char rec[PIPE_BUF_SZ];
			close(p[0]);
			memset(rec, 'A' + w, sizeof rec);
			for (int i = 0; i < RECORDS; i++)
				if (write(p[1], rec, sizeof rec) != (long)sizeof rec)
					_exit(1);
			_exit(0);
		}
	}
	close(p[1]);
	int counts[WRITERS] = { 0 }, mixed = 0, records = 0;
	while (read_full(p[0], buf, PIPE_BUF_SZ) == PIPE_BUF_SZ) {
		records++;
		int w = buf[0] - 'A';
		for (int i = 1; i < PIPE_BUF_SZ; i++)
			if (buf[i] != buf[0])
				w = -1;
		if (w < 0 || w >= WRITERS)
			mixed++;
		else
			counts[w]++;
	}
	int writers_ok = 0;
	for (int w = 0; w < WRITERS; w++) {
		int st;
		waitpid(pids[w], &st, 0);
		writers_ok += WIFEXITED(st) && WEXITSTATUS(st) == 0 && counts[w] == RECORDS;
	}
	CHECK_EQ(records, WRITERS * RECORDS, "reader got every record");
	CHECK_EQ(mixed, 0, "no record interleaved with another (PIPE_BUF atomic)");
	CHECK_EQ(writers_ok, WRITERS, "each writer's records all arrived");
	close(p[0]);
}

static void test_eof(void)
{
	int p[2];
	pipe(p);
	int w2 = dup(p[1]);
	write(p[1], "z", 1);
	close(p[1]);
	char c;
	CHECK_EQ(read(p[0], &c, 1), 1, "data written before close is still read");
	fcntl(p[0], F_SETFL, O_NONBLOCK);
	CHECK_ERR(read(p[0], &c, 1), EAGAIN, "one writer left: no EOF yet");
	close(w2);
	CHECK_EQ(read(p[0], &c, 1), 0, "last writer closed: EOF");
	CHECK_EQ(read(p[0], &c, 1), 0, "EOF again");
	close(p[0]);
}

static int write_to_closed(void *fdp)
{
	return write(*(int *)fdp, "x", 1) == -1 && errno == EPIPE ? 0 : 1;
}

static int write_to_closed_ignored(void *fdp)
{
	set_handler(SIGPIPE, SIG_IGN, 0);
	return write_to_closed(fdp);
}

static void test_epipe(void)
{
	int p[2];
	pipe(p);
	close(p[0]);
	expect_signal(run_child(write_to_closed, &p[1]), SIGPIPE, "write with no reader: SIGPIPE");
	expect_exit(run_child(write_to_closed_ignored, &p[1]), 0,
		    "write with no reader, SIGPIPE ignored: EPIPE");
	close(p[1]);
}

/* Several readers block on an empty pipe; closing the last writer wakes them all. */
static void test_wake_readers(void)
{
	enum { READERS = 3 };
	int p[2];
	pipe(p);
	pid_t pids[READERS];
	for (int i = 0; i < READERS; i++) {
		pids[i] = fork();
		if (pids[i] == 0) {
			char c;
			close(p[1]);
			_exit(read(p[0], &c, 1) == 0 ? 0 : 1);
		}
	}
	sleep_ms(100);
	int running = 0, st;
	for (int i = 0; i < READERS; i++)
		running += waitpid(pids[i], &st, WNOHANG) == 0;
	CHECK_EQ(running, READERS, "readers block on an empty pipe");
	close(p[1]);
	int eof = 0;
	for (int i = 0; i < READERS; i++)
		eof += waitpid(pids[i], &st, 0) == pids[i] && WIFEXITED(st) && WEXITSTATUS(st) == 0;
	CHECK_EQ(eof, READERS, "closing the last writer wakes every reader with EOF");
	close(p[0]);
}

/* A writer blocks on a full pipe until the reader makes room. */
static void test_wake_writer(void)
{
	int p[2];
	pipe(p);
	pid_t pid = fork();
	if (pid == 0) {
		close(p[0]);
		memset(buf, 'w', sizeof buf);
		_exit(write(p[1], buf, CAPACITY + 1000) == CAPACITY + 1000 ? 0 : 1);
	}
	close(p[1]);
	sleep_ms(100);
	int st;
	CHECK_EQ(waitpid(pid, &st, WNOHANG), 0, "writer blocks on a full pipe");
	CHECK_EQ(read_full(p[0], buf, CAPACITY + 1000), CAPACITY + 1000, "reader drains everything");
	CHECK_EQ(read(p[0], buf, 1), 0, "then EOF");
	expect_exit(wait_status(pid), 0, "blocked writer completed its whole write");
	close(p[0]);
}

int main(void)
{
	test_flags();
	test_data();
	test_capacity();
	test_atomic();
	test_eof();
	test_epipe();
	test_wake_readers();
	test_wake_writer();
	return done();
}
