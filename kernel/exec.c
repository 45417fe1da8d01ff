/* exec.c: execve: loads an ELF32 i386 executable, static or dynamically
 * linked (PT_INTERP: its interpreter beside it), or a "#!" script, into a
 * fresh address space with the vDSO, and builds Linux's initial stack: argc,
 * argv, envp and the auxiliary vector. The old image is released only once
 * the new one is complete, so a failed exec returns to the caller. */
#include "kernel.h"
#include "elf.h"
#include "fs/fdtable.h"
#include "mm/fault.h"
#include "mm/kmalloc.h"
#include "mm/mm_struct.h"
#include "mm/vma.h"
#include "proc.h"
#include "random.h"
#include "syscall.h"
#include "uapi/auxv.h"
#include "uapi/errno.h"
#include "uapi/fcntl.h"
#include "uapi/limits.h"
#include "uapi/param.h"
#include "uapi/stat.h"
#include "fs/vfs.h"
#include "x86/x86.h"
#include "x86/cpu.h"
#include "x86/ldt.h"
#include "vdso/vdso.h"
#include "uapi/signal.h"

#define MAX_ARG_STRLEN (32 * PGSIZE)  /* one string, its NUL included */
#define ARGS_MAX_ROOM (6u << 20)    /* the most room the strings get: Linux's _STK_LIM / 4 * 3 */
#define STACK_MAX    (8u << 20)
#define STACK_INIT   (32 * PGSIZE)
#define MMAP_BASE    0x40000000u
#define MAX_BINFMT_DEPTH 5          /* #! rewrites before ELOOP (Linux's exec_binprm) */
#define AUXV_ENTRIES 22             /* the most fill_auxv gives, AT_NULL included */
#define ELF_ET_DYN_BASE 0x00400000u /* where Linux's i386 PIEs go */
#define BINPRM_BUF   256            /* what exec reads first: the ELF header or a #! line */

/* The argument and environment strings, copied into the kernel. As Linux,
 * they may take a quarter of RLIMIT_STACK (at least ARG_MAX, at most 6 MiB)
 * with their pointers, each at most MAX_ARG_STRLEN: E2BIG beyond. */
struct exec_args {
	char *buf;                      /* argv strings then envp strings */
	size_t used, cap, limit;
	int argc, envc;
};

/* Room for len more bytes, growing the buffer by doubling up to the limit. */
static int reserve_args(struct exec_args *a, size_t len)
{
	if (len > a->limit - a->used)
		return -E2BIG;
	if (a->used + len <= a->cap)
		return 0;
	size_t cap = MAX(a->cap * 2, ARG_MAX);
	while (cap < a->used + len)
		cap *= 2;
	cap = MIN(cap, a->limit);
	char *buf = kmalloc(cap);
	if (!buf)
		return -ENOMEM;
	memcpy(buf, a->buf, a->used);
	kfree(a->buf);
	a->buf = buf;
	a->cap = cap;
	return 0;
}

static int push_string(struct exec_args *a, const char *s, bool user)
{
	long n;
	if (user) {
		/* Room for the longest string that may still come. */
		int r = reserve_args(a, MIN((size_t)MAX_ARG_STRLEN, a->limit - a->used));
		if (r)
			return r;
		n = strncpy_from_user(a->buf + a->used, s, (long)MIN(a->cap - a->used, (size_t)MAX_ARG_STRLEN));
		if (n == -ENAMETOOLONG)
			return -E2BIG;
		if (n < 0)
			return n;
	} else {
		n = strlen(s);
		int r = (size_t)n >= MAX_ARG_STRLEN ? -E2BIG : reserve_args(a, n + 1);
		if (r)
			return r;
		memcpy(a->buf + a->used, s, n + 1);
	}
	a->used += n + 1;
	return 0;
}

/* The number of strings in a user vector (Linux's count()). Past what their
 * pointers alone could fit in, E2BIG at once: the kernel is not preempted,
 * and a vector of millions must not hold the CPU. */
static int count_strings(char *const __user *vec)
{
	int n = 0;
	for (; vec; n++) {
		char *s;
		if (get_user(s, &vec[n]))
			return -EFAULT;
		if (!s)
			break;
		if (n >= (int)(ARGS_MAX_ROOM / sizeof(void *)))
			return -E2BIG;
	}
	return n;
}

static int copy_strings(struct exec_args *a, char *const __user *vec, int count)
{
	for (int i = 0; i < count; i++) {
		char *s;
		if (get_user(s, &vec[i]))
			return -EFAULT;
		int r = push_string(a, s, true);
		if (r)
			return r;
	}
	return 0;
}

/* Counts both vectors, sets the limit, then copies them. */
static int copy_args(struct exec_args *a, char *const __user argv[], char *const __user envp[])
{
	a->argc = count_strings(argv);
	if (a->argc < 0)
		return a->argc;
	a->envc = count_strings(envp);
	if (a->envc < 0)
		return a->envc;
	uint64_t stack = current->rlim[RLIMIT_STACK].rlim_cur;
	size_t limit = (size_t)MAX(MIN(stack / 4, (uint64_t)ARGS_MAX_ROOM), (uint64_t)ARG_MAX);
	size_t ptrs = ((size_t)MAX(a->argc, 1) + (size_t)a->envc) * sizeof(void *);
	if (limit <= ptrs)
		return -E2BIG;
	a->limit = limit - ptrs;
	int r = copy_strings(a, argv, a->argc);
	return r ? r : copy_strings(a, envp, a->envc);
}

static bool is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r';
}

/* "#!interp [arg]" on the first line (at most BINPRM_BUF bytes): the new argv
 * is interp, [arg], the script's path, then the old argv[1..]; the environment
 * stays. interp receives the interpreter's path (script may alias it). */
static int rewrite_for_script(struct exec_args *a, const char *hdr, size_t n, const char *script,
			      char *interp, size_t isize)
{
	char line[BINPRM_BUF + 1];
	size_t len = 2;
	while (len < n && hdr[len] != '\n')
		len++;
	/* No newline in the whole buffer: as Linux, the line is cut at its last
	 * byte, unless that would cut the interpreter's path (ENOEXEC). */
	if (len == BINPRM_BUF) {
		size_t i = 2;
		while (i < BINPRM_BUF - 1 && is_blank(hdr[i]))
			i++;
		while (i < BINPRM_BUF - 1 && !is_blank(hdr[i]) && hdr[i])
			i++;
		if (i == BINPRM_BUF - 1)
			return -ENOEXEC;
		len = BINPRM_BUF - 1;
	}
	memcpy(line, hdr, len);
	while (len > 2 && is_blank(line[len - 1]))
		len--;
	line[len] = 0;
	char *p = line + 2;
	while (is_blank(*p))
		p++;
	char *arg = p;
	while (*arg && !is_blank(*arg))
		arg++;
	if (*arg)
		*arg++ = 0;
	while (is_blank(*arg))
		arg++;
	if (!*p)
		return -ENOEXEC;

	struct exec_args old = *a;
	*a = (struct exec_args){ .limit = old.limit };
	int r = push_string(a, p, false);
	if (!r && *arg)
		r = push_string(a, arg, false);
	if (!r)
		r = push_string(a, script, false);
	a->argc = *arg ? 3 : 2;
	/* Old argv[0] is replaced; with an empty argv, the first string is envp[0]. */
	int first = old.argc > 0;
	const char *s = first ? old.buf + strlen(old.buf) + 1 : old.buf;
	for (int i = first; !r && i < old.argc + old.envc; i++, s += strlen(s) + 1) {
		r = push_string(a, s, false);
		if (i < old.argc)
			a->argc++;
		else
			a->envc++;
	}
	kfree(old.buf);
	strlcpy(interp, p, isize);
	return r;
}

struct image {
	pde_t *pgdir;
	struct vm_area *mmap;
	uint32_t entry, phdr, phnum, brk;   /* the program's, where it was loaded */
	uint32_t start;                     /* the first instruction: the interpreter's entry, or entry */
	uint32_t interp_base;               /* AT_BASE: where the interpreter is, 0 without one */
	uint32_t vdso;                      /* AT_SYSINFO_EHDR: 0 if the kernel has no vDSO */
	uint32_t arg_start, arg_end, env_end, auxv_start; /* set by build_stack */
};

static void image_free(struct image *img)
{
	if (img->pgdir)
		pgdir_free(img->pgdir);
	img->pgdir = NULL;
	vma_free_all(&img->mmap);
}

/* A page of a file region that an earlier segment mapped and this one
 * shares gets this one's bytes too, so it becomes a copy of its own now. */
static int private_page(pde_t *pgdir, struct vm_area *v, uint32_t va)
{
	pte_t *pte = vm_walk(pgdir, va, true);
	if (!pte)
		return -ENOMEM;
	if (*pte & PTE_P)
		return 0;
	return vma_fault_page(v, va, true, pte) ? -ENOEXEC : 0;
}

/* The segment becomes regions. Its pages made wholly of file bytes map the
 * file's page cache privately (Linux's elf_map), so every process running
 * the program shares them until one writes a page; when the segment goes on
 * past its file bytes, the page where they end is a copy with a zeroed tail,
 * and the rest (bss) is demand-zero. A segment whose offset and address
 * disagree within a page, or whose first page an earlier segment holds, is
 * copied in whole, as before there was a page cache. */
static int load_segment(struct file *f, struct image *img, const struct elf32_phdr *ph)
{
	if (ph->p_memsz < ph->p_filesz || !is_user_range(ph->p_vaddr, ph->p_memsz) ||
	    (loff_t)ph->p_offset + ph->p_filesz > f->f_inode->i_size)
		return -ENOEXEC;
	if (ph->p_memsz == 0)
		return 0;
	uint32_t flags = ((ph->p_flags & PF_R) ? VM_READ : 0) | ((ph->p_flags & PF_W) ? VM_WRITE : 0) |
			 ((ph->p_flags & PF_X) ? VM_EXEC : 0);
	uint32_t first = ROUNDDOWN(ph->p_vaddr, PGSIZE), end = ROUNDUP(ph->p_vaddr + ph->p_memsz, PGSIZE);
	uint32_t start = first;
	/* A page two segments share keeps the first one's region. */
	for (struct vm_area *v = vma_find(img->mmap, start); v && v->start < end; v = v->next)
		start = MAX(start, v->end);
	uint32_t file_end = ph->p_vaddr + ph->p_filesz, mapped_end = start;
	if (start == first && f->f_op->mmap && (ph->p_offset - ph->p_vaddr) % PGSIZE == 0)
		mapped_end = ph->p_memsz > ph->p_filesz ? ROUNDDOWN(file_end, PGSIZE) : ROUNDUP(file_end, PGSIZE);
	int r = 0;
	if (mapped_end > start) {
		struct vm_area text = { .start = start, .end = mapped_end, .flags = flags, .vm_file = f,
					.vm_pgoff = (ph->p_offset - ph->p_vaddr % PGSIZE) / PGSIZE };
		r = f->f_op->mmap(f, &text);
		if (!r)
			r = vma_insert_region(&img->mmap, &text);
	}
	uint32_t rest = MAX(start, mapped_end);
	if (!r && rest < end)
		r = vma_insert(&img->mmap, rest, end, flags);
	uint32_t copy_from = start == first ? MAX(ph->p_vaddr, rest) : ph->p_vaddr;
	struct vm_area *held = start > first ? vma_find(img->mmap, first) : NULL;
	if (!r && held && held->vm_ops)
		r = private_page(img->pgdir, held, first);
	if (!r && copy_from < file_end)
		r = vm_alloc_range(img->pgdir, copy_from, file_end, PTE_U | ((ph->p_flags & PF_W) ? PTE_W : 0), true);
	if (r)
		return r;
	pde_t *pgdir = img->pgdir;
	/* Straight from the file into the new frames, a page at a time. */
	for (uint32_t va = copy_from; va < file_end && !r;) {
		uint32_t n = MIN(PGSIZE - (va & (PGSIZE - 1)), file_end - va);
		ssize_t got = kernel_read(f, vm_kaddr(pgdir, va), n, ph->p_offset + (va - ph->p_vaddr));
		r = got != (ssize_t)n ? -ENOEXEC : 0;
		va += n;
	}
	return r;
}

/* An ELF file and its program headers, as exec reads them. */
struct elf_file {
	struct file *f;
	struct elf32_ehdr eh;
	struct elf32_phdr *ph;
};

static bool elf_header_ok(const struct elf32_ehdr *eh)
{
	return memcmp(eh->e_ident, ELF_MAGIC, 4) == 0 && eh->e_ident[4] == ELFCLASS32 &&
	       eh->e_ident[5] == ELFDATA2LSB && (eh->e_type == ET_EXEC || eh->e_type == ET_DYN) &&
	       eh->e_machine == EM_386 && eh->e_phentsize == sizeof(struct elf32_phdr) && eh->e_phnum != 0 &&
	       eh->e_phnum <= 64;
}

static int read_phdrs(struct elf_file *e)
{
	size_t size = e->eh.e_phnum * sizeof(struct elf32_phdr);
	e->ph = kmalloc(size);
	if (!e->ph)
		return -ENOMEM;
	return kernel_read(e->f, e->ph, size, e->eh.e_phoff) == (ssize_t)size ? 0 : -ENOEXEC;
}

/* Where an ET_DYN file's lowest segment lands at base: what to add to its
 * addresses (0 for ET_EXEC, which runs where it was linked). */
static uint32_t load_bias(const struct elf_file *e, uint32_t base)
{
	if (e->eh.e_type != ET_DYN)
		return 0;
	uint32_t lowest = UINT32_MAX;
	for (int i = 0; i < e->eh.e_phnum; i++)
		if (e->ph[i].p_type == PT_LOAD)
			lowest = MIN(lowest, ROUNDDOWN(e->ph[i].p_vaddr, PGSIZE));
	return lowest == UINT32_MAX ? 0 : base - lowest;
}

/* Every PT_LOAD segment at bias; *end is the highest byte's end. */
static int load_segments(const struct elf_file *e, uint32_t bias, struct image *img, uint32_t *end)
{
	*end = 0;
	int r = 0;
	for (int i = 0; !r && i < e->eh.e_phnum; i++) {
		struct elf32_phdr seg = e->ph[i];
		if (seg.p_type != PT_LOAD)
			continue;
		seg.p_vaddr += bias;
		r = seg.p_vaddr < bias ? -ENOEXEC : load_segment(e->f, img, &seg);
		*end = MAX(*end, seg.p_vaddr + seg.p_memsz);
	}
	return r;
}

/* The address of the program headers in memory: PT_PHDR's, else found in
 * the segment that holds them in the file (0 if none does). */
static uint32_t phdr_address(const struct elf_file *e, uint32_t bias)
{
	size_t size = e->eh.e_phnum * sizeof(struct elf32_phdr);
	for (int i = 0; i < e->eh.e_phnum; i++)
		if (e->ph[i].p_type == PT_PHDR)
			return e->ph[i].p_vaddr + bias;
	for (int i = 0; i < e->eh.e_phnum; i++) {
		const struct elf32_phdr *p = &e->ph[i];
		if (p->p_type == PT_LOAD && e->eh.e_phoff >= p->p_offset &&
		    e->eh.e_phoff + size <= p->p_offset + p->p_filesz)
			return p->p_vaddr + bias + (e->eh.e_phoff - p->p_offset);
	}
	return 0;
}

/* PT_INTERP: opens the interpreter the program names (ld-linux.so.2) and
 * reads its headers, with Linux's errors: the path's own (ENOENT...), EACCES
 * for one that is not a regular executable file, EIO for one too short to
 * hold an ELF header, ELIBBAD for one that is not an i386 ELF executable or
 * shared object. */
static int open_interp(const struct elf_file *prog, const struct elf32_phdr *ip, struct elf_file *interp)
{
	if (ip->p_filesz < 2 || ip->p_filesz > PATH_MAX)
		return -ENOEXEC;
	char *path = kmalloc(ip->p_filesz);
	if (!path)
		return -ENOMEM;
	int r = kernel_read(prog->f, path, ip->p_filesz, ip->p_offset) == (ssize_t)ip->p_filesz &&
			!path[ip->p_filesz - 1] ? 0 : -ENOEXEC;
	if (!r)
		r = vfs_open(path, O_RDONLY, 0, &interp->f);
	kfree(path);
	if (r)
		return r;
	if (!S_ISREG(interp->f->f_inode->i_mode))
		return -EACCES;
	r = vfs_permission(interp->f->f_inode, MAY_EXEC);
	if (r)
		return r;
	if (kernel_read(interp->f, &interp->eh, sizeof(interp->eh), 0) != sizeof(interp->eh))
		return -EIO;
	if (!elf_header_ok(&interp->eh))
		return -ELIBBAD;
	r = read_phdrs(interp);
	return r == -ENOEXEC ? -ELIBBAD : r;
}

/* The interpreter goes beside the program: an ET_DYN one (as every
 * dynamic linker is) at the bottom of the mmap area, where Linux's legacy
 * layout puts it; execution starts at its entry, AT_BASE tells it where it is. */
static int load_interp(const struct elf_file *interp, struct image *img)
{
	uint32_t bias = load_bias(interp, MMAP_BASE), end;
	int r = load_segments(interp, bias, img, &end);
	img->interp_base = bias;
	img->start = bias + interp->eh.e_entry;
	return r;
}

static void elf_file_close(struct elf_file *e)
{
	if (e->f)
		fput(e->f);
	kfree(e->ph);
}

/* The new image: the program (an ET_DYN one with an interpreter at
 * ELF_ET_DYN_BASE, as Linux's i386 PIEs, without one where the interpreter
 * would go), its interpreter if it names one, the vDSO. */
static int load_elf(struct file *f, const struct elf32_ehdr *eh, struct image *img)
{
	*img = (struct image){ 0 };
	if (!elf_header_ok(eh))
		return -ENOEXEC;
	struct elf_file prog = { .f = f, .eh = *eh }, interp = { 0 };
	int r = read_phdrs(&prog);
	for (int i = 0; !r && i < eh->e_phnum; i++)
		if (prog.ph[i].p_type == PT_INTERP && !interp.f)
			r = open_interp(&prog, &prog.ph[i], &interp);
	img->pgdir = r ? NULL : pgdir_create();
	if (!r && !img->pgdir)
		r = -ENOMEM;
	uint32_t bias = load_bias(&prog, interp.f ? ELF_ET_DYN_BASE : MMAP_BASE);
	if (!r)
		r = load_segments(&prog, bias, img, &img->brk);
	if (!r && img->brk == 0)
		r = -ENOEXEC;
	img->entry = bias + eh->e_entry;
	img->start = img->entry;
	img->phdr = r ? 0 : phdr_address(&prog, bias);
	img->phnum = eh->e_phnum;
	img->brk = ROUNDUP(img->brk, PGSIZE);
	if (!r && interp.f)
		r = load_interp(&interp, img);
	if (!r)
		r = vdso_map(img->pgdir, &img->mmap, MMAP_BASE, &img->vdso);
	elf_file_close(&interp);
	kfree(prog.ph);
	if (r)
		image_free(img);
	return r;
}

/* The auxiliary vector (Linux's create_elf_tables, in its order) into v:
 * the number of words written, AT_NULL's pair included. */
static size_t fill_auxv(uint32_t *v, const struct image *img, uint32_t random_at, uint32_t execfn_at,
			uint32_t platform_at)
{
	/* The largest frame a handler may get: rt_sigframe, fxsave area, the 128
	 * bytes signal.c leaves below esp, and their alignment. */
	const uint32_t minsigstksz = sizeof(struct k_rt_sigframe) + 512 + 128 + 32;
	size_t i = 0;
#define AUX(type, value) (v[i++] = (type), v[i++] = (value))
	if (img->vdso) {
		AUX(AT_SYSINFO, vdso_entry(img->mmap, VDSO_VSYSCALL));
		AUX(AT_SYSINFO_EHDR, img->vdso);
	}
	AUX(AT_MINSIGSTKSZ, minsigstksz);
	AUX(AT_HWCAP, cpu_hwcap);
	AUX(AT_PAGESZ, PGSIZE);
	AUX(AT_CLKTCK, USER_HZ);
	AUX(AT_PHDR, img->phdr);
	AUX(AT_PHENT, sizeof(struct elf32_phdr));
	AUX(AT_PHNUM, img->phnum);
	AUX(AT_BASE, img->interp_base);
	AUX(AT_FLAGS, 0);
	AUX(AT_ENTRY, img->entry);
	AUX(AT_UID, current->uid);
	AUX(AT_EUID, current->euid);
	AUX(AT_GID, current->gid);
	AUX(AT_EGID, current->egid);
	AUX(AT_SECURE, 0);
	AUX(AT_RANDOM, random_at);
	AUX(AT_HWCAP2, 0);
	AUX(AT_EXECFN, execfn_at);
	AUX(AT_PLATFORM, platform_at);
	AUX(AT_NULL, 0);
#undef AUX
	return i;
}

/* Builds Linux's initial stack at the top of the new image:
 *   argc, argv[0..argc-1], NULL, envp[...], NULL, auxv pairs, AT_NULL,
 * then (above) the random bytes, the platform string, the exec path and the
 * argument and environment strings. Returns the new esp through *esp. */
static int build_stack(const struct exec_args *a, struct image *img, const char *execfn,
		       uint32_t *esp)
{
	size_t strings = a->used + strlen(execfn) + 1 + sizeof("i686") + 16;
	size_t nptrs = 1 + a->argc + 1 + a->envc + 1 + 2 * AUXV_ENTRIES;
	size_t total = ROUNDUP(strings, 16) + ROUNDUP(nptrs * 4, 16);
	uint32_t size = MAX((uint32_t)STACK_INIT, ROUNDUP(total, PGSIZE) + PGSIZE);
	int r = vma_insert(&img->mmap, USER_TOP - size, USER_TOP, VM_READ | VM_WRITE | VM_GROWSDOWN);
	if (r)
		return r;
	char *k = kzalloc(total);
	if (!k)
		return -ENOMEM;
	/* k[i] becomes the byte at user address base + i. */
	uint32_t base = USER_TOP - total;
	/* Only the pages the vectors fill; the rest of the stack is demand-zero. */
	r = vm_alloc_range(img->pgdir, base, USER_TOP, PTE_U | PTE_W, true);
	if (r) {
		kfree(k);
		return r;
	}
	size_t top = total;
	top -= a->used;
	memcpy(k + top, a->buf, a->used);
	uint32_t strings_at = base + top;
	top -= strlen(execfn) + 1;
	strlcpy(k + top, execfn, strlen(execfn) + 1);
	uint32_t execfn_at = base + top;
	top -= sizeof("i686");
	memcpy(k + top, "i686", sizeof("i686"));
	uint32_t platform_at = base + top;
	top -= 16;
	get_random_bytes(k + top, 16);
	uint32_t random_at = base + top;

	uint32_t *v = (uint32_t *)k;
	size_t i = 0;
	v[i++] = a->argc;
	uint32_t s = strings_at;
	img->arg_start = img->arg_end = s;
	for (int vec = 0; vec < 2; vec++) {         /* argv, then envp: each ends with NULL */
		for (int n = 0; n < (vec ? a->envc : a->argc); n++) {
			v[i++] = s;
			s += strlen(k + (s - base)) + 1;
		}
		v[i++] = 0;
		if (vec == 0)
			img->arg_end = s;
	}
	img->env_end = s;
	img->auxv_start = base + (uint32_t)i * 4;
	fill_auxv(v + i, img, random_at, execfn_at, platform_at);
	r = vm_write(img->pgdir, base, k, total);
	kfree(k);
	*esp = base;
	return r;
}

void exe_file_dup(struct proc *child, const struct proc *parent)
{
	child->exe_inode = iget(parent->exe_inode);
	if (child->exe_inode)
		child->exe_inode->i_writecount--;      /* cannot fail: the parent denies already */
}

void exe_file_release(struct proc *p)
{
	allow_write_access(p->exe_inode);
	iput(p->exe_inode);
	p->exe_inode = NULL;
}

/* Takes over the write denial held on exe. path is what execve was given
 * (comm is its last part); exe the file run, an interpreter for a script:
 * /proc/PID/exe names it by its absolute path, as on Linux, so
 * "/proc/self/exe" or "./prog" stay valid after a chdir or an exec. */
static void commit_image(const struct image *img, struct mm_struct *mm, uint32_t esp, const char *path,
			 struct inode *exe)
{
	struct proc *p = current;
	de_thread(p);
	exit_robust_list();                 /* in the old image, as Linux's exec_mm_release */
	mm_release(p);
	exe_file_release(p);
	p->exe_inode = iget(exe);
	struct mm_struct *old = p->mm;
	p->mm = mm;
	p->pgdir = mm->pgdir;
	vm_switch(p->pgdir);
	load_mm_ldt(mm);                    /* none: the old one goes with its mm */
	mmput(old);
	p->mm->mmap = img->mmap;
	p->mm->brk_start = p->mm->brk = img->brk;
	p->mm->mmap_base = MMAP_BASE;
	p->mm->stack_limit = USER_TOP - STACK_MAX;
	p->arg_start = img->arg_start;
	p->arg_end = img->arg_end;
	p->env_end = img->env_end;
	p->auxv_start = img->auxv_start;
	if (vfs_path_of(exe, p->exe, sizeof(p->exe)) < 0)
		strlcpy(p->exe, path, sizeof(p->exe));
	const char *base = path;
	for (const char *c = path; *c; c++)
		if (*c == '/')
			base = c + 1;
	strlcpy(p->comm, base, sizeof(p->comm));
	p->dumpable = true;
	memset(p->tls, 0, sizeof(p->tls));
	gdt_load_tls(p->tls);
	p->exit_work |= EXIT_WORK_SELECTORS;
	fdtable_close_on_exec(p->files);
	signals_reset_on_exec(p);
	p->did_exec = true;

	struct trapframe *tf = p->tf;
	memset(tf, 0, sizeof(*tf));
	tf->cs = UCODE_SEL;
	tf->ds = tf->es = tf->ss = UDATA_SEL;
	tf->eflags = EFLAGS_FIXED | EFLAGS_IF;
	tf->eip = img->start;
	tf->esp = esp;
}

int do_execve(const char *upath, char *const __user argv[], char *const __user envp[])
{
	char *path = kmalloc(PATH_MAX);
	struct exec_args a = { 0 };
	char interp[128];
	struct file *f = NULL;
	int r = !path ? -ENOMEM : 0;
	if (!r) {
		long n = strncpy_from_user(path, upath, PATH_MAX);
		r = n < 0 ? (int)n : 0;
	}
	if (!r)
		r = copy_args(&a, argv, envp);
	const char *file_path = path;
	struct inode *denied = NULL;        /* the file open now, if its writes are denied */
	for (int depth = 0; !r; depth++) {
		if (depth > MAX_BINFMT_DEPTH) {
			r = -ELOOP;
			break;
		}
		r = vfs_open(file_path, O_RDONLY, 0, &f);
		if (r)
			break;
		if (!S_ISREG(f->f_inode->i_mode)) {
			r = -EACCES;
			break;
		}
		r = vfs_permission(f->f_inode, MAY_EXEC);
		if (!r)
			r = deny_write_access(f->f_inode);
		if (r)
			break;
		denied = f->f_inode;
		char hdr[BINPRM_BUF];
		ssize_t n = kernel_read(f, hdr, sizeof(hdr), 0);
		if (n >= 2 && memcmp(hdr, "#!", 2) == 0) {
			r = rewrite_for_script(&a, hdr, n, file_path, interp, sizeof(interp));
			allow_write_access(denied);
			denied = NULL;
			fput(f);
			f = NULL;
			file_path = interp;
			continue;
		}
		struct elf32_ehdr eh;
		if (n < (ssize_t)sizeof(eh) || memcmp(hdr, ELF_MAGIC, 4) != 0) {
			r = -ENOEXEC;
			break;
		}
		memcpy(&eh, hdr, sizeof(eh));
		struct image img;
		uint32_t esp = 0;
		struct mm_struct *mm = NULL;
		r = load_elf(f, &eh, &img);
		if (!r) {
			r = build_stack(&a, &img, path, &esp);
			mm = r ? NULL : mm_alloc(img.pgdir);
			r = r ? r : mm ? 0 : -ENOMEM;
			if (r)
				image_free(&img);
		}
		if (!r) {
			commit_image(&img, mm, esp, path, denied);
			denied = NULL;
		}
		break;
	}
	allow_write_access(denied);
	if (f)
		fput(f);
	kfree(a.buf);
	kfree(path);
	return r;
}

SYSCALL_DEFINE3(execve, const char *, path, char *const *, argv, char *const *, envp)
{
	int r = do_execve(path, argv, envp);
	if (!r)
		ptrace_exec();
	return r;
}
