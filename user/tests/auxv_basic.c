/* auxv_basic: the auxiliary vector exec passes, the facts that are the same
 * on Linux: page size, clock tick, the program headers it points to (this
 * program's, ending at the entry point's segment), no interpreter for a
 * static program, the ids, AT_SECURE, 16 random bytes, the platform, the
 * vDSO's ELF header and entry, and AT_EXECFN as the path execve was given
 * (checked in a child exec'd through a known path). */
#include "check.h"
#include <stdint.h>
#include <sys/auxv.h>
#include <uapi/elf.h>

#ifndef AT_MINSIGSTKSZ
#define AT_MINSIGSTKSZ 51
#endif
#ifndef AT_HWCAP2
#define AT_HWCAP2 26
#endif

extern char _start[];

/* The entries themselves, after envp: whether type is among them. */
static int has_entry(char **envp, unsigned long type)
{
	while (*envp)
		envp++;
	for (unsigned long *a = (unsigned long *)(envp + 1); a[0]; a += 2)
		if (a[0] == type)
			return 1;
	return 0;
}

int main(int argc, char **argv, char **envp)
{
	if (argc > 1 && strcmp(argv[1], "execfn") == 0) {
		const char *fn = (const char *)getauxval(AT_EXECFN);
		return fn && strcmp(fn, "/proc/self/exe") == 0 ? 0 : 1;
	}
	CHECK_EQ(getauxval(AT_PAGESZ), 4096, "AT_PAGESZ");
	CHECK_EQ(getauxval(AT_CLKTCK), 100, "AT_CLKTCK");
	CHECK_EQ(getauxval(AT_PHENT), sizeof(struct elf32_phdr), "AT_PHENT");
	CHECK_EQ(getauxval(AT_BASE), 0, "AT_BASE: no interpreter");
	CHECK_EQ(getauxval(AT_FLAGS), 0, "AT_FLAGS");
	CHECK_EQ(getauxval(AT_ENTRY), (unsigned long)_start, "AT_ENTRY is _start");
	CHECK_EQ(getauxval(AT_SECURE), 0, "AT_SECURE");
	CHECK_EQ(getauxval(AT_UID), getuid(), "AT_UID");
	CHECK_EQ(getauxval(AT_EUID), geteuid(), "AT_EUID");
	CHECK_EQ(getauxval(AT_GID), getgid(), "AT_GID");
	CHECK_EQ(getauxval(AT_EGID), getegid(), "AT_EGID");

	const struct elf32_phdr *ph = (const struct elf32_phdr *)getauxval(AT_PHDR);
	unsigned long n = getauxval(AT_PHNUM), entry = getauxval(AT_ENTRY);
	int entry_seg = 0;
	for (unsigned long i = 0; ph && i < n; i++)
		if (ph[i].p_type == PT_LOAD && entry >= ph[i].p_vaddr && entry < ph[i].p_vaddr + ph[i].p_memsz &&
		    (ph[i].p_flags & PF_X))
			entry_seg = 1;
	CHECK(ph && n > 1, "AT_PHDR and AT_PHNUM");
	CHECK(entry_seg, "the headers at AT_PHDR have the executable segment holding AT_ENTRY");

	const unsigned char *rnd = (const unsigned char *)getauxval(AT_RANDOM);
	int nonzero = 0;
	for (int i = 0; rnd && i < 16; i++)
		nonzero |= rnd[i];
	CHECK(rnd && nonzero, "AT_RANDOM: 16 bytes, not all zero");
	const char *plat = (const char *)getauxval(AT_PLATFORM);
	CHECK(plat && strcmp(plat, "i686") == 0, "AT_PLATFORM is i686");
	CHECK(getauxval(AT_HWCAP) & 1, "AT_HWCAP has the FPU bit (CPUID 1 EDX)");
	CHECK(has_entry(envp, AT_HWCAP2), "AT_HWCAP2 is there");
	CHECK(getauxval(AT_MINSIGSTKSZ) >= 512, "AT_MINSIGSTKSZ is there, room for a frame");

	const unsigned char *vdso = (const unsigned char *)getauxval(AT_SYSINFO_EHDR);
	CHECK(vdso && memcmp(vdso, "\177ELF", 4) == 0, "AT_SYSINFO_EHDR points to an ELF header");
	unsigned long vsys = getauxval(AT_SYSINFO);
	CHECK(vdso && vsys > (unsigned long)vdso && vsys < (unsigned long)vdso + 0x4000,
	      "AT_SYSINFO is inside the vDSO");

	const char *fn = (const char *)getauxval(AT_EXECFN);
	CHECK(fn && fn[0], "AT_EXECFN is a string");
	pid_t pid = fork();
	if (pid == 0) {
		execl("/proc/self/exe", argv[0], "execfn", (char *)NULL);
		_exit(2);
	}
	expect_exit(wait_status(pid), 0, "AT_EXECFN is the path given to execve");
	return done();
}
