/* tls.c: the thread pointer and static TLS (i386 TLS variant II). Each thread has one block: the
 * PT_TLS image copied just below its descriptor (struct pthread, whose first word points to
 * itself), and %gs addresses the descriptor through set_thread_area, so __thread variables at
 * %gs:-offset and errno in the descriptor work. The main thread's block is set up here at start;
 * pthread_create places each new thread's block at the top of its mapping. */
#include <errno.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <uapi/auxv.h>
#include <uapi/ldt.h>
#include "pthread_impl.h"

#define PT_TLS 7

struct elf32_phdr {
	uint32_t p_type, p_offset, p_vaddr, p_paddr, p_filesz, p_memsz, p_flags, p_align;
};

/* The usual case (small TLS segments) needs neither mmap nor any memory that could fail. */
static unsigned char tls_static[2048] __attribute__((aligned(64)));

static const struct elf32_phdr *tls_image;
static uint32_t tls_offset, tls_align = sizeof(void *);
static uint32_t main_stack_guard;
int __tls_entry = -1;		/* the GDT slot set_thread_area gave us: every thread uses it */

static const struct elf32_phdr *find_tls(const unsigned long *auxv)
{
	const struct elf32_phdr *ph = 0;
	unsigned long n = 0, i;

	for (; auxv[0] != AT_NULL; auxv += 2) {
		if (auxv[0] == AT_PHDR)
			ph = (const struct elf32_phdr *)auxv[1];
		else if (auxv[0] == AT_PHNUM)
			n = auxv[1];
	}
	for (i = 0; ph && i < n; i++)
		if (ph[i].p_type == PT_TLS)
			return &ph[i];
	return 0;
}

static void die(const char *msg)
{
	__syscall(__NR_write, 2, msg, strlen(msg));
	__syscall(__NR_exit_group, 127);
	__builtin_unreachable();
}

static uint32_t stack_guard(const unsigned long *auxv)
{
	const unsigned char *r = 0;
	uint32_t g;

	for (; auxv[0] != AT_NULL; auxv += 2)
		if (auxv[0] == AT_RANDOM)
			r = (const unsigned char *)auxv[1];
	if (!r)
		return 0xff0a0000;
	memcpy(&g, r, sizeof g);
	return g & ~0xffu;	/* a NUL byte stops string overflows from reproducing it */
}

/* Bytes a thread's block needs, alignment slack included. */
size_t __tls_size(void)
{
	return tls_offset + sizeof(struct pthread) + tls_align - 1;
}

/* Lays a thread's block out in the zeroed memory [base, base + __tls_size()). The linker placed
 * variables at tp - round_up(memsz, p_align) + offset. */
struct pthread *__tls_place(void *base)
{
	uintptr_t tp = ((uintptr_t)base + tls_offset + tls_align - 1) & ~(uintptr_t)(tls_align - 1);
	struct pthread *t = (struct pthread *)tp;

	if (tls_image)
		memcpy((void *)(tp - tls_offset), (const void *)tls_image->p_vaddr, tls_image->p_filesz);
	t->self = t;
	t->stack_guard = main_stack_guard;
	return t;
}

/* The descriptor set_thread_area and clone(CLONE_SETTLS) take for thread t. */
void __tls_desc(struct user_desc *d, struct pthread *t)
{
	memset(d, 0, sizeof *d);
	d->entry_number = (unsigned int)__tls_entry;
	d->base_addr = (uintptr_t)t;
	d->limit = 0xfffff;
	d->seg_32bit = 1;
	d->limit_in_pages = 1;
	d->useable = 1;
}

void __tls_init(const unsigned long *auxv)
{
	struct user_desc d;
	struct pthread *self;
	uintptr_t base;

	tls_image = find_tls(auxv);
	if (tls_image) {
		uint32_t a = tls_image->p_align ? tls_image->p_align : 1;

		tls_offset = (tls_image->p_memsz + a - 1) & ~(a - 1);
		if (a > tls_align)
			tls_align = a;
	}
	main_stack_guard = stack_guard(auxv);
	if (__tls_size() <= sizeof tls_static) {
		base = (uintptr_t)tls_static;
	} else {
		base = (uintptr_t)__syscall(__NR_mmap2, 0, __tls_size(), PROT_READ | PROT_WRITE,
					    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		if (base > (uintptr_t)-MAX_ERRNO - 1)
			die("libc: cannot allocate TLS\n");
	}
	self = __tls_place((void *)base);
	__tls_desc(&d, self);
	if (__syscall(__NR_set_thread_area, &d) < 0)
		die("libc: set_thread_area failed\n");
	__tls_entry = (int)d.entry_number;
	__asm__ volatile("movw %w0, %%gs" : : "q"((d.entry_number << 3) | 3) : "memory");
	self->tid = (int)__syscall(__NR_set_tid_address, &self->tid);
	self->detach_state = DT_JOINABLE;
}
