/* mman.c: the program break (brk/sbrk) and memory mappings (mmap via mmap2, munmap, mprotect,
 * mremap, msync, madvise, mincore, mlock, munlock). */
#include <errno.h>
#include <stdint.h>
#include <sys/mman.h>
#include <unistd.h>
#include "sysdep.h"

static uintptr_t cur_brk;

/* The brk system call never fails: it returns the break it ended up with, the old one when it
 * could not move. */
int brk(void *addr)
{
	cur_brk = (uintptr_t)__syscall(__NR_brk, addr);
	if (cur_brk < (uintptr_t)addr) {
		errno = ENOMEM;
		return -1;
	}
	return 0;
}

void *sbrk(intptr_t incr)
{
	uintptr_t old;

	if (!cur_brk)
		cur_brk = (uintptr_t)__syscall(__NR_brk, 0);
	old = cur_brk;
	if (incr && brk((void *)(old + incr)) < 0)
		return (void *)-1;
	return (void *)old;
}

void *mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	if (off & (MMAP2_UNIT - 1)) {
		errno = EINVAL;
		return MAP_FAILED;
	}
	return (void *)__sysret(__NR_mmap2, addr, len, prot, flags, fd, (unsigned long)off / MMAP2_UNIT);
}

int munmap(void *addr, size_t len) { return (int)__sysret(__NR_munmap, addr, len); }
int mprotect(void *addr, size_t len, int prot) { return (int)__sysret(__NR_mprotect, addr, len, prot); }
int msync(void *addr, size_t len, int flags) { return (int)__sysret(__NR_msync, addr, len, flags); }
int madvise(void *addr, size_t len, int advice) { return (int)__sysret(__NR_madvise, addr, len, advice); }
int mincore(void *addr, size_t len, unsigned char *vec) { return (int)__sysret(__NR_mincore, addr, len, vec); }
int mlock(const void *addr, size_t len) { return (int)__sysret(__NR_mlock, addr, len); }
int munlock(const void *addr, size_t len) { return (int)__sysret(__NR_munlock, addr, len); }

void *mremap(void *old, size_t oldlen, size_t newlen, int flags, ...)
{
	void *new_addr = __va_opt_arg(flags, void *, flags & MREMAP_FIXED);

	return (void *)__sysret(__NR_mremap, old, oldlen, newlen, flags, new_addr);
}
