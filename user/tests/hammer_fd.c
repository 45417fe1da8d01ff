/* hammer_fd: one fd table, 4 threads opening, duplicating and closing at
 * once. Each thread opens /dev/null ROUNDS times and claims the number it
 * got in a shared table before it closes it: no number is ever handed to
 * two threads at once. Each dup2s onto a number of its own and closes both.
 * Afterwards the table holds what it held before (no fd leaked). A read
 * blocked on a pipe whose fd another thread closes finishes normally with
 * the data written after the close, as on Linux (the read holds the file,
 * not the number). Bounded by an alarm. */
#include "hammer.h"

#define THREADS 4
#define ROUNDS 2000
#define TABLE 1024

static int owner[TABLE];        /* 1 + the thread that holds the fd, or 0 */
static int twice;               /* an fd some thread got while another held it */

static int open_fds(void)
{
	int n = 0;
	for (int fd = 0; fd < TABLE; fd++)
		n += fcntl(fd, F_GETFD) != -1;
	return n;
}

static int churn(int t, void *arg)
{
	(void)arg;
	int bad = 0;
	for (int r = 0; r < ROUNDS; r++) {
		int fd = open("/dev/null", O_RDONLY);
		if (fd < 0 || fd >= TABLE)
			return 1;
		int none = 0;
		if (!__atomic_compare_exchange_n(&owner[fd], &none, t + 1, 0, __ATOMIC_ACQ_REL,
						 __ATOMIC_RELAXED))
			__atomic_add_fetch(&twice, 1, __ATOMIC_RELAXED);
		int copy = 900 + t;
		bad |= dup2(fd, copy) != copy || close(copy) != 0;
		__atomic_store_n(&owner[fd], 0, __ATOMIC_RELEASE);
		bad |= close(fd) != 0;
	}
	return bad;
}

static int busy[2];

static int busy_reader(int i, void *arg)
{
	(void)arg;
	if (i == 1) {
		/* Give the reader a moment to block, then pull the number away. */
		usleep(100000);
		return close(busy[0]) != 0 || write(busy[1], "z", 1) != 1;
	}
	char c = 0;
	return read(busy[0], &c, 1) != 1 || c != 'z';
}

int main(void)
{
	alarm(60);
	int before = open_fds();
	CHECK_EQ(hammer(THREADS, churn, NULL), 0, "4 threads open, dup2 and close 2000 times each");
	CHECK_EQ(twice, 0, "no fd number was handed out while another thread held it");
	CHECK_EQ(open_fds(), before, "the fd table holds what it held before");
	if (CHECK_OK(pipe(busy), "pipe") == 0) {
		CHECK_EQ(hammer(2, busy_reader, NULL), 0,
			 "a read blocked on an fd another thread closes gets the data written after");
		CHECK_ERR(fcntl(busy[0], F_GETFD), EBADF, "and the number is free");
		close(busy[1]);
	}
	CHECK_EQ(open_fds(), before, "no fd leaked");
	return done();
}
