/* time.c: clocks and sleeping. CLOCK_MONOTONIC counts from boot (PIT ticks,
 * interpolated by the TSC: vdso/vvar.c); CLOCK_REALTIME adds the CMOS clock
 * read once at boot. Both
 * the 32-bit and the 64-bit time_t calls are served. Sleeps end early with
 * EINTR when a signal arrives. */
#include "kernel.h"
#include "initcall.h"
#include "proc.h"
#include "syscall.h"
#include "time.h"
#include "vdso/vdso.h"
#include "x86/timer.h"
#include "uapi/errno.h"
#include "uapi/time.h"
#include "x86/x86.h"

#define NSEC NSEC_PER_SEC

static int64_t boot_epoch;              /* seconds since 1970 at boot */

static uint8_t cmos(uint8_t reg)
{
	outb(0x70, reg);
	return inb(0x71);
}

static int bcd(uint8_t v, bool binary)
{
	return binary ? v : (v & 0x0f) + (v >> 4) * 10;
}

static int64_t days_from_civil(int y, int m, int d)
{
	y -= m <= 2;
	int era = (y >= 0 ? y : y - 399) / 400;
	int yoe = y - era * 400;
	int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return (int64_t)era * 146097 + doe - 719468;
}

static int rtc_init(void)
{
	while (cmos(0x0a) & 0x80)          /* update in progress */
		;
	bool binary = cmos(0x0b) & 0x04;
	int sec = bcd(cmos(0x00), binary), min = bcd(cmos(0x02), binary);
	int hour = bcd(cmos(0x04) & 0x7f, binary), day = bcd(cmos(0x07), binary);
	int mon = bcd(cmos(0x08), binary), year = bcd(cmos(0x09), binary) + 2000;
	boot_epoch = days_from_civil(year, mon, day) * 86400 + hour * 3600 + min * 60 + sec;
	vvar_set_epoch((int32_t)boot_epoch);
	return 0;
}
core_initcall(rtc_init);

int64_t realtime_seconds(void)
{
	return boot_epoch + (int64_t)(monotonic_ns() / NSEC);
}

int clock_now(int clk, int64_t *ns)
{
	int64_t mono = (int64_t)monotonic_ns();
	switch (clk) {
	case CLOCK_REALTIME:
	case CLOCK_REALTIME_COARSE:
		*ns = boot_epoch * NSEC + mono;
		return 0;
	case CLOCK_MONOTONIC:
	case CLOCK_MONOTONIC_RAW:
	case CLOCK_MONOTONIC_COARSE:
	case CLOCK_BOOTTIME:
		*ns = mono;
		return 0;
	case CLOCK_PROCESS_CPUTIME_ID:
	case CLOCK_THREAD_CPUTIME_ID:
		*ns = (int64_t)(current->utime + current->stime) * (NSEC / HZ);
		return 0;
	}
	return -EINVAL;
}

/* The 32-bit and 64-bit time_t forms of struct timespec differ only in width. */
static int copyout_timespec(void __user *u, bool wide, int64_t ns)
{
	if (wide) {
		struct k_timespec64 ts = { ns / NSEC, ns % NSEC };
		return copyout(&ts, u, sizeof(ts)) ? -EFAULT : 0;
	}
	struct k_timespec32 ts = { (int32_t)(ns / NSEC), (int32_t)(ns % NSEC) };
	return copyout(&ts, u, sizeof(ts)) ? -EFAULT : 0;
}

int copyin_timespec(const void __user *u, bool wide, int64_t *ns)
{
	int64_t sec, nsec;
	if (wide) {
		struct k_timespec64 ts;
		if (copyin(u, &ts, sizeof(ts)))
			return -EFAULT;
		sec = ts.tv_sec, nsec = ts.tv_nsec;
	} else {
		struct k_timespec32 ts;
		if (copyin(u, &ts, sizeof(ts)))
			return -EFAULT;
		sec = ts.tv_sec, nsec = ts.tv_nsec;
	}
	if (sec < 0 || nsec < 0 || nsec >= NSEC)
		return -EINVAL;
	/* A 64-bit time_t can ask for more than 292 years: that is forever. */
	*ns = sec >= INT64_MAX / NSEC ? INT64_MAX : sec * NSEC + nsec;
	return 0;
}

int64_t ns_to_jiffies(int64_t ns)
{
	return ns / (NSEC / HZ) + (ns % (NSEC / HZ) != 0);
}

static long do_clock_gettime(int clk, void __user *uts, bool wide)
{
	int64_t ns;
	int r = clock_now(clk, &ns);
	return r ? r : copyout_timespec(uts, wide, ns);
}

SYSCALL_DEFINE2(clock_gettime64, int, clk, struct k_timespec64 *, uts)
{
	return do_clock_gettime(clk, uts, true);
}

SYSCALL_DEFINE2(clock_gettime, int, clk, struct k_timespec32 *, uts)
{
	return do_clock_gettime(clk, uts, false);
}

/* Every clock here counts in nanoseconds, but the PIT interpolation is good
 * to about a microsecond. */
static long do_clock_getres(int clk, void __user *uts, bool wide)
{
	int64_t ns;
	int r = clock_now(clk, &ns);
	return r ? r : uts ? copyout_timespec(uts, wide, 1000) : 0;
}

SYSCALL_DEFINE2(clock_getres_time64, int, clk, struct k_timespec64 *, uts)
{
	return do_clock_getres(clk, uts, true);
}

SYSCALL_DEFINE2(clock_getres, int, clk, struct k_timespec32 *, uts)
{
	return do_clock_getres(clk, uts, false);
}

SYSCALL_DEFINE2(gettimeofday, struct k_timeval *, utv, void *, utz)
{
	int64_t ns;
	clock_now(CLOCK_REALTIME, &ns);
	struct k_timeval tv = { (int32_t)(ns / NSEC), (int32_t)(ns % NSEC / 1000) };
	if (utv && copyout(&tv, utv, sizeof(tv)))
		return -EFAULT;
	if (utz) {
		static const int32_t tz[2];
		if (copyout(tz, utz, sizeof(tz)))
			return -EFAULT;
	}
	return 0;
}

SYSCALL_DEFINE1(time, int32_t *, ut)
{
	int64_t ns;
	clock_now(CLOCK_REALTIME, &ns);
	int32_t t = (int32_t)(ns / NSEC);
	if (ut && copyout(&t, ut, sizeof(t)))
		return -EFAULT;
	return t;
}

static DECLARE_WAIT_QUEUE_HEAD(sleep_wait);

/* Sleeps until the clock reaches deadline_ns; -EINTR with the time left if a
 * signal comes first. */
static int sleep_until(int clk, int64_t deadline_ns, int64_t *left_ns)
{
	for (;;) {
		int64_t now;
		clock_now(clk, &now);
		if (now >= deadline_ns)
			return 0;
		int64_t ticks = ns_to_jiffies(deadline_ns - now);
		/* A longer sleep goes in several of the longest the scheduler takes. */
		if (ticks > INT32_MAX)
			ticks = INT32_MAX;
		int r = (int)wait_event_interruptible_timeout(sleep_wait, false, (long)ticks);
		if (r < 0) {
			clock_now(clk, &now);
			*left_ns = deadline_ns > now ? deadline_ns - now : 0;
			return -EINTR;
		}
	}
}

/* A relative or TIMER_ABSTIME sleep; on EINTR a relative one reports the
 * time left through urem. */
static int do_nanosleep(int clk, int flags, const void __user *ureq, void __user *urem, bool wide)
{
	int64_t req, now, left = 0;
	/* Linux refuses the thread CPU clock here (a sleeping thread uses none). */
	if (clk == CLOCK_THREAD_CPUTIME_ID)
		return -EOPNOTSUPP;
	int r = copyin_timespec(ureq, wide, &req);
	if (!r)
		r = clock_now(clk, &now);
	if (r)
		return r;
	int64_t deadline = (flags & TIMER_ABSTIME) ? req : req > INT64_MAX - now ? INT64_MAX : now + req;
	r = sleep_until(clk, deadline, &left);
	if (r == -EINTR && urem && !(flags & TIMER_ABSTIME) && copyout_timespec(urem, wide, left))
		return -EFAULT;
	return r;
}

SYSCALL_DEFINE2(nanosleep, const struct k_timespec32 *, ureq, struct k_timespec32 *, urem)
{
	return do_nanosleep(CLOCK_MONOTONIC, 0, ureq, urem, false);
}

SYSCALL_DEFINE4(clock_nanosleep, int, clk, int, flags, const struct k_timespec32 *, ureq,
		struct k_timespec32 *, urem)
{
	return do_nanosleep(clk, flags, ureq, urem, false);
}

SYSCALL_DEFINE4(clock_nanosleep_time64, int, clk, int, flags, const struct k_timespec64 *, ureq,
		struct k_timespec64 *, urem)
{
	return do_nanosleep(clk, flags, ureq, urem, true);
}

SYSCALL_DEFINE1(times, uint32_t *, ubuf)
{
	uint32_t ut, st;
	thread_group_cputime(current, &ut, &st);
	const struct proc *leader = current->group_leader;
	uint32_t t[4] = { jiffies_to_clock_t(ut), jiffies_to_clock_t(st),
			   jiffies_to_clock_t(leader->cutime), jiffies_to_clock_t(leader->cstime) };
	if (ubuf && copyout(t, ubuf, sizeof(t)))
		return -EFAULT;
	return jiffies_to_clock_t(get_jiffies_64());
}
