/* uapi/elf.h: the ELF32 records the kernel and user programs both read:
 * the file and program headers exec loads (and the aux vector points to), the
 * dynamic section, symbols and symbol versions of the vDSO it maps. */
#ifndef UAPI_ELF_H
#define UAPI_ELF_H

#include <stdint.h>

#define ELF_MAGIC "\177ELF"
#define ELFCLASS32 1
#define ELFDATA2LSB 1
#define ET_REL 1
#define ET_EXEC 2
#define ET_DYN 3
#define EM_386 3
#define PT_LOAD 1
#define PT_DYNAMIC 2
#define PT_INTERP 3
#define PT_PHDR 6
/* Spelt as glibc's <elf.h> spells them, which a program may include too. */
#define PF_X (1 << 0)
#define PF_W (1 << 1)
#define PF_R (1 << 2)

struct elf32_ehdr {
	unsigned char e_ident[16];
	uint16_t e_type, e_machine;
	uint32_t e_version, e_entry, e_phoff, e_shoff, e_flags;
	uint16_t e_ehsize, e_phentsize, e_phnum, e_shentsize, e_shnum, e_shstrndx;
};

struct elf32_phdr {
	uint32_t p_type, p_offset, p_vaddr, p_paddr, p_filesz, p_memsz, p_flags, p_align;
};

struct elf32_sym {
	uint32_t st_name, st_value, st_size;
	unsigned char st_info, st_other;
	uint16_t st_shndx;
};

/* The dynamic section's tags that find the symbols and their versions. */
#define DT_NULL   0
#define DT_HASH   4
#define DT_STRTAB 5
#define DT_SYMTAB 6
#define DT_VERSYM 0x6ffffff0
#define DT_VERDEF 0x6ffffffc

struct elf32_dyn {
	int32_t d_tag;
	uint32_t d_val;
};

struct elf32_verdef {
	uint16_t vd_version, vd_flags, vd_ndx, vd_cnt;
	uint32_t vd_hash, vd_aux, vd_next;
};

struct elf32_verdaux {
	uint32_t vda_name, vda_next;
};

#endif
