/* hammer_pipe: one pipe, 4 writer threads and 4 reader threads at once.
 * Each writer writes RECORDS records of 64 bytes of its own letter (writes
 * of at most PIPE_BUF bytes are atomic); the readers read whatever comes
 * until end of file, which the last writer's close brings, and count the
 * letters. Every byte is accounted for, each letter exactly as often as it
 * was written, and every read holds whole records. Bounded by an alarm. */
#include "hammer.h"

#define WRITERS 4
#define READERS 4
#define RECORDS 500
#define RECORD 64

static int pipefd[2];
static long counts[READERS][WRITERS];
static long torn;               /* records with two writers' bytes in them */
static int writers_left = WRITERS;

static int writer(int w, void *arg)
{
	(void)arg;
	char rec[RECORD];
	memset(rec, 'A' + w, sizeof rec);
	int bad = 0;
	for (int i = 0; i < RECORDS; i++)
		bad |= write(pipefd[1], rec, sizeof rec) != RECORD;
	/* The last writer out closes the write end: the readers' end of file. */
	if (__atomic_sub_fetch(&writers_left, 1, __ATOMIC_ACQ_REL) == 0)
		close(pipefd[1]);
	return bad;
}

/* Reads up to 4 records at a time. Linux's pipe copies a write of at most
 * PIPE_BUF bytes in and a read's bytes out under one lock, so a read sees
 * whole writes: a count in 64s, each 64 bytes one writer's. */
static int reader(int r, void *arg)
{
	(void)arg;
	char buf[4 * RECORD];
	for (;;) {
		ssize_t n = read(pipefd[0], buf, sizeof buf);
		if (n <= 0)
			return n < 0;
		if (n % RECORD)
			__atomic_add_fetch(&torn, 1, __ATOMIC_RELAXED);
		for (ssize_t i = 0; i < n; i++) {
			unsigned w = (unsigned)(buf[i] - 'A');
			if (w >= WRITERS)
				return 1;
			counts[r][w]++;
			if (i % RECORD && buf[i] != buf[i - 1])
				__atomic_add_fetch(&torn, 1, __ATOMIC_RELAXED);
		}
	}
}

static int both(int i, void *arg)
{
	return i < WRITERS ? writer(i, arg) : reader(i - WRITERS, arg);
}

int main(void)
{
	alarm(60);
	if (CHECK_OK(pipe(pipefd), "pipe") < 0)
		return done();
	CHECK_EQ(hammer(WRITERS + READERS, both, NULL), 0,
		 "4 writers and 4 readers on one pipe: every write whole, every read ended at EOF");
	long total = 0, each_ok = 1;
	for (int w = 0; w < WRITERS; w++) {
		long n = 0;
		for (int r = 0; r < READERS; r++)
			n += counts[r][w];
		each_ok &= n == RECORDS * RECORD;
		total += n;
	}
	CHECK_EQ(total, WRITERS * RECORDS * RECORD, "every byte written was read once");
	CHECK(each_ok, "each writer's bytes arrived, no more and no less");
	CHECK_EQ(torn, 0, "every read held whole 64-byte writes");
	close(pipefd[0]);
	return done();
}
