/* vdso_clock: the vDSO that AT_SYSINFO_EHDR points to is an ELF shared
 * object whose dynamic symbols (found through its own hash table, as a
 * dynamic linker finds them) include Linux's i386 entry points at their
 * versions; its clock_gettime, gettimeofday and time agree with the system
 * calls (a vDSO reading, then the system call's, then the vDSO's again, in
 * order), unhandled clocks go through to the kernel with its errors,
 * __kernel_vsyscall makes system calls, and __vdso_getcpu (where there is
 * one) agrees with getcpu. */
#include "check.h"
#include <stdint.h>
#include <sys/auxv.h>
#include <uapi/elf.h>

static uintptr_t base, bias;
static const uint32_t *hash;
static const struct elf32_sym *symtab;
static const char *strtab;
static const uint16_t *versym;
static const struct elf32_verdef *verdef;

static int parse(void)
{
	const struct elf32_ehdr *eh = (const void *)base;
	const struct elf32_phdr *ph = (const void *)(base + eh->e_phoff);
	uintptr_t dynamic = 0;
	int loads = 0;
	for (int i = 0; i < eh->e_phnum; i++) {
		if (ph[i].p_type == PT_LOAD && loads++ == 0)
			bias = base - ph[i].p_vaddr;
		if (ph[i].p_type == PT_DYNAMIC)
			dynamic = ph[i].p_vaddr;
	}
	if (!dynamic || !loads)
		return 0;
	for (const struct elf32_dyn *d = (const void *)(dynamic + bias); d->d_tag != DT_NULL; d++) {
		const void *v = (const void *)(d->d_val + bias);
		if (d->d_tag == DT_HASH)
			hash = v;
		else if (d->d_tag == DT_SYMTAB)
			symtab = v;
		else if (d->d_tag == DT_STRTAB)
			strtab = v;
		else if (d->d_tag == DT_VERSYM)
			versym = v;
		else if (d->d_tag == DT_VERDEF)
			verdef = v;
	}
	return hash && symtab && strtab;
}

static unsigned long elf_hash(const char *s)
{
	unsigned long h = 0;
	while (*s) {
		h = (h << 4) + (unsigned char)*s++;
		unsigned long g = h & 0xf0000000;
		h ^= g >> 24;
		h &= ~g;
	}
	return h;
}

/* The name of the version with index ndx. */
static const char *version_name(uint16_t ndx)
{
	const struct elf32_verdef *d = verdef;
	for (; d; d = d->vd_next ? (const void *)((const char *)d + d->vd_next) : NULL)
		if (d->vd_ndx == ndx)
			return strtab + ((const struct elf32_verdaux *)((const char *)d + d->vd_aux))->vda_name;
	return "";
}

/* The address of name at version ver, through the ELF hash table; NULL if absent. */
static void *lookup(const char *name, const char *ver)
{
	uint32_t nbucket = hash[0];
	const uint32_t *bucket = hash + 2, *chain = bucket + nbucket;
	for (uint32_t i = bucket[elf_hash(name) % nbucket]; i; i = chain[i]) {
		if (strcmp(strtab + symtab[i].st_name, name) || !symtab[i].st_shndx)
			continue;
		if (versym && verdef && strcmp(version_name(versym[i] & 0x7fff), ver))
			continue;
		return (void *)(symtab[i].st_value + bias);
	}
	return NULL;
}

struct ts32 {
	int32_t sec, nsec;
};
struct ts64 {
	int64_t sec, nsec;
};
struct tv32 {
	int32_t sec, usec;
};

static int64_t ns32(struct ts32 t)
{
	return (int64_t)t.sec * 1000000000 + t.nsec;
}

typedef int (*gettime_fn)(int, struct ts32 *);
typedef int (*gettime64_fn)(int, struct ts64 *);
typedef int (*gettimeofday_fn)(struct tv32 *, void *);
typedef int32_t (*time_fn)(int32_t *);

/* vDSO, system call, vDSO: the three readings of clk must be in order. */
static int in_order(gettime_fn vdso, int clk)
{
	struct ts32 a, b, c;
	for (int i = 0; i < 1000; i++) {
		if (vdso(clk, &a) || raw_syscall(__NR_clock_gettime, clk, (long)&b, 0) || vdso(clk, &c))
			return 0;
		if (ns32(a) > ns32(b) || ns32(b) > ns32(c) || a.nsec < 0 || a.nsec >= 1000000000)
			return 0;
	}
	return 1;
}

/* Successive vDSO readings over 20 ms (many timer ticks) never go back. */
static int never_back(gettime_fn vdso)
{
	struct ts32 t;
	if (vdso(CLOCK_MONOTONIC, &t))
		return 0;
	int64_t last = ns32(t), end = last + 20000000;
	while (last < end) {
		if (vdso(CLOCK_MONOTONIC, &t) || ns32(t) < last)
			return 0;
		last = ns32(t);
	}
	return 1;
}

/* The start of the [vvar] line in /proc/self/maps, 0 if there is none. */
static uintptr_t vvar_address(void)
{
	static char maps[8192];
	int fd = open("/proc/self/maps", O_RDONLY);
	ssize_t n = fd >= 0 ? read(fd, maps, sizeof maps - 1) : -1;
	close(fd);
	maps[n > 0 ? n : 0] = '\0';
	for (char *line = maps; line && *line; line = strchr(line, '\n') ? strchr(line, '\n') + 1 : NULL) {
		char *end = strchr(line, '\n');
		char *name = strstr(line, "[vvar]");
		if (name && (!end || name < end))
			return strtoul(line, NULL, 16);
	}
	return 0;
}

static int vsyscall_getpid(void *entry)
{
	long r;
	__asm__ volatile("call *%2" : "=a"(r) : "0"(__NR_getpid), "r"(entry) : "memory");
	return (int)r;
}

typedef long (*getcpu_fn)(unsigned *, unsigned *, void *);

/* Pinned to the CPU it is on, so the two answers cannot differ by a move. */
static int getcpu_agrees(getcpu_fn vgetcpu)
{
	unsigned long mask[32], one[32] = { 0 };
	unsigned cpu = ~0u, vcpu = ~0u, node = ~0u;
	if (!vgetcpu)
		return 1;
	if (raw_syscall(__NR_sched_getaffinity, 0, sizeof mask, (long)mask) <= 0 ||
	    raw_syscall(__NR_getcpu, (long)&cpu, 0, 0) != 0 || cpu >= 32 * 32)
		return 0;
	one[cpu / 32] = 1ul << (cpu % 32);
	int ok = raw_syscall(__NR_sched_setaffinity, 0, sizeof one, (long)one) == 0 &&
		 vgetcpu(&vcpu, &node, NULL) == 0 && vcpu == cpu && node == 0 && vgetcpu(NULL, NULL, NULL) == 0;
	raw_syscall(__NR_sched_setaffinity, 0, sizeof mask, (long)mask);
	return ok;
}

int main(void)
{
	base = getauxval(AT_SYSINFO_EHDR);
	CHECK(base != 0, "AT_SYSINFO_EHDR is set");
	if (!base)
		return done();
	const struct elf32_ehdr *eh = (const void *)base;
	CHECK(memcmp(eh->e_ident, ELF_MAGIC, 4) == 0 && eh->e_ident[4] == ELFCLASS32, "it is an ELF32 header");
	CHECK_EQ(eh->e_type, ET_DYN, "of a shared object (ET_DYN)");
	CHECK_EQ(eh->e_machine, EM_386, "for i386");
	CHECK(parse(), "it has a dynamic section with a hash table, symbols and strings");
	CHECK(versym && verdef, "and symbol versions");

	void *vsyscall = lookup("__kernel_vsyscall", "LINUX_2.5");
	CHECK(vsyscall != NULL, "__kernel_vsyscall@LINUX_2.5");
	CHECK(vsyscall && (uintptr_t)vsyscall == getauxval(AT_SYSINFO), "is AT_SYSINFO");
	CHECK(lookup("__kernel_sigreturn", "LINUX_2.5") != NULL, "__kernel_sigreturn@LINUX_2.5");
	CHECK(lookup("__kernel_rt_sigreturn", "LINUX_2.5") != NULL, "__kernel_rt_sigreturn@LINUX_2.5");
	gettime_fn gettime = (gettime_fn)lookup("__vdso_clock_gettime", "LINUX_2.6");
	gettime64_fn gettime64 = (gettime64_fn)lookup("__vdso_clock_gettime64", "LINUX_2.6");
	gettimeofday_fn gtod = (gettimeofday_fn)lookup("__vdso_gettimeofday", "LINUX_2.6");
	time_fn vtime = (time_fn)lookup("__vdso_time", "LINUX_2.6");
	CHECK(gettime && gettime64 && gtod && vtime, "the clocks @LINUX_2.6");
	CHECK(lookup("__vdso_clock_gettime", "LINUX_2.5") == NULL, "not at another version");
	if (vsyscall)
		CHECK_EQ(vsyscall_getpid(vsyscall), getpid(), "getpid through __kernel_vsyscall");
	CHECK(getcpu_agrees((getcpu_fn)lookup("__vdso_getcpu", "LINUX_2.6")),
	      "__vdso_getcpu, where the vDSO has it (Linux after 6.1), gives getcpu's CPU and node 0");
	if (!gettime || !gettime64 || !gtod || !vtime)
		return done();

	CHECK(in_order(gettime, CLOCK_MONOTONIC), "CLOCK_MONOTONIC: vDSO <= syscall <= vDSO");
	CHECK(in_order(gettime, CLOCK_REALTIME), "CLOCK_REALTIME: vDSO <= syscall <= vDSO");
	CHECK(in_order(gettime, CLOCK_BOOTTIME), "CLOCK_BOOTTIME: vDSO <= syscall <= vDSO");
	CHECK(in_order(gettime, CLOCK_MONOTONIC_RAW), "CLOCK_MONOTONIC_RAW: vDSO <= syscall <= vDSO");
	CHECK(never_back(gettime), "20 ms of vDSO readings never go back");

	struct ts64 w;
	struct ts32 n;
	CHECK_EQ(gettime64(CLOCK_MONOTONIC, &w), 0, "clock_gettime64 from the vDSO");
	raw_syscall(__NR_clock_gettime, CLOCK_MONOTONIC, (long)&n, 0);
	CHECK(w.sec * 1000000000 + w.nsec <= ns32(n), "and before the syscall's reading");

	struct ts32 r;
	struct tv32 tv;
	raw_syscall(__NR_clock_gettime, CLOCK_REALTIME, (long)&r, 0);
	CHECK_EQ(gtod(&tv, NULL), 0, "gettimeofday from the vDSO");
	CHECK(tv.sec >= r.sec && tv.sec <= r.sec + 1 && tv.usec >= 0 && tv.usec < 1000000,
	      "agrees with CLOCK_REALTIME");
	int32_t t1 = 0, t0 = (int32_t)raw_syscall(__NR_time, 0, 0, 0), t2 = vtime(&t1);
	CHECK(t2 == t1 && t2 >= t0 && t2 <= t0 + 1, "time from the vDSO agrees with time(2)");

	/* The CPU clocks are the kernel's: the vDSO passes them through. */
	struct ts32 cpu;
	CHECK_EQ(gettime(CLOCK_PROCESS_CPUTIME_ID, &cpu), 0, "CLOCK_PROCESS_CPUTIME_ID through the vDSO");
	CHECK_EQ(gettime(1000, &cpu), -EINVAL, "an unknown clock: the kernel's -EINVAL");

	/* The time page stays as the kernel keeps it; the vDSO's pages, dropped, come back. */
	void *vvar = (void *)vvar_address();
	CHECK(vvar != NULL, "/proc/self/maps shows [vvar]");
	CHECK_ERR(mprotect(vvar, 4096, PROT_READ | PROT_WRITE), EACCES, "the time page cannot be made writable");
	CHECK_ERR(mprotect(vvar, 4096, PROT_READ | PROT_EXEC), EACCES, "nor executable");
	CHECK_ERR(madvise(vvar, 4096, MADV_DONTNEED), EINVAL, "nor dropped");
	CHECK_OK(madvise((void *)base, 4096, MADV_DONTNEED), "the vDSO's first page may be dropped");
	CHECK(in_order(gettime, CLOCK_MONOTONIC), "and the vDSO still works");

	/* And glibc's or the libc's own clock_gettime agrees too. */
	struct timespec l;
	raw_syscall(__NR_clock_gettime, CLOCK_MONOTONIC, (long)&n, 0);
	clock_gettime(CLOCK_MONOTONIC, &l);
	CHECK((int64_t)l.tv_sec * 1000000000 + l.tv_nsec >= ns32(n), "libc clock_gettime after the syscall");
	return done();
}
