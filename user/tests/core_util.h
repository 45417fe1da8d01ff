/* core_util.h: what the core-dump tests (core_dump, core_threads) read a
 * core file with: the ELF32 header and program-header fields (the project's
 * libc has no <elf.h>), the note types, and the whole file in memory. */
#ifndef USER_TESTS_CORE_UTIL_H
#define USER_TESTS_CORE_UTIL_H

#include "check.h"

#include <stdint.h>
#include <sys/stat.h>

typedef struct {
	unsigned char e_ident[16];
	uint16_t e_type, e_machine;
	uint32_t e_version, e_entry, e_phoff, e_shoff, e_flags;
	uint16_t e_ehsize, e_phentsize, e_phnum, e_shentsize, e_shnum, e_shstrndx;
} Elf32_Ehdr;

typedef struct {
	uint32_t p_type, p_offset, p_vaddr, p_paddr, p_filesz, p_memsz, p_flags, p_align;
} Elf32_Phdr;

#define ET_CORE 4
#define EM_386 3
#define PT_NOTE 4
#define PT_LOAD 1
#define NT_PRSTATUS 1
#define NT_PRFPREG 2
#define NT_PRPSINFO 3
#define NT_AUXV 6
#define NT_FILE 0x46494c45
#define NT_PRXFPREG 0x46e62b7f

/* The file's bytes (malloc'ed) and their count in *len; NULL if it cannot be read. */
CHECK_FN char *slurp(const char *path, size_t *len)
{
	int fd = open(path, O_RDONLY);
	struct stat st;
	if (fd < 0 || fstat(fd, &st) != 0)
		return NULL;
	char *buf = malloc((size_t)st.st_size + 1);
	size_t n = 0;
	ssize_t r;
	while (buf && (r = read(fd, buf + n, (size_t)st.st_size - n)) > 0)
		n += (size_t)r;
	close(fd);
	*len = n;
	return buf;
}

/* The core file, checked to be there (slurp's result). */
CHECK_FN char *read_core(const char *path, size_t *len)
{
	char *core = slurp(path, len);
	CHECK(core != NULL, "the core file exists");
	return core;
}

#endif
