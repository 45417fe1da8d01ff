/* exec_interp: execve of a program whose PT_INTERP names a bad interpreter
 * fails as on Linux, the caller still running: ENOENT for a missing one,
 * EACCES for one not executable or not a regular file, EIO for one too short
 * for an ELF header, ELIBBAD for a script, text or another machine's ELF
 * file, ENOEXEC for a PT_INTERP path without its NUL or too short. The
 * programs are made here: an ELF header and one PT_INTERP header suffice,
 * as the interpreter is opened before anything is mapped. */
#include "check.h"
#include <stdint.h>
#include <sys/stat.h>
#include <uapi/elf.h>

#define DIR "/tmp/exec_interp.d"

static void write_file(const char *path, const void *data, size_t n, mode_t mode)
{
	unlink(path);
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, mode);
	if (fd >= 0) {
		if (write(fd, data, n) != (ssize_t)n)
			check_line("short write to %s", path);
		close(fd);
	}
	chmod(path, mode);
}

/* An i386 program (or, with machine, another one) naming interp, whose
 * PT_INTERP covers len bytes of it (its NUL included when len is strlen + 1). */
static void make_elf(const char *path, uint16_t machine, uint16_t type, const char *interp, size_t len)
{
	unsigned char buf[512] = { 0 };
	struct elf32_ehdr *eh = (struct elf32_ehdr *)buf;
	struct elf32_phdr *ph = (struct elf32_phdr *)(buf + sizeof(*eh));
	memcpy(eh->e_ident, "\177ELF\1\1\1", 7);
	eh->e_type = type;
	eh->e_machine = machine;
	eh->e_version = 1;
	eh->e_entry = 0x8048000;
	eh->e_phoff = sizeof(*eh);
	eh->e_ehsize = sizeof(*eh);
	eh->e_phentsize = sizeof(*ph);
	eh->e_phnum = 1;
	ph->p_type = PT_INTERP;
	ph->p_offset = 128;
	ph->p_filesz = ph->p_memsz = (uint32_t)len;
	ph->p_flags = PF_R;
	ph->p_align = 1;
	memcpy(buf + 128, interp, strlen(interp));
	write_file(path, buf, sizeof buf, 0755);
}

static int exec_errno(const char *path)
{
	pid_t pid = fork();
	if (pid == 0) {
		char *argv[] = { (char *)path, NULL };
		execv(path, argv);
		_exit(errno);
	}
	int st = wait_status(pid);
	return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

static void expect(const char *interp, int err, const char *what)
{
	make_elf(DIR "/prog", EM_386, ET_EXEC, interp, strlen(interp) + 1);
	CHECK_EQ(exec_errno(DIR "/prog"), err, what);
}

int main(void)
{
	mkdir(DIR, 0755);
	expect(DIR "/missing.so", ENOENT, "a missing interpreter: ENOENT");
	expect("/", EACCES, "a directory as interpreter: EACCES");

	write_file(DIR "/noexec.so", "\177ELF", 4, 0644);
	expect(DIR "/noexec.so", EACCES, "an interpreter without x permission: EACCES");
	write_file(DIR "/short.so", "\177ELF", 4, 0755);
	expect(DIR "/short.so", EIO, "an interpreter shorter than an ELF header: EIO");
	static const char text[128] = "#!/bin/sh\necho not an interpreter\n";
	write_file(DIR "/script.so", text, sizeof text, 0755);
	expect(DIR "/script.so", ELIBBAD, "a script as interpreter: ELIBBAD");
	make_elf(DIR "/x86_64.so", 62, ET_DYN, "", 1);
	expect(DIR "/x86_64.so", ELIBBAD, "another machine's ELF file as interpreter: ELIBBAD");

	make_elf(DIR "/prog", EM_386, ET_EXEC, DIR "/missing.so", strlen(DIR "/missing.so"));
	CHECK_EQ(exec_errno(DIR "/prog"), ENOEXEC, "PT_INTERP without its NUL: ENOEXEC");
	make_elf(DIR "/prog", EM_386, ET_EXEC, "", 1);
	CHECK_EQ(exec_errno(DIR "/prog"), ENOEXEC, "a one-byte PT_INTERP: ENOEXEC");
	return done();
}
