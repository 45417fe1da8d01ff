/* uaccess.h: the only way the kernel touches user memory. Both the FreeBSD
 * names (copyin, copyout, copyinstr, copystr) and the Linux ones
 * (copy_from_user, copy_to_user, get_user, put_user, access_ok) are here.
 * A bad address (unmapped, at or above KERNBASE, or wrapping) is EFAULT, with
 * the sign of the face (below); a fault in the middle of a copy is recovered
 * through the exception table (uaccess_asm.asm), never avoided by luck. */
#ifndef UACCESS_H
#define UACCESS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "uapi/errno.h"

#define __user

bool access_ok(const void __user *addr, unsigned long size);

/* FreeBSD face, FreeBSD's contract: 0 or a POSITIVE errno, EFAULT (or
 * ENAMETOOLONG for a string that does not fit), so a FreeBSD-style driver
 * can return what they return. Kernel code that answers negative errno tests
 * them for nonzero and returns -EFAULT itself. */
int copyin(const void __user *uaddr, void *kaddr, size_t len);
int copyout(const void *kaddr, void __user *uaddr, size_t len);
int copyinstr(const void __user *uaddr, void *kaddr, size_t len, size_t *done);
int copystr(const void *kfaddr, void *kdaddr, size_t len, size_t *done);

/* Linux face: the number of bytes that could NOT be copied (0 on success). */
unsigned long copy_from_user(void *to, const void __user *from, unsigned long n);
unsigned long copy_to_user(void __user *to, const void *from, unsigned long n);
/* Zeroes n user bytes: the number of bytes that could NOT be zeroed. */
unsigned long clear_user(void __user *to, unsigned long n);
/* Copies a string of at most n-1 bytes plus NUL: its length, -EFAULT or -ENAMETOOLONG. */
long strncpy_from_user(char *dst, const char __user *src, long n);

/* get_user(x, ptr) / put_user(x, ptr): 0 or -EFAULT, sized by *ptr (1, 2 or 4 bytes). */
#define get_user(x, ptr) ({                                                     \
	unsigned char __gu_b[sizeof(*(ptr))] __attribute__((aligned(4)));      \
	int __gu_r = copyin((ptr), __gu_b, sizeof(__gu_b)) ? -EFAULT : 0;     \
	(x) = __gu_r ? 0 : *(const __typeof__(*(ptr)) *)(const void *)__gu_b;  \
	__gu_r; })
#define put_user(x, ptr) ({                                                     \
	__typeof__(*(ptr)) __pu_v = (x);                                        \
	copyout(&__pu_v, (ptr), sizeof(__pu_v)) ? -EFAULT : 0; })

/* Lets kernel code call file operations that expect user buffers with
 * kernel buffers (exec reading an ELF file): Linux's old set_fs(KERNEL_DS). */
bool uaccess_kernel_begin(void);
void uaccess_kernel_end(bool saved);

/* For the page-fault handler: the fixup address for a faulting kernel eip, or 0. */
uint32_t extable_fixup(uint32_t eip);

#endif
