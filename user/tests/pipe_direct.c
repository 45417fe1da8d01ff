/* pipe_direct: big writes reach readers whole and in order whatever the
 * reads' sizes (freax copies a write of more than PIPE_BUF straight into a
 * sleeping reader's buffer, see kernel/fs/pipe.c): 64 KiB and odd-sized
 * writes read back in 1000-byte and 100000-byte pieces, into memory touched
 * and not yet touched; a write of 8 KiB into an empty pipe returns at once
 * with no reader running; a reader that leaves with a write half taken
 * gets the rest on its next read. */
#include "check.h"

#include <stdbool.h>
#include <sys/mman.h>
#include <sys/wait.h>

enum { TOTAL = 300000 };

static unsigned char out[TOTAL];

static unsigned char pattern(long i)
{
	return (unsigned char)(i * 7 + i / 251);
}

/* The reader: reads TOTAL bytes in `piece`-sized reads; 0 if they are the pattern. */
static int reader(int fd, size_t piece, bool fresh)
{
	unsigned char *buf = fresh ? mmap(NULL, TOTAL, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)
				   : out;
	if (buf == MAP_FAILED)
		return 3;
	long got = 0;
	while (got < TOTAL) {
		ssize_t n = read(fd, buf + got, piece < (size_t)(TOTAL - got) ? piece : (size_t)(TOTAL - got));
		if (n <= 0)
			return 1;
		got += n;
	}
	for (long i = 0; i < TOTAL; i++)
		if (buf[i] != pattern(i))
			return 2;
	return read(fd, buf, 1) == 0 ? 0 : 4;
}

static void transfer(size_t wpiece, size_t rpiece, bool fresh, const char *what)
{
	int p[2];
	if (pipe(p))
		return;
	pid_t pid = fork();
	if (pid == 0) {
		close(p[1]);
		_exit(reader(p[0], rpiece, fresh));
	}
	close(p[0]);
	for (long i = 0; i < TOTAL; i++)
		out[i] = pattern(i);
	long sent = 0;
	while (sent < TOTAL) {
		ssize_t n = write(p[1], out + sent, wpiece < (size_t)(TOTAL - sent) ? wpiece : (size_t)(TOTAL - sent));
		if (n <= 0)
			break;
		sent += n;
	}
	close(p[1]);
	CHECK_EQ(sent, TOTAL, what);
	expect_exit(wait_status(pid), 0, what);
}

int main(void)
{
	transfer(65536, 65536, false, "64 KiB writes, 64 KiB reads");
	transfer(65536, 1000, false, "64 KiB writes, 1000-byte reads");
	transfer(10007, 100000, false, "10007-byte writes, 100000-byte reads");
	transfer(65536, 65536, true, "64 KiB writes into untouched memory");

	int p[2];
	static char buf[16384];
	CHECK_OK(pipe(p), "a pipe");
	memset(buf, 'a', sizeof buf);
	CHECK_EQ(write(p[1], buf, 8192), 8192, "8 KiB into an empty pipe, no reader running");
	CHECK_EQ(read(p[0], buf, sizeof buf), 8192, "read back");
	CHECK_EQ(write(p[1], buf, 16384), 16384, "16 KiB");
	CHECK_EQ(read(p[0], buf, 100), 100, "a short read");
	CHECK_EQ(read(p[0], buf, sizeof buf), 16284, "the rest on the next read");
	return done();
}
