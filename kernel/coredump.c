/* coredump.c: core dumps, as Linux writes them for an i386 ELF process. A
 * process killed by a signal whose default action dumps core (SIGQUIT,
 * SIGILL, SIGTRAP, SIGABRT, SIGBUS, SIGFPE, SIGSEGV, SIGXCPU, SIGXFSZ,
 * SIGSYS) writes an ET_CORE file: a PT_NOTE segment (NT_PRSTATUS with the
 * registers of each thread, the dumping one first; NT_PRPSINFO, NT_AUXV,
 * NT_FILE with the file mappings and their paths) and one PT_LOAD per memory
 * region with its bytes (pages never touched read as zeros), so GDB opens
 * it with the program and shows every thread; each thread's NT_PRSTATUS is
 * followed by its FPU state (NT_PRFPREG, NT_PRXFPREG), as Linux orders them.
 * There is no NT_SIGINFO, NT_386_TLS or NT_X86_XSTATE. The name comes from /proc/sys/kernel/core_pattern
 * ("core" by default, relative to the cwd; %p %P %i %I %u %g %s %t %h %e %%
 * expanded; a "|program" pattern is not supported: no dump). Nothing is
 * written when RLIMIT_CORE is below a page (Linux's default soft limit is
 * 0) or the process is not dumpable (prctl PR_SET_DUMPABLE 0), and a dump that would pass the limit stops there and counts as none. */
#include "kernel.h"
#include "coredump.h"
#include "elf.h"
#include "fs/file.h"
#include "fs/procfs.h"
#include "fs/seq_file.h"
#include "fs/vfs.h"
#include "mm/kmalloc.h"
#include "mm/mm_struct.h"
#include "mm/vm.h"
#include "mm/vma.h"
#include "proc.h"
#include "ptrace.h"
#include "utsname.h"
#include "x86/cpu.h"
#include "x86/timer.h"
#include "x86/trap.h"
#include "uapi/auxv.h"
#include "uapi/capability.h"
#include "uapi/errno.h"
#include "uapi/fcntl.h"
#include "uapi/ptrace.h"
#include "uapi/resource.h"
#include "uapi/signal.h"
#include "uapi/stat.h"
#include "uapi/wait.h"

#define ET_CORE 4
#define PT_NOTE 4
#define NT_PRSTATUS 1
#define NT_PRFPREG 2
#define NT_PRPSINFO 3
#define NT_PRXFPREG 0x46e62b7f
#define FXSAVE_SIZE 512
#define NT_AUXV 6
#define NT_FILE 0x46494c45
#define CORENAME_MAX_SIZE 128
#define ELF_PRARGSZ 80
#define AUXV_MAX 64                     /* pairs read back from the stack, at most */
#define FILE_NOTE_NAME_MAX 256          /* a longer path's mapping is left out of NT_FILE */

static char core_pattern[CORENAME_MAX_SIZE] = "core";

/* i386's struct elf_prstatus and elf_prpsinfo, byte for byte. */
struct elf_prstatus {
	int32_t si_signo, si_code, si_errno;
	int16_t pr_cursig;
	uint32_t pr_sigpend, pr_sighold;
	int32_t pr_pid, pr_ppid, pr_pgrp, pr_sid;
	struct { int32_t sec, usec; } pr_utime, pr_stime, pr_cutime, pr_cstime;
	/* user_regs_struct: ebx ecx edx esi edi ebp eax ds es fs gs orig_eax eip cs eflags esp ss */
	uint32_t pr_reg[17];
	int32_t pr_fpvalid;
};
_Static_assert(sizeof(struct elf_prstatus) == 144, "Linux's i386 elf_prstatus");

struct elf_prpsinfo {
	char pr_state, pr_sname, pr_zomb, pr_nice;
	uint32_t pr_flag;
	uint16_t pr_uid, pr_gid;
	int32_t pr_pid, pr_ppid, pr_pgrp, pr_sid;
	char pr_fname[16];
	char pr_psargs[ELF_PRARGSZ];
};
_Static_assert(sizeof(struct elf_prpsinfo) == 124, "Linux's i386 elf_prpsinfo");

/* Linux's SIG_KERNEL_COREDUMP_MASK. */
static bool sig_dumps_core(int sig)
{
	switch (sig) {
	case SIGQUIT: case SIGILL: case SIGTRAP: case SIGABRT: case SIGBUS:
	case SIGFPE: case SIGSEGV: case SIGXCPU: case SIGXFSZ: case SIGSYS:
		return true;
	default:
		return false;
	}
}

/* Linux's format_corename, for the specifiers that make sense here. */
static void format_corename(char *out, size_t size, int sig)
{
	struct proc *p = current;
	size_t n = 0;
	for (const char *s = core_pattern; *s && n + 1 < size; s++) {
		if (*s != '%' || !s[1]) {
			out[n++] = *s;
			continue;
		}
		char num[24];
		const char *add = num;
		switch (*++s) {
		case 'p': snprintf(num, sizeof num, "%d", p->tgid); break;
		case 'P': snprintf(num, sizeof num, "%d", p->tgid); break;
		case 'i': snprintf(num, sizeof num, "%d", p->pid); break;
		case 'I': snprintf(num, sizeof num, "%d", p->pid); break;
		case 'u': snprintf(num, sizeof num, "%u", p->uid); break;
		case 'g': snprintf(num, sizeof num, "%u", p->gid); break;
		case 's': snprintf(num, sizeof num, "%d", sig); break;
		case 't': snprintf(num, sizeof num, "%lld", (long long)realtime_seconds()); break;
		case 'h': add = init_uts.nodename; break;
		case 'e': add = p->comm; break;
		case '%': add = "%"; break;
		default: add = ""; break;
		}
		for (; *add && n + 1 < size; add++)
			out[n++] = *add == '/' ? '!' : *add;
	}
	out[n] = '\0';
}

struct dump {
	struct file *file;
	uint64_t written, limit;
	bool failed;
};

static void dump_emit(struct dump *d, const void *buf, size_t len)
{
	if (d->failed || d->written + len > d->limit) {
		d->failed = true;
		return;
	}
	ssize_t r = kernel_write(d->file, buf, len, &d->file->f_pos);
	d->failed = r != (ssize_t)len;
	d->written += len;
}

static void dump_zeros(struct dump *d, size_t len)
{
	static const char zeros[256];
	while (len && !d->failed) {
		size_t n = MIN(len, sizeof zeros);
		dump_emit(d, zeros, n);
		len -= n;
	}
}

static size_t note_size(size_t name_len, size_t desc_len)
{
	return 12 + ROUNDUP(name_len + 1, 4) + ROUNDUP(desc_len, 4);
}

static void dump_note(struct dump *d, const char *name, uint32_t type, const void *desc, size_t len)
{
	uint32_t hdr[3] = { (uint32_t)strlen(name) + 1, (uint32_t)len, type };
	dump_emit(d, hdr, sizeof hdr);
	dump_emit(d, name, hdr[0]);
	dump_zeros(d, ROUNDUP(hdr[0], 4) - hdr[0]);
	dump_emit(d, desc, len);
	dump_zeros(d, ROUNDUP(len, 4) - len);
}

static void jiffies_to_tv(uint64_t j, int32_t *sec, int32_t *usec)
{
	*sec = (int32_t)(j / HZ);
	*usec = (int32_t)(j % HZ * (1000000 / HZ));
}

/* Thread p's status and the user registers of its frame tf. */
static void fill_prstatus(struct elf_prstatus *st, int sig, const struct proc *p, const struct trapframe *tf)
{
	memset(st, 0, sizeof *st);
	st->si_signo = st->pr_cursig = (int16_t)sig;
	st->pr_sigpend = (uint32_t)p->sig_pending;
	st->pr_sighold = (uint32_t)p->sig_blocked;
	st->pr_pid = p->pid;
	st->pr_ppid = p->parent ? p->parent->tgid : 0;
	st->pr_pgrp = p->pgid;
	st->pr_sid = p->sid;
	jiffies_to_tv(p->utime, &st->pr_utime.sec, &st->pr_utime.usec);
	jiffies_to_tv(p->stime, &st->pr_stime.sec, &st->pr_stime.usec);
	jiffies_to_tv(p->cutime, &st->pr_cutime.sec, &st->pr_cutime.usec);
	jiffies_to_tv(p->cstime, &st->pr_cstime.sec, &st->pr_cstime.usec);
	uint32_t orig_eax = tf->trapno == T_SYSCALL ? p->syscall_nr : (uint32_t)-1;
	const uint32_t regs[17] = { tf->ebx, tf->ecx, tf->edx, tf->esi, tf->edi, tf->ebp, tf->eax,
				    tf->ds, tf->es, tf->fs, tf->gs, orig_eax, tf->eip, tf->cs,
				    tf->eflags, tf->esp, tf->ss };
	memcpy(st->pr_reg, regs, sizeof regs);
	st->pr_fpvalid = 1;                 /* fp_notes follow */
}

/* Size of a thread's FPU notes: x87 in NT_PRFPREG, with FXSR the fxsave
 * image in NT_PRXFPREG ("LINUX", as Linux's regsets beyond the first two). */
static size_t fp_notes_size(void)
{
	return note_size(4, sizeof(struct user_fpregs_struct)) + (cpu_has_fxsr ? note_size(5, FXSAVE_SIZE) : 0);
}

static void fill_prpsinfo(struct elf_prpsinfo *ps)
{
	struct proc *p = current;
	memset(ps, 0, sizeof *ps);
	ps->pr_state = 0;
	ps->pr_sname = 'R';
	ps->pr_nice = (char)p->nice;
	ps->pr_uid = (uint16_t)p->uid;
	ps->pr_gid = (uint16_t)p->gid;
	ps->pr_pid = p->tgid;
	ps->pr_ppid = p->parent ? p->parent->tgid : 0;
	ps->pr_pgrp = p->pgid;
	ps->pr_sid = p->sid;
	strlcpy(ps->pr_fname, p->comm, sizeof ps->pr_fname);
	uint32_t len = MIN(p->arg_end - p->arg_start, (uint32_t)ELF_PRARGSZ - 1);
	if (p->arg_end > p->arg_start && !vm_read(p->pgdir, p->arg_start, ps->pr_psargs, len))
		for (uint32_t i = 0; i + 1 < len; i++)
			if (!ps->pr_psargs[i])
				ps->pr_psargs[i] = ' ';
}

/* The auxiliary vector exec left on the stack, up to and with AT_NULL. */
static size_t read_auxv(uint32_t *auxv)
{
	size_t n = 0;
	while (n < AUXV_MAX && current->auxv_start &&
	       !vm_read(current->pgdir, current->auxv_start + (uint32_t)n * 8, &auxv[2 * n], 8))
		if (auxv[2 * n++] == AT_NULL)
			break;
	return n * 8;
}

static uint32_t phdr_flags(uint32_t vm_flags)
{
	return ((vm_flags & VM_READ) ? PF_R : 0) | ((vm_flags & VM_WRITE) ? PF_W : 0) |
	       ((vm_flags & VM_EXEC) ? PF_X : 0);
}

/* Linux's fill_files_note: the count, the page size, each file mapping's
 * start, end and offset in pages, then their paths, NUL-terminated, in the
 * same order (a mapping whose file has no path is left out). */
static uint32_t *files_note(const struct mm_struct *mm, size_t *len)
{
	uint32_t n = 0;
	for (const struct vm_area *v = mm->mmap; v; v = v->next)
		n += v->vm_file != NULL;
	uint32_t *data = kmalloc(8 + n * (12 + FILE_NOTE_NAME_MAX));
	if (!data)
		return NULL;
	char *names = (char *)(data + 2 + 3 * n), *at = names;
	uint32_t k = 0;
	for (const struct vm_area *v = mm->mmap; v; v = v->next) {
		int r = v->vm_file ? vfs_path_of(v->vm_file->f_inode, at, FILE_NOTE_NAME_MAX) : -ENOENT;
		if (r < 0)
			continue;
		uint32_t *e = data + 2 + 3 * k++;
		e[0] = v->start, e[1] = v->end, e[2] = v->vm_pgoff;
		at += r;
	}
	data[0] = k;
	data[1] = PGSIZE;
	char *packed = (char *)(data + 2 + 3 * k);
	memmove(packed, names, (size_t)(at - names));
	*len = (size_t)(packed - (char *)data) + (size_t)(at - names);
	return data;
}

static void dump_fp_notes(struct dump *d, const struct proc *p)
{
	struct user_fpregs_struct fp;
	ptrace_fpregs(p, &fp);
	dump_note(d, "CORE", NT_PRFPREG, &fp, sizeof fp);
	if (cpu_has_fxsr)
		dump_note(d, "LINUX", NT_PRXFPREG, p->fpu_state, FXSAVE_SIZE);
}

/* The other live threads of the group, each a prstatus after the dumper's. */
static bool other_thread(const struct proc *q)
{
	return q != current && q->tgid == current->tgid && q->state != P_UNUSED && q->state != P_EMBRYO &&
	       q->state != P_ZOMBIE;
}

/* Linux's elf_core_dump: headers, notes (the dumping thread's prstatus, the
 * process's notes, then each other thread's prstatus, as GDB reads threads),
 * then each region's pages at a page boundary. */
static bool elf_core_dump(struct dump *d, int sig, const struct trapframe *tf)
{
	struct mm_struct *mm = current->mm;
	uint32_t nregions = 0, nthreads = 0;
	for (const struct vm_area *v = mm->mmap; v; v = v->next)
		nregions++;
	for (int i = 0; i < NPROC; i++)
		nthreads += other_thread(&proc_table[i]);
	struct elf_prstatus st;
	struct elf_prpsinfo ps;
	size_t files_len;
	uint32_t *auxv = kmalloc(AUXV_MAX * 8), *files = files_note(mm, &files_len);
	if (!auxv || !files) {
		kfree(auxv);
		kfree(files);
		return false;
	}
	fill_prstatus(&st, sig, current, tf);
	fill_prpsinfo(&ps);
	size_t auxv_len = read_auxv(auxv);
	if (cpu_has_fxsr)                   /* the others' were saved when they were switched out */
		__asm__ volatile("fxsave %0" : "=m"(current->fpu_state));
	size_t notes = (1 + nthreads) * (note_size(4, sizeof st) + fp_notes_size()) + note_size(4, sizeof ps) +
		       note_size(4, auxv_len) + note_size(4, files_len);
	struct elf32_ehdr eh = {
		.e_ident = { 0x7f, 'E', 'L', 'F', ELFCLASS32, ELFDATA2LSB, 1 },
		.e_type = ET_CORE, .e_machine = EM_386, .e_version = 1,
		.e_phoff = sizeof eh, .e_ehsize = sizeof eh, .e_phentsize = sizeof(struct elf32_phdr),
		.e_phnum = (uint16_t)(nregions + 1),
	};
	uint32_t offset = sizeof eh + (nregions + 1) * sizeof(struct elf32_phdr);
	struct elf32_phdr note = { .p_type = PT_NOTE, .p_offset = offset, .p_filesz = (uint32_t)notes };
	dump_emit(d, &eh, sizeof eh);
	dump_emit(d, &note, sizeof note);
	uint32_t data = ROUNDUP(offset + (uint32_t)notes, PGSIZE), at = data;
	for (const struct vm_area *v = mm->mmap; v; v = v->next) {
		uint32_t size = v->end - v->start;
		struct elf32_phdr ph = {
			.p_type = PT_LOAD, .p_offset = at, .p_vaddr = v->start,
			.p_filesz = (v->flags & VM_READ) ? size : 0, .p_memsz = size,
			.p_flags = phdr_flags(v->flags), .p_align = PGSIZE,
		};
		dump_emit(d, &ph, sizeof ph);
		at += ph.p_filesz;
	}
	dump_note(d, "CORE", NT_PRSTATUS, &st, sizeof st);
	dump_note(d, "CORE", NT_PRPSINFO, &ps, sizeof ps);
	dump_note(d, "CORE", NT_AUXV, auxv, auxv_len);
	dump_note(d, "CORE", NT_FILE, files, files_len);
	dump_fp_notes(d, current);
	kfree(auxv);
	kfree(files);
	for (int i = 0; i < NPROC; i++) {
		const struct proc *q = &proc_table[i];
		if (!other_thread(q))
			continue;
		fill_prstatus(&st, sig, q, q->tf);
		dump_note(d, "CORE", NT_PRSTATUS, &st, sizeof st);
		dump_fp_notes(d, q);
	}
	dump_zeros(d, data - offset - notes);
	for (const struct vm_area *v = mm->mmap; v && !d->failed; v = v->next) {
		if (!(v->flags & VM_READ))
			continue;
		for (uint32_t va = v->start; va < v->end && !d->failed; va += PGSIZE) {
			const void *page = vm_kaddr(current->pgdir, va);
			if (page)
				dump_emit(d, page, PGSIZE);
			else
				dump_zeros(d, PGSIZE);
		}
	}
	return !d->failed;
}

int do_coredump(int sig, const struct trapframe *tf)
{
	uint64_t limit = current->rlim[RLIMIT_CORE].rlim_cur;
	if (!sig_dumps_core(sig) || !current->mm || !current->dumpable || limit < PGSIZE || core_pattern[0] == '|' ||
	    !core_pattern[0] || current->group_exiting)
		return 0;
	char name[CORENAME_MAX_SIZE + 32];
	format_corename(name, sizeof name, sig);
	struct file *f;
	if (vfs_open(name, O_CREAT | O_WRONLY | O_TRUNC | O_NOFOLLOW, 0600, &f))
		return 0;
	struct dump d = { .file = f, .limit = limit };
	/* Linux's coredump_wait: the other threads are stopped for good first
	 * (their frames are what the dump shows), coredump_finish gives the group's status the core bit. */
	group_exit_begin(current, sig);
	bool ok = S_ISREG(f->f_inode->i_mode) && elf_core_dump(&d, sig, tf);
	fput(f);
	if (ok)
		group_exit_begin(current, sig | K_WCOREFLAG);
	return ok ? K_WCOREFLAG : 0;
}

static int core_pattern_show(struct seq_file *m, void *v)
{
	(void)v;
	seq_printf(m, "%s\n", core_pattern);
	return 0;
}

static int core_pattern_open(struct inode *inode, struct file *file)
{
	(void)inode;
	return single_open(file, core_pattern_show, NULL);
}

/* Linux's proc_dostring: the text up to a newline or NUL, at most 127 bytes kept. */
static ssize_t core_pattern_write(struct file *file, const char __user *ubuf, size_t count, loff_t *pos)
{
	(void)file;
	char buf[CORENAME_MAX_SIZE];
	if (!capable(CAP_SYS_ADMIN))
		return -EPERM;
	if (*pos || count == 0)
		return (ssize_t)count;
	size_t n = MIN(count, sizeof buf - 1);
	if (copyin(ubuf, buf, n))
		return -EFAULT;
	buf[n] = '\0';
	for (char *c = buf; *c; c++)
		if (*c == '\n')
			*c = '\0';
	strlcpy(core_pattern, buf, sizeof core_pattern);
	*pos += count;
	return (ssize_t)count;
}

const struct proc_ops core_pattern_proc_ops = {
	.proc_open = core_pattern_open,
	.proc_read = seq_read,
	.proc_write = core_pattern_write,
	.proc_lseek = seq_lseek,
	.proc_release = single_release,
};
