/* uaccess.c: checked copies between kernel and user memory (see uaccess.h).
 * access_ok rejects what can never be user memory (at or above KERNBASE, or a
 * range that wraps); what is below KERNBASE but unmapped faults inside the copy
 * primitive and is recovered through the exception table. */
#include "kernel.h"
#include "proc.h"
#include "uaccess.h"
#include "uapi/errno.h"

uint32_t __copy_user(void *dst, const void *src, uint32_t n);
uint32_t __clear_user(void *dst, uint32_t n);
int32_t __copy_user_str(char *dst, const char *src, uint32_t max);

struct extable_entry {
	uint32_t insn, fixup;
};
extern const struct extable_entry __start_extable[], __stop_extable[];

uint32_t extable_fixup(uint32_t eip)
{
	for (const struct extable_entry *e = __start_extable; e < __stop_extable; e++)
		if (e->insn == eip)
			return e->fixup;
	return 0;
}

static bool kernel_ds(void)
{
	return current && current->uaccess_kernel;
}

bool access_ok(const void __user *addr, unsigned long size)
{
	return kernel_ds() || is_user_range((uint32_t)addr, size);
}

bool uaccess_kernel_begin(void)
{
	bool saved = current->uaccess_kernel;
	current->uaccess_kernel = true;
	return saved;
}

void uaccess_kernel_end(bool saved)
{
	current->uaccess_kernel = saved;
}

unsigned long copy_from_user(void *to, const void __user *from, unsigned long n)
{
	if (!access_ok(from, n))
		return n;
	return __copy_user(to, from, n);
}

unsigned long copy_to_user(void __user *to, const void *from, unsigned long n)
{
	if (!access_ok(to, n))
		return n;
	return __copy_user(to, from, n);
}

unsigned long clear_user(void __user *to, unsigned long n)
{
	if (!access_ok(to, n))
		return n;
	return __clear_user(to, n);
}

int copyin(const void __user *uaddr, void *kaddr, size_t len)
{
	return copy_from_user(kaddr, uaddr, len) ? EFAULT : 0;
}

int copyout(const void *kaddr, void __user *uaddr, size_t len)
{
	return copy_to_user(uaddr, kaddr, len) ? EFAULT : 0;
}

long strncpy_from_user(char *dst, const char __user *src, long n)
{
	uint32_t a = (uint32_t)src;
	if (n <= 0)
		return -ENAMETOOLONG;
	if (!kernel_ds() && a >= USER_TOP)
		return -EFAULT;
	/* A string may end before the kernel split even if n bytes would not. */
	uint32_t max = kernel_ds() ? (uint32_t)n : MIN((uint32_t)n, USER_TOP - a);
	int32_t r = __copy_user_str(dst, src, max);
	if (r < 0)
		return -EFAULT;
	if (r == 0 || dst[r - 1] != 0)
		return (uint32_t)r == (uint32_t)n ? -ENAMETOOLONG : -EFAULT;
	return r - 1;
}

int copyinstr(const void __user *uaddr, void *kaddr, size_t len, size_t *done)
{
	long r = strncpy_from_user(kaddr, uaddr, (long)len);
	if (r < 0)
		return (int)-r;
	if (done)
		*done = r + 1;
	return 0;
}

int copystr(const void *kfaddr, void *kdaddr, size_t len, size_t *done)
{
	const char *s = kfaddr;
	char *d = kdaddr;
	for (size_t i = 0; i < len; i++) {
		d[i] = s[i];
		if (!s[i]) {
			if (done)
				*done = i + 1;
			return 0;
		}
	}
	if (done)
		*done = len;
	return ENAMETOOLONG;
}
