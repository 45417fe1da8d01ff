/* sysdep.h (libc-private): how the libc issues system calls. __syscall(nr, args...) returns the raw
 * kernel result (-errno on failure); __sysret(...) turns that into the C convention (-1 + errno). */
#ifndef _LIBC_SYSDEP_H
#define _LIBC_SYSDEP_H

#include <stdarg.h>
#include <uapi/syscall_nr.h>

/* Implemented in syscall.S: one out-of-line trap for every arity, because ebp (the sixth argument)
 * is the frame pointer and cannot be named in an inline asm constraint. */
long __raw_syscall(long nr, long a1, long a2, long a3, long a4, long a5, long a6);

#define __SC_CALL(nr, a, b, c, d, e, f, ...) \
	__raw_syscall((nr), (long)(a), (long)(b), (long)(c), (long)(d), (long)(e), (long)(f))
#define __syscall(...) __SC_CALL(__VA_ARGS__, 0, 0, 0, 0, 0, 0, 0)
#define __sysret(...)  __syscall_ret(__syscall(__VA_ARGS__))

/* The same for the calls that are cancellation points (pthread_cancel.c). */
long __syscall_cp(long nr, long a1, long a2, long a3, long a4, long a5, long a6);
#define __SC_CALL_CP(nr, a, b, c, d, e, f, ...) \
	__syscall_cp((nr), (long)(a), (long)(b), (long)(c), (long)(d), (long)(e), (long)(f))
#define __syscall_cancel(...) __SC_CALL_CP(__VA_ARGS__, 0, 0, 0, 0, 0, 0, 0)
#define __sysret_cp(...) __syscall_ret(__syscall_cancel(__VA_ARGS__))

/* The optional argument after `last` of a variadic wrapper (open's mode, fcntl's and ioctl's
 * argument, mremap's new address) as a `type`; 0 when `present` says the caller passed none. */
#define __va_opt_arg(last, type, present) ({			\
	type __v = 0;						\
	if (present) {						\
		va_list __ap;					\
		va_start(__ap, last);				\
		__v = va_arg(__ap, type);			\
		va_end(__ap);					\
	}							\
	__v; })

/* Raw result -> C result: errors become -1 with errno set. */
long __syscall_ret(long r);

/* Start-up hooks (start.c, tls.c, env.c). */
void __tls_init(const unsigned long *auxv);
extern const unsigned long *__auxv;

#endif
