/* time.c: clocks and sleeping. CLOCK_MONOTONIC counts from boot (PIT ticks,
 * interpolated); CLOCK_REALTIME adds the CMOS clock read once at boot. Both
 * the 32-bit and the 64-bit time_t calls are served. Sleeps end early with
 * EINTR when a signal arrives. */
#include "kernel.h"
#include "initcall.h"
#include "proc.h"
#include "syscall.h"
#include "timer.h"
#include "uapi/errno.h"
#include "uapi/time.h"
#include "x86.h"

#define NSEC 1000000000ll

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
	return 0;
}
core_initcall(rtc_init);

int64_t realtime_seconds(void)
{
	return boot_epoch + (int64_t)(monotonic_ns() / NSEC);
}

static int clock_now(int clk, int64_t *ns)
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

SYSCALL_DEFINE2(clock_gettime64, int, clk, struct k_timespec64 *, uts)
{
	int64_t ns;
	int r = clock_now(clk, &ns);
	if (r)
		return r;
	struct k_timespec64 ts = { ns / NSEC, ns % NSEC };
	return copyout(&ts, uts, sizeof(ts)) ? -EFAULT : 0;
}

SYSCALL_DEFINE2(clock_gettime, int, clk, struct k_timespec32 *, uts)
{
	int64_t ns;
	int r = clock_now(clk, &ns);
	if (r)
		return r;
	struct k_timespec32 ts = { (int32_t)(ns / NSEC), (int32_t)(ns % NSEC) };
	return copyout(&ts, uts, sizeof(ts)) ? -EFAULT : 0;
}

static int clock_res(int clk, int64_t *ns)
{
	int64_t dummy;
	int r = clock_now(clk, &dummy);
	*ns = 1000;
	return r;
}

SYSCALL_DEFINE2(clock_getres_time64, int, clk, struct k_timespec64 *, uts)
{
	int64_t ns;
	int r = clock_res(clk, &ns);
	struct k_timespec64 ts = { 0, ns };
	return r ? r : uts && copyout(&ts, uts, sizeof(ts)) ? -EFAULT : 0;
}

SYSCALL_DEFINE2(clock_getres, int, clk, struct k_timespec32 *, uts)
{
	int64_t ns;
	int r = clock_res(clk, &ns);
	struct k_timespec32 ts = { 0, (int32_t)ns };
	return r ? r : uts && copyout(&ts, uts, sizeof(ts)) ? -EFAULT : 0;
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

static struct wait_queue_head sleep_wait = { LIST_HEAD_INIT(sleep_wait.head) };

/* Sleeps until the clock reaches deadline_ns; -EINTR with the time left if a
 * signal comes first. */
static int sleep_until(int clk, int64_t deadline_ns, int64_t *left_ns)
{
	for (;;) {
		int64_t now;
		clock_now(clk, &now);
		if (now >= deadline_ns)
			return 0;
		int64_t ticks = (deadline_ns - now + NSEC / HZ - 1) / (NSEC / HZ);
		int r = (int)wait_event_interruptible_timeout(sleep_wait, false, ticks);
		if (r < 0) {
			clock_now(clk, &now);
			*left_ns = deadline_ns > now ? deadline_ns - now : 0;
			return -EINTR;
		}
	}
}

static int do_nanosleep(int clk, int flags, int64_t req_ns, int64_t *left_ns)
{
	int64_t now;
	int r = clock_now(clk, &now);
	if (r)
		return r;
	*left_ns = 0;
	return sleep_until(clk, (flags & TIMER_ABSTIME) ? req_ns : now + req_ns, left_ns);
}

static int sleep32(int clk, int flags, const struct k_timespec32 *ureq, struct k_timespec32 *urem)
{
	struct k_timespec32 req;
	int64_t left;
	if (copyin(ureq, &req, sizeof(req)))
		return -EFAULT;
	if (req.tv_sec < 0 || req.tv_nsec < 0 || req.tv_nsec >= NSEC)
		return -EINVAL;
	int r = do_nanosleep(clk, flags, req.tv_sec * NSEC + req.tv_nsec, &left);
	if (r == -EINTR && urem && !(flags & TIMER_ABSTIME)) {
		struct k_timespec32 rem = { (int32_t)(left / NSEC), (int32_t)(left % NSEC) };
		if (copyout(&rem, urem, sizeof(rem)))
			return -EFAULT;
	}
	return r;
}

static int sleep64(int clk, int flags, const struct k_timespec64 *ureq, struct k_timespec64 *urem)
{
	struct k_timespec64 req;
	int64_t left;
	if (copyin(ureq, &req, sizeof(req)))
		return -EFAULT;
	if (req.tv_sec < 0 || req.tv_nsec < 0 || req.tv_nsec >= NSEC)
		return -EINVAL;
	int r = do_nanosleep(clk, flags, req.tv_sec * NSEC + req.tv_nsec, &left);
	if (r == -EINTR && urem && !(flags & TIMER_ABSTIME)) {
		struct k_timespec64 rem = { left / NSEC, left % NSEC };
		if (copyout(&rem, urem, sizeof(rem)))
			return -EFAULT;
	}
	return r;
}

SYSCALL_DEFINE2(nanosleep, const struct k_timespec32 *, ureq, struct k_timespec32 *, urem)
{
	return sleep32(CLOCK_MONOTONIC, 0, ureq, urem);
}

SYSCALL_DEFINE4(clock_nanosleep, int, clk, int, flags, const struct k_timespec32 *, ureq,
		struct k_timespec32 *, urem)
{
	return sleep32(clk, flags, ureq, urem);
}

SYSCALL_DEFINE4(clock_nanosleep_time64, int, clk, int, flags, const struct k_timespec64 *, ureq,
		struct k_timespec64 *, urem)
{
	return sleep64(clk, flags, ureq, urem);
}

SYSCALL_DEFINE0(sched_yield)
{
	yield();
	return 0;
}

SYSCALL_DEFINE1(times, uint32_t *, ubuf)
{
	uint32_t t[4] = { current->utime, current->stime, 0, 0 };
	if (ubuf && copyout(t, ubuf, sizeof(t)))
		return -EFAULT;
	return jiffies;
}
