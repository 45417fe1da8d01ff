/* dev_wq_stress: no wake-up is lost, with 100 threads sleeping and waking
 * across CPUs through /dev/wq_test's mailboxes (uapi/wq_test.h). The threads
 * play ping-pong in 50 pairs: each wakes its partner's mailbox and sleeps on
 * its own, ROUNDS times, so every sleep has exactly one wake-up coming, often
 * from another CPU at the moment the sleeper is deciding to sleep. The
 * driver bounds each sleep (WQ_TEST_BOX_TIMEOUT_MS): a sleep that ends
 * without its wake-up is a lost one, and its pair stops.
 * `dev_wq_stress lost-wakeup` first sets wq_test's lost_wakeup parameter,
 * which swaps the driver's wait for the broken one that does not check the
 * condition again once queued; tools/selftest.py runs it so on 4 CPUs and
 * expects this test to fail. */
#include "dev_util.h"
#include "hammer.h"

#include <stdbool.h>
#include <sys/ioctl.h>

#include <uapi/wq_test.h>

#define THREADS 100
#define ROUNDS 30

static int dev;

struct player {
	int gen;                /* the generation its mailbox starts from */
	int lost, errors, rounds;
};
static struct player players[THREADS];

/* 0 woken; otherwise counts the failure in p and returns -1. */
static int sleep_on(struct player *p, int box, int seen)
{
	if (ioctl(dev, WQ_TEST_BOX_SLEEP, WQ_TEST_BOX_ARG(box, seen)) == 0)
		return 0;
	if (errno == ETIMEDOUT)
		p->lost++;
	else
		p->errors++;
	return -1;
}

/* Thread box plays against box ^ 1; the even one serves first. */
static int play(int box, void *arg)
{
	(void)arg;
	struct player *p = &players[box];
	int partner = box ^ 1, seen = p->gen;
	bool serves = (box & 1) == 0;
	for (; p->rounds < ROUNDS; p->rounds++) {
		if (serves && ioctl(dev, WQ_TEST_BOX_WAKE, partner) < 0)
			return 1;
		if (sleep_on(p, box, seen))
			break;
		seen = (seen + 1) & 0xffffff;
		if (!serves && ioctl(dev, WQ_TEST_BOX_WAKE, partner) < 0)
			return 1;
	}
	return 0;
}

static int set_lost_wakeup(const char *value)
{
	int fd = open(WQ_TEST_LOST_WAKEUP_PARAM, O_WRONLY);
	int ok = fd >= 0 && write(fd, value, 1) == 1;
	if (fd >= 0)
		close(fd);
	return ok;
}

int main(int argc, char **argv)
{
	bool broken = argc > 1 && strcmp(argv[1], "lost-wakeup") == 0;
	dev = open(WQ_TEST_PATH, O_RDWR);
	if (!CHECK(dev >= 0, "open " WQ_TEST_PATH))
		return done();
	check_line("# cpus: %d%s", online_cpus(), broken ? ", the broken wait (lost_wakeup=1)" : "");
	if (broken)
		CHECK(set_lost_wakeup("1"), "lost_wakeup set");
	/* A wake with nobody asleep tells each player where its box stands. */
	for (int i = 0; i < THREADS; i++)
		players[i] = (struct player){ .gen = ioctl(dev, WQ_TEST_BOX_WAKE, i) };
	int bad_threads = hammer(THREADS, play, NULL), lost = 0, errors = 0, short_rounds = 0;
	for (int i = 0; i < THREADS; i++) {
		lost += players[i].lost;
		errors += players[i].errors;
		short_rounds += players[i].rounds != ROUNDS;
	}
	if (broken)
		set_lost_wakeup("0");
	check_line("# lost wake-ups: %d; players that stopped early: %d", lost, short_rounds);
	CHECK_EQ(bad_threads, 0, "100 threads started and every wake-up ioctl succeeded");
	CHECK_EQ(errors, 0, "no sleep failed for another reason than a time-out");
	CHECK_EQ(lost, 0, "no sleeper waited out its time-out: no wake-up lost");
	CHECK_EQ(short_rounds, 0, "all 100 threads played all their rounds");
	close(dev);
	return done();
}
