/* tls.c: static TLS for the program's single thread (i386 TLS variant II). The PT_TLS image is
 * copied just below a thread control block whose first word points to itself, and %gs is made to
 * address that block through set_thread_area, so __thread variables at %gs:-offset work. */
#include <errno.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <uapi/auxv.h>
#include <uapi/ldt.h>
#include "sysdep.h"

#define PT_TLS 7

struct elf32_phdr {
	uint32_t p_type, p_offset, p_vaddr, p_paddr, p_filesz, p_memsz, p_flags, p_align;
};

/* The words compiled code may read through %gs: the thread pointer itself at 0 (TLS accesses
 * load it from there), and at 0x14 the canary gcc's -fstack-protector uses on i386. */
struct tcb {
	struct tcb *self;
	uint32_t reserved[4];
	uint32_t stack_guard;
};

/* Small TLS segments (the usual case) need neither mmap nor any memory that could fail. */
static unsigned char tls_static[512] __attribute__((aligned(64)));

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

/* Programs without __thread variables skip this, so they also run on a kernel that lacks
 * set_thread_area. */
void __tls_init(const unsigned long *auxv)
{
	const struct elf32_phdr *tls = find_tls(auxv);
	uint32_t talign, align, tlsoff, need;
	uintptr_t base, tp;
	struct user_desc d;
	struct tcb *tcb;
	long r;

	if (!tls)
		return;
	/* The linker placed variables at tp - round_up(memsz, p_align) + offset. */
	talign = tls->p_align ? tls->p_align : 1;
	tlsoff = (tls->p_memsz + talign - 1) & ~(talign - 1);
	align = talign < sizeof(void *) ? sizeof(void *) : talign;
	need = tlsoff + sizeof(struct tcb) + align - 1;
	if (need <= sizeof tls_static) {
		base = (uintptr_t)tls_static;
	} else {
		base = (uintptr_t)__syscall(__NR_mmap2, 0, need, PROT_READ | PROT_WRITE,
					    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		if (base > (uintptr_t)-MAX_ERRNO - 1)
			die("libc: cannot allocate TLS\n");
	}
	tp = (base + tlsoff + align - 1) & ~(uintptr_t)(align - 1);
	memcpy((void *)(tp - tlsoff), (const void *)tls->p_vaddr, tls->p_filesz);
	tcb = (struct tcb *)tp;
	tcb->self = tcb;
	tcb->stack_guard = stack_guard(auxv);

	memset(&d, 0, sizeof d);
	d.entry_number = (unsigned int)-1;
	d.base_addr = tp;
	d.limit = 0xfffff;
	d.seg_32bit = 1;
	d.limit_in_pages = 1;
	d.useable = 1;
	r = __syscall(__NR_set_thread_area, &d);
	if (r < 0)
		die("libc: set_thread_area failed\n");
	__asm__ volatile("movw %w0, %%gs" : : "q"((d.entry_number << 3) | 3) : "memory");
}
