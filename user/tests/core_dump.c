/* core_dump: a process killed by a core-dumping signal writes an ELF core
 * file named by /proc/sys/kernel/core_pattern when RLIMIT_CORE allows, and
 * its wait status has the core-dump bit: not with Linux's default soft
 * limit 0, not for SIGKILL or SIGTERM, not when the dump would pass the
 * limit. The file has a PT_NOTE with NT_PRSTATUS (pid, signal, registers)
 * and a PT_LOAD per region holding the memory's bytes. Kernel-only: the
 * host's core_pattern is its own. */
#include "core_util.h"

#include <stdint.h>
#include <sys/resource.h>
#include <sys/stat.h>

#define D "/tmp/core_dump.d"

static char marker[64];

static int crash(void *arg)
{
	strcpy(marker, "core_dump marker 7f3a");
	raise(*(int *)arg);
	return 0;
}

static int status_of(int sig)
{
	return run_child(crash, &sig);
}

static void set_core_limit(rlim_t soft)
{
	struct rlimit rl = { soft, RLIM_INFINITY };
	setrlimit(RLIMIT_CORE, &rl);
}

static int set_pattern(const char *pattern)
{
	int fd = open("/proc/sys/kernel/core_pattern", O_WRONLY);
	int ok = fd >= 0 && write(fd, pattern, strlen(pattern)) == (ssize_t)strlen(pattern);
	close(fd);
	return ok;
}

/* The prstatus fields this checks: pr_cursig at 12, pr_pid at 24, the registers from 72. */
static void check_core_file(const char *path, pid_t pid, int sig)
{
	size_t len = 0;
	char *core = read_core(path, &len);
	if (!core)
		return;
	Elf32_Ehdr *eh = (Elf32_Ehdr *)core;
	CHECK(len > sizeof *eh && memcmp(eh->e_ident, "\177ELF\1", 5) == 0 && eh->e_type == ET_CORE &&
	      eh->e_machine == EM_386, "an i386 ELF core file");
	Elf32_Phdr *ph = (Elf32_Phdr *)(core + eh->e_phoff);
	CHECK(eh->e_phnum > 2 && ph[0].p_type == PT_NOTE, "the first segment is the notes");
	int prstatus = 0, prpsinfo = 0, auxv = 0, file = 0;
	for (size_t off = ph[0].p_offset; off + 12 <= ph[0].p_offset + ph[0].p_filesz;) {
		uint32_t *n = (uint32_t *)(core + off);
		const char *desc = core + off + 12 + ((n[0] + 3) & ~3u);
		if (n[2] == NT_PRSTATUS && n[1] == 144)
			prstatus = *(int16_t *)(desc + 12) == sig && *(int32_t *)(desc + 24) == pid;
		prpsinfo |= n[2] == NT_PRPSINFO && n[1] == 124 && strcmp(desc + 28, "core_dump") == 0;
		auxv |= n[2] == NT_AUXV && n[1] >= 16;
		file |= n[2] == NT_FILE;
		off = (size_t)(desc - core) + ((n[1] + 3) & ~3u);
	}
	CHECK(prstatus, "NT_PRSTATUS has the pid and the signal");
	CHECK(prpsinfo, "NT_PRPSINFO has the command name");
	CHECK(auxv && file, "NT_AUXV and NT_FILE are there");
	int found = 0;
	uint32_t at = (uint32_t)(uintptr_t)marker;
	for (int i = 1; i < eh->e_phnum; i++)
		if (ph[i].p_type == PT_LOAD && at >= ph[i].p_vaddr && at < ph[i].p_vaddr + ph[i].p_filesz &&
		    ph[i].p_offset + (at - ph[i].p_vaddr) + 22 <= len)
			found = memcmp(core + ph[i].p_offset + (at - ph[i].p_vaddr), "core_dump marker 7f3a", 22) == 0;
	CHECK(found, "a PT_LOAD segment holds the memory as it was");
	free(core);
}

int main(void)
{
	struct rlimit rl;
	CHECK(getrlimit(RLIMIT_CORE, &rl) == 0 && rl.rlim_cur == 0 && rl.rlim_max == RLIM_INFINITY,
	      "RLIMIT_CORE is 0 soft, unlimited hard by default, as Linux");
	mkdir(D, 0755);
	CHECK_OK(chdir(D), "cd " D);
	char buf[64] = "";
	int fd = open("/proc/sys/kernel/core_pattern", O_RDONLY);
	CHECK(fd >= 0 && read(fd, buf, sizeof buf) == 5 && strcmp(buf, "core\n") == 0, "core_pattern is core");
	close(fd);

	int st = status_of(SIGABRT);
	CHECK(WIFSIGNALED(st) && WTERMSIG(st) == SIGABRT && !WCOREDUMP(st), "with limit 0: no core bit");
	CHECK_ERR(access("core", F_OK), ENOENT, "and no file");

	set_core_limit(RLIM_INFINITY);
	pid_t pid = fork();
	if (pid == 0) {
		int sig = SIGSEGV;
		_exit(crash(&sig));
	}
	st = wait_status(pid);
	CHECK(WIFSIGNALED(st) && WTERMSIG(st) == SIGSEGV && WCOREDUMP(st), "SIGSEGV: the core bit");
	check_core_file("core", pid, SIGSEGV);
	unlink("core");

	st = status_of(SIGTERM);
	CHECK(WIFSIGNALED(st) && !WCOREDUMP(st) && access("core", F_OK) != 0, "SIGTERM dumps no core");
	st = status_of(SIGKILL);
	CHECK(WIFSIGNALED(st) && !WCOREDUMP(st) && access("core", F_OK) != 0, "nor does SIGKILL");

	CHECK(set_pattern("core.%e.%p\n"), "core_pattern set to core.%e.%p");
	fd = open("/proc/sys/kernel/core_pattern", O_RDONLY);
	CHECK(fd >= 0 && read(fd, buf, sizeof buf) == 11 && memcmp(buf, "core.%e.%p\n", 11) == 0,
	      "read back without the newline written");
	close(fd);
	pid = fork();
	if (pid == 0) {
		int sig = SIGQUIT;
		_exit(crash(&sig));
	}
	st = wait_status(pid);
	char name[64];
	snprintf(name, sizeof name, "core.core_dump.%d", (int)pid);
	CHECK(WCOREDUMP(st) && access(name, F_OK) == 0, "SIGQUIT dumps to the pattern's name");
	unlink(name);

	set_core_limit(8192);
	pid = fork();
	if (pid == 0) {
		int sig = SIGILL;
		_exit(crash(&sig));
	}
	st = wait_status(pid);
	CHECK(WIFSIGNALED(st) && WTERMSIG(st) == SIGILL && !WCOREDUMP(st), "a dump past RLIMIT_CORE counts as none");
	snprintf(name, sizeof name, "core.core_dump.%d", (int)pid);
	unlink(name);
	set_pattern("core");
	CHECK_OK(chdir("/"), "back to /");
	CHECK_OK(rmdir(D), "nothing else was left behind");
	return done();
}
