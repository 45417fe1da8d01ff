/* cpu_count: every way of counting the CPUs agrees: sysconf's online count
 * (glibc and the project's libc read /sys/devices/system/cpu/online), that
 * list itself, the "processor" entries of /proc/cpuinfo (in order, each
 * with its topology and flags lines), the cpuN lines of /proc/stat (each
 * with at least user, nice, system and idle), the CPUs sched_getaffinity
 * allows, and a /sys/devices/system/cpu/cpuN directory per possible CPU;
 * every CPU's times in /proc/stat keep up with the clock.
 * Prints only whether they agree, never the count: the machines differ. */
#include "check.h"

#include <dirent.h>
#include <sys/stat.h>

static char text[65536];

static const char *slurp(const char *path)
{
	int fd = open(path, O_RDONLY);
	ssize_t n = fd < 0 ? -1 : read(fd, text, sizeof text - 1);
	if (fd >= 0)
		close(fd);
	text[n > 0 ? n : 0] = '\0';
	return n > 0 ? text : NULL;
}

/* The CPUs a list like "0-3,6\n" names, -1 if it is not one. */
static long cpulist_count(const char *s, long *highest)
{
	long count = 0;
	*highest = -1;
	while (*s >= '0' && *s <= '9') {
		char *end;
		long first = strtol(s, &end, 10), last = first;
		if (*end == '-')
			last = strtol(end + 1, &end, 10);
		if (last < first || first <= *highest)
			return -1;
		count += last - first + 1;
		*highest = last;
		s = *end == ',' ? end + 1 : end;
	}
	return *s == '\n' && s[1] == '\0' ? count : -1;
}

static long sysfs_list(const char *name, long *highest)
{
	char path[64];
	snprintf(path, sizeof path, "/sys/devices/system/cpu/%s", name);
	const char *s = slurp(path);
	return s ? cpulist_count(s, highest) : -1;
}

/* The "processor : N" entries, -1 unless their numbers go up and each has
 * the fields Linux prints for i386. */
static long cpuinfo_count(void)
{
	const char *s = slurp("/proc/cpuinfo");
	long n = 0, last = -1;
	static const char *const fields[] = { "vendor_id\t: ", "cpu family\t: ", "model\t\t: ", "model name\t: ",
					       "core id\t\t: ", "cpu cores\t: ", "siblings\t: ", "apicid\t\t: ",
					       "flags\t\t: " };
	while (s && (s = strstr(s, "processor\t: ")) != NULL) {
		long cpu = strtol(s + strlen("processor\t: "), NULL, 10);
		if (cpu <= last)
			return -1;
		last = cpu;
		const char *next = strstr(s + 1, "processor\t: ");
		for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
			const char *f = strstr(s, fields[i]);
			if (!f || (next && f > next))
				return -1;
		}
		n++;
		s = next;
	}
	return n;
}

/* The cpuN lines, -1 unless they follow the cpu line with ten numbers each,
 * N going up. */
static long stat_cpu_lines(void)
{
	const char *s = slurp("/proc/stat");
	if (!s || strncmp(s, "cpu  ", 5) != 0)
		return -1;
	long n = 0, last = -1;
	for (s = strchr(s, '\n'); s && strncmp(s + 1, "cpu", 3) == 0; s = strchr(s + 1, '\n')) {
		char *p;
		long cpu = strtol(s + 4, &p, 10);
		if (cpu <= last || *p != ' ')
			return -1;
		last = cpu;
		for (int i = 0; i < 10; i++)
			strtoull(p, &p, 10);
		if (*p != '\n')
			return -1;
		n++;
	}
	return n;
}

#define MAX_CPUS 64

/* Each cpuN line's first eight fields (user to steal) added up, in USER_HZ
 * ticks: all the time that CPU has had. The number of lines, -1 on a surprise. */
static long stat_cpu_totals(unsigned long long total[MAX_CPUS])
{
	const char *s = slurp("/proc/stat");
	long n = 0;
	for (s = s ? strchr(s, '\n') : NULL; s && strncmp(s + 1, "cpu", 3) == 0 && n < MAX_CPUS;
	     s = strchr(s + 1, '\n')) {
		char *p;
		strtol(s + 4, &p, 10);
		total[n] = 0;
		for (int i = 0; i < 8; i++)
			total[n] += strtoull(p, &p, 10);
		n++;
	}
	return n;
}

/* Over a second of the clock every online CPU's times grow by about a second:
 * the tick charges the CPU it interrupts. */
static int times_keep_up(void)
{
	unsigned long long before[MAX_CPUS], after[MAX_CPUS];
	long hz = sysconf(_SC_CLK_TCK);
	long n = stat_cpu_totals(before);
	long t0 = now_ms();
	sleep_ms(1000);
	long ms = now_ms() - t0;
	if (n < 1 || stat_cpu_totals(after) != n)
		return 0;
	for (long i = 0; i < n; i++) {
		long long grew_ms = (long long)(after[i] - before[i]) * 1000 / hz;
		if (grew_ms < ms / 2 || grew_ms > ms * 3 / 2)
			return 0;
	}
	return 1;
}

static long affinity_count(void)
{
	unsigned long mask[32];
	memset(mask, 0, sizeof mask);
	long len = raw_syscall(__NR_sched_getaffinity, 0, sizeof mask, (long)mask);
	if (len <= 0)
		return -1;
	long n = 0;
	for (size_t i = 0; i < (size_t)len / sizeof mask[0]; i++)
		n += __builtin_popcountl(mask[i]);
	return n;
}

static int cpu_dirs_present(long possible_highest)
{
	for (long cpu = 0; cpu <= possible_highest; cpu++) {
		char path[64];
		struct stat st;
		snprintf(path, sizeof path, "/sys/devices/system/cpu/cpu%ld", cpu);
		if (stat(path, &st) != 0 || !S_ISDIR(st.st_mode))
			return 0;
	}
	return 1;
}

int main(void)
{
	long online_highest, possible_highest, present_highest;
	long online = sysfs_list("online", &online_highest);
	long possible = sysfs_list("possible", &possible_highest);
	long present = sysfs_list("present", &present_highest);
	long onln = sysconf(_SC_NPROCESSORS_ONLN), conf = sysconf(_SC_NPROCESSORS_CONF);
	CHECK(online >= 1, "/sys/devices/system/cpu/online: a CPU list");
	CHECK(possible >= online && present >= online && present <= possible,
	      "possible and present lists: the online CPUs and maybe more");
	CHECK_EQ(onln, online, "sysconf(_SC_NPROCESSORS_ONLN) counts the online list");
	CHECK(conf >= onln && conf <= possible, "sysconf(_SC_NPROCESSORS_CONF): at least the online ones");
	CHECK_EQ(cpuinfo_count(), online, "/proc/cpuinfo: an entry per online CPU");
	CHECK_EQ(stat_cpu_lines(), online, "/proc/stat: a cpuN line per online CPU after the cpu line");
	CHECK_EQ(affinity_count(), online, "sched_getaffinity allows every online CPU");
	CHECK(cpu_dirs_present(possible_highest), "a cpuN directory per possible CPU");
	CHECK(times_keep_up(), "over a second every cpuN line's times grow by about a second");
	return done();
}
