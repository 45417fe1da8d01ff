/* vsyscall.h: system calls from inside the vDSO, for the entry points that
 * pass a call on to the kernel (int $0x80, whose answer, a negative errno
 * included, they return as Linux's vDSO does). */
#ifndef VDSO_VSYSCALL_H
#define VDSO_VSYSCALL_H

static inline long vdso_syscall3(long nr, long a, long b, long c)
{
	long r;
	__asm__ volatile("int $0x80" : "=a"(r) : "0"(nr), "b"(a), "c"(b), "d"(c) : "memory");
	return r;
}

#endif
