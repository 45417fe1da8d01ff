/* dev_race_counter: the lost update, through /dev/race_test
 * (uapi/race_test.h). Four threads each add M to one counter in the
 * driver: under its spinlock and under its mutex the total is exactly 4M
 * on any number of CPUs. Without the lock, on several CPUs, some rounds
 * lose updates (an increment lands between another's load and store), so
 * the race is shown to be reachable; on one CPU the kernel is not
 * preempted, so nothing is lost even without the lock. The CPU count is
 * printed first, since what the unlocked run must show depends on it. */
#include "dev_util.h"
#include "hammer.h"

#include <sys/ioctl.h>

#include <uapi/race_test.h>

#define THREADS 4
#define ADDS 20000              /* per thread and round */
#define UNLOCKED_ROUNDS 10      /* rounds the unlocked run gets to lose an update */

static int dev;

static int adder(int i, void *cmd)
{
	(void)i;
	return ioctl(dev, (unsigned long)cmd, ADDS) != 0;
}

/* One round: the total four concurrent ADDs of cmd left, or -1 when an
 * ioctl or a thread failed. */
static long round_total(unsigned long cmd)
{
	if (ioctl(dev, RACE_TEST_RESET) != 0 || hammer(THREADS, adder, (void *)cmd) != 0)
		return -1;
	return ioctl(dev, RACE_TEST_READ);
}

int main(void)
{
	dev = open(RACE_TEST_PATH, O_RDWR);
	if (!CHECK(dev >= 0, "open " RACE_TEST_PATH))
		return done();
	int cpus = online_cpus();
	check_line("# cpus: %d", cpus);
	CHECK_ERR(ioctl(dev, RACE_TEST_ADD_UNLOCKED, RACE_TEST_MAX_ADDS + 1), EINVAL,
		  "more adds than RACE_TEST_MAX_ADDS: EINVAL");

	CHECK_EQ(round_total(RACE_TEST_ADD_SPINLOCK), THREADS * ADDS,
		 "4 threads under the spinlock: no update lost");
	CHECK_EQ(round_total(RACE_TEST_ADD_MUTEX), THREADS * ADDS,
		 "4 threads under the mutex: no update lost");

	long lowest = THREADS * ADDS;
	int rounds = 0, bad = 0;
	while (rounds < (cpus > 1 ? UNLOCKED_ROUNDS : 1) && lowest == THREADS * ADDS) {
		long total = round_total(RACE_TEST_ADD_UNLOCKED);
		bad |= total < 0 || total > THREADS * ADDS;
		if (total >= 0 && total < lowest)
			lowest = total;
		rounds++;
	}
	check_line("# unlocked: %ld of %d after %d round(s)", lowest, THREADS * ADDS, rounds);
	CHECK(!bad, "unlocked rounds ran and never counted more than they added");
	if (cpus > 1)
		CHECK(lowest < THREADS * ADDS, "4 threads on several CPUs without the lock: updates lost");
	else
		CHECK_EQ(lowest, THREADS * ADDS, "4 threads on one CPU without the lock: none lost (no preemption)");
	close(dev);
	return done();
}
